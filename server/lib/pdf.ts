import { existsSync } from 'node:fs';
import { AppError } from './app-error.ts';

// HTML → PDF through headless Chromium (playwright-core drives the system browser; no download).
// Chinese text needs a CJK font on the machine (CI installs fonts-wqy-zenhei). When Chromium is
// missing the caller gets a 503 that points to the printable page, which the browser can print to PDF.

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

export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw pdfUnavailable();
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  } catch {
    throw pdfUnavailable();
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
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
    await browser.close();
  }
}
