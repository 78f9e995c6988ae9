import { existsSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AppError } from './app-error.ts';
import { chromiumPath, closePdfRenderer, htmlToPdf, pdfRendererStats } from './pdf.ts';

const NOTICE = '<html><body><h1>东庄村监测对象识别公示</h1></body></html>';
const isPdf = (pdf: Buffer) => pdf.subarray(0, 5).toString('latin1') === '%PDF-' && pdf.length > 1000;

/** The renderer's Chromium: this process's child started with --disable-dev-shm-usage (/usr/bin/chromium may be a script). */
async function killBrowser(): Promise<void> {
  const { execFileSync } = await import('node:child_process');
  const pids = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'disable-dev-shm-usage'])
    .toString()
    .trim()
    .split('\n')
    .filter(Boolean);
  expect(pids.length).toBeGreaterThan(0);
  for (const pid of pids) process.kill(Number(pid), 'SIGKILL');
}

describe('htmlToPdf', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });
  afterAll(() => closePdfRenderer());

  it('answers 503-style with a pointer to the printable page when Chromium is missing', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const err = await htmlToPdf('<p>公示</p>').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UNAVAILABLE');
    expect((err as AppError).messageZh).toContain('打印');
  });

  it.skipIf(!existsSync(chromiumPath()))(
    'renders Chinese HTML to a PDF, keeping one browser for the next PDFs (two at once included)',
    async () => {
      const before = pdfRendererStats.launches;
      expect(isPdf(await htmlToPdf(NOTICE))).toBe(true);
      const [a, b] = await Promise.all([htmlToPdf(NOTICE), htmlToPdf(NOTICE, { landscape: true })]);
      expect(isPdf(a) && isPdf(b)).toBe(true);
      expect(pdfRendererStats.launches - before).toBe(1);
    },
    60_000,
  );

  it.skipIf(!existsSync(chromiumPath()))(
    'starts another browser when the warm one was killed, and after it was closed',
    async () => {
      expect(isPdf(await htmlToPdf(NOTICE))).toBe(true);
      const before = pdfRendererStats.launches;
      await killBrowser();
      expect(isPdf(await htmlToPdf(NOTICE))).toBe(true);
      expect(pdfRendererStats.launches - before).toBe(1);
      await closePdfRenderer();
      expect(isPdf(await htmlToPdf(NOTICE))).toBe(true);
      expect(pdfRendererStats.launches - before).toBe(2);
    },
    60_000,
  );
});
