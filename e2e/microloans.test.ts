import { describe, expect, it } from 'vitest';
import { login, screenshot, useBrowserApp } from './support/app.ts';

// Issue 14 item 3 (小额信贷): the township opens the overdue list (共 N 条), the ledger exports what is filtered, the
// bank-sheet import checks its template (dry run), the overdue loan leads to its household, whose 小额信贷 section records the repayment that settles it.

const app = useBrowserApp();

describe('microloans: small loans', () => {
  it('overdue list → export → household section → repaid in full', async () => {
    const { page, context } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'township_staff', 'Demo@2021township');
      await page.goto(`${app.server.baseUrl}/microloans?status=overdue`);
      const list = page.getByTestId('microloans-page');
      const total = list.locator('.ant-pagination-total-text');
      await total.waitFor();
      expect(await total.innerText()).toMatch(/共 [1-9]\d* 条/);
      await list
        .getByText(/逾期 \d+ 天/)
        .first()
        .waitFor();
      await screenshot(page, 'microloans-overdue');

      const xlsx = await page.request.get(`${app.server.baseUrl}/api/microloans/export.xlsx?status=overdue`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

      // The bank-sheet import: the page's own template, chosen as the file, is checked at once (a dry run).
      const template = await page.request.get(`${app.server.baseUrl}/api/microloans/import/template.xlsx`);
      expect(template.status()).toBe(200);
      await list.locator('input[type=file]').setInputFiles({
        name: '银行放款明细.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await template.body(),
      });
      const checked = page.getByRole('dialog').getByTestId('import-result');
      expect(await checked.innerText()).toMatch(/已核对 \d+ 行，发现 \d+ 处问题（未写入）/);
      await screenshot(page, 'microloans-import-check');
      await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

      await list.locator('[data-testid^="household-link-"]').first().click();
      const section = page.getByTestId('microloans-section');
      await section
        .getByText(/逾期 \d+ 天/)
        .first()
        .waitFor();
      await section.getByRole('button', { name: '还款' }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('还款金额(元)', { exact: true }).waitFor();
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('已保存').waitFor();
      await section.getByText('已结清').first().waitFor();
      await screenshot(page, 'microloans-household');
    } finally {
      await context.close();
    }
  });
});
