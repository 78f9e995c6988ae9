import { describe, expect, it } from 'vitest';
import { login, screenshot, useBrowserApp } from './support/app.ts';

// Issue 16 point 9: the 公示 of a demo case on the print page. Its footer names risk categories as categories (the
// body prints 因病 or another category) and claims only what is true; dates read 2026年3月5日; "下载 PDF" shows that
// it is working, saves the file, and says why when the server cannot print.

const app = useBrowserApp();

describe('notices', () => {
  it('the 公示 footer is true of its body; 下载 PDF shows progress, saves the file, reports a failure', async () => {
    const { page, context } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'village_officer', 'Demo@2021village');
      const list = await page.request.get(`${app.server.baseUrl}/api/cases?stage=publicNotice`);
      expect(list.status()).toBe(200);
      const demo = ((await list.json()) as { items: { id: number }[] }).items[0];
      expect(demo).toBeDefined();
      await page.goto(`${app.server.baseUrl}/cases/${demo.id}/notice/publicity`);
      const frame = page.frameLocator('[data-testid="notice-frame"]');
      await frame.locator('h1').waitFor();
      const footer = await frame.locator('p.note').innerText();
      const body = await frame.locator('table').innerText();
      expect(footer).toContain('不载明病情、残疾类别和等级等健康状况');
      expect(footer).not.toContain('健康状况等个人敏感信息');
      for (const cat of ['因病', '因残']) if (body.includes(cat)) expect(footer).toContain(`“${cat}”`);
      expect(body).not.toMatch(/\d{7,}|慢性病|大病|残疾/);
      // One date style: 2026年3月5日, never 2026-03-05.
      const text = await frame.locator('body').innerText();
      expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      await screenshot(page, 'notices-publicity');

      // 下载 PDF: busy while the server prints, then the file arrives.
      const button = page.getByTestId('notice-pdf');
      const download = page.waitForEvent('download', { timeout: 60_000 });
      await button.click();
      await page.locator('[data-testid="notice-pdf"][data-busy="true"]').waitFor();
      expect(await button.innerText()).toContain('正在生成 PDF');
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.pdf$/);
      await page.locator('[data-testid="notice-pdf"][data-busy="false"]').waitFor();

      // When the server cannot print, the button says why.
      await page.route('**/notices/publicity.pdf', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({
            error: {
              code: 'UNAVAILABLE',
              message: '服务器未安装 PDF 生成组件',
              messageZh: '服务器未安装 PDF 生成组件',
              messageEn: 'No PDF renderer',
              requestId: 'e2e',
            },
          }),
        }),
      );
      await button.click();
      await page.getByText('PDF 生成失败：服务器未安装 PDF 生成组件').waitFor();
      await screenshot(page, 'notices-pdf-failed');
    } finally {
      await context.close();
    }
  });
});
