import { describe, expect, it } from 'vitest';
import { login, screenshot, useBrowserApp } from './support/app.ts';

// Issue 15 items 4 and 7: the township opens 村集体经济 (township totals, weak line), corrects a village's year and
// downloads the ledger; then 消费帮扶: the 专馆/专区/专柜 progress against 2/2/20, closes a 专柜, downloads the ledger,
// and follows a supplying 脱贫户 to its household page.

const app = useBrowserApp();

describe('villages-a: collective economy and consumer assistance', () => {
  it('collective income corrected and exported; an outlet closed; consumer ledger exported', async () => {
    const { page, context } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'township_staff', 'Demo@2021township');
      await page.goto(`${app.server.baseUrl}/collective-economy`);
      await page.getByTestId('collective-townships').getByText('龙港镇').waitFor();
      await page.getByTestId('collective-weak-line').getByText('薄弱线').waitFor();
      const total = page.locator('.ant-pagination-total-text');
      await total.waitFor();
      expect(await total.innerText()).toMatch(/共 [1-9]\d* 条/);
      await page.locator('[data-testid^="collective-enter-"]').first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('土地发包租赁', { exact: true }).fill('23456.78');
      await dialog.locator('.ant-btn-primary').click();
      await page.getByText('已保存集体经济收入').waitFor();
      await page.getByTestId('collective-villages').getByText('23,456.78').first().waitFor();
      await screenshot(page, 'villages-a-collective');
      const year = new URL(page.url()).searchParams.get('year') ?? '';
      const ledger = await page.request.get(
        `${app.server.baseUrl}/api/collective-economy/export.xlsx?year=${year || 2025}`,
      );
      expect(ledger.status()).toBe(200);
      expect(ledger.headers()['content-type']).toContain('spreadsheetml');

      await page.goto(`${app.server.baseUrl}/consumer-assistance`);
      const summary = page.getByTestId('consumer-summary');
      await summary.getByText('专柜 · 到2025年目标').waitFor();
      await summary.getByText('20个消费帮扶专柜', { exact: false }).waitFor();
      const outlets = page.getByTestId('consumer-outlets');
      await outlets.locator('.ant-table-row').first().waitFor(); // counted once the rows are there
      const before = await outlets.getByText('已关闭').count();
      await outlets.getByRole('button', { name: '关闭' }).first().click();
      await page.getByRole('dialog').locator('.ant-btn-primary').click();
      await page.getByText('已保存').first().waitFor();
      await expect.poll(() => outlets.getByText('已关闭').count()).toBe(before + 1);
      await screenshot(page, 'villages-a-consumer');
      const xlsx = await page.request.get(`${app.server.baseUrl}/api/consumer-assistance/outlets/export.xlsx`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

      // a supplying 脱贫户: from the products tab to its household page, where the section lists what it supplies
      await page.getByRole('tab', { name: '产品与供货方' }).click();
      await page.getByTestId('consumer-products').locator('a[href^="/registry/households/"]').first().click();
      await page.getByTestId('consumer-section').getByText('累计销售(元)').first().waitFor();
    } finally {
      await context.close();
    }
  });
});
