import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { AppError } from './app-error.ts';

// HTML → PDF through headless Chromium (playwright-core drives the system browser; no download).
// Chinese text needs a CJK font on the machine (CI installs fonts-wqy-zenhei). When Chromium is
// missing the caller gets a 503 that points to the printable page, which the browser can print to PDF.
//
// One browser is kept warm between requests (starting Chromium costs seconds; a page in a running one, a fraction of
// a second): it starts on the first PDF, each PDF gets a context of its own, and it is closed after IDLE_MS with no
// PDF, when the server closes (closePdfRenderer), or replaced when it has crashed or was killed.

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function pdfUnavailable(): AppError {
  return new AppError('UNAVAILABLE', {
    zh: '服务器未安装 PDF 生成组件（Chromium）。请打开“打印版”页面，用浏览器“打印 → 另存为 PDF”。',
    en: 'The PDF renderer (Chromium) is not installed on the server. Open the printable page and use the browser’s Print → Save as PDF.',
  });
}

export interface PdfOptions {
  /** A4 by default. */
  format?: 'A4' | 'A3';
  landscape?: boolean;
}

/** A browser with no PDF for this long is closed (its memory given back); the next PDF starts one again. */
const IDLE_MS = 60_000;

interface Renderer {
  browser: Promise<Browser>;
  executablePath: string;
  /** PDFs being made with it now. */
  busy: number;
  idleTimer: NodeJS.Timeout | null;
}

let current: Renderer | null = null;
/** How many browsers were started (read by the tests: the second PDF reuses the first's). */
export const pdfRendererStats = { launches: 0 };

async function launch(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  try {
    pdfRendererStats.launches++;
    return await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  } catch {
    throw pdfUnavailable();
  }
}

/** The running renderer for this Chromium, or a new one (a crashed, killed or other-path browser is replaced). */
function renderer(executablePath: string): Renderer {
  if (current && current.executablePath === executablePath) return current;
  if (current) void retire(current);
  const r: Renderer = { browser: launch(executablePath), executablePath, busy: 0, idleTimer: null };
  current = r;
  r.browser.then(
    (b) => b.on('disconnected', () => (current === r ? (current = null) : undefined)),
    () => (current === r ? (current = null) : undefined),
  );
  return r;
}

async function retire(r: Renderer): Promise<void> {
  if (current === r) current = null;
  if (r.idleTimer) clearTimeout(r.idleTimer);
  const browser = await r.browser.catch(() => null);
  await browser?.close().catch(() => undefined);
}

async function render(browser: Browser, html: string, options: PdfOptions): Promise<Buffer> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    // No network: the HTML must be self-contained (inline styles, no remote images).
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
    const pdf = await page.pdf({
      format: options.format ?? 'A4',
      landscape: options.landscape ?? false,
      printBackground: true,
      margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
    });
    return Buffer.from(pdf);
  } finally {
    await context.close().catch(() => undefined);
  }
}

export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw pdfUnavailable();
  // A browser that died between two PDFs is found out by its first use: start another once.
  for (let attempt = 1; ; attempt++) {
    const r = renderer(executablePath);
    if (r.idleTimer) clearTimeout(r.idleTimer);
    r.busy++;
    try {
      const browser = await r.browser;
      if (!browser.isConnected()) throw new Error('browser disconnected');
      return await render(browser, html, options);
    } catch (err) {
      const browser = await r.browser.catch(() => null);
      if (attempt >= 2 || !browser || browser.isConnected()) throw err;
      if (current === r) current = null;
    } finally {
      r.busy--;
      if (r.busy === 0 && current === r) {
        r.idleTimer = setTimeout(() => void retire(r), IDLE_MS);
        r.idleTimer.unref();
      }
    }
  }
}

/** Closes the warm browser (the server's onClose; tests). The next PDF starts one again. */
export async function closePdfRenderer(): Promise<void> {
  if (current) await retire(current);
}
