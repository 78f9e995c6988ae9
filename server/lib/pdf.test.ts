import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from './app-error.ts';
import { chromiumPath, htmlToPdf } from './pdf.ts';

describe('htmlToPdf', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('answers 503-style with a pointer to the printable page when Chromium is missing', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const err = await htmlToPdf('<p>公示</p>').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UNAVAILABLE');
    expect((err as AppError).messageZh).toContain('打印');
  });

  it.skipIf(!existsSync(chromiumPath()))(
    'renders Chinese HTML to a PDF',
    async () => {
      const pdf = await htmlToPdf('<html><body><h1>东庄村监测对象识别公示</h1></body></html>');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(1000);
    },
    60_000,
  );
});
