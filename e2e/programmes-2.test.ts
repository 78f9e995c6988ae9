import { describe, expect, it } from 'vitest';
import { login, screenshot, useBrowserApp } from './support/app.ts';

// Issue 14 item 2 (就业与培训): the township opens the employment ledger (figures of the month, 共 N 条), follows a
// job to its household, records a new job in the household page's section and sees it there; the ledger exports.

const app = useBrowserApp();

describe('programmes-2: employment and training', () => {
  it('ledger with figures → household section → a new job appears; export of the filtered list', async () => {
    const { page, context } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'township_staff', 'Demo@2021township');
      await page.goto(`${app.server.baseUrl}/employment/jobs`);
      await page.getByTestId('employment-figures').getByText('就业率').waitFor();
      const total = page.locator('.ant-pagination-total-text');
      await total.waitFor();
      expect(await total.innerText()).toMatch(/共 [1-9]\d* 条/);
      await screenshot(page, 'programmes-2-jobs');

      const xlsx = await page.request.get(`${app.server.baseUrl}/api/employment/jobs/export.xlsx?placeKind=county`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

      await page.locator('[data-testid^="household-link-"]').first().click();
      const section = page.getByTestId('employment-section');
      await section.getByText('稳定就业').first().waitFor();
      await section.getByRole('button', { name: '登记务工' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('人员', { exact: true }).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      await dialog.getByLabel('务工地点', { exact: true }).fill('太原市小店区');
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await section.getByText('太原市小店区').waitFor();
      await screenshot(page, 'programmes-2-household');
    } finally {
      await context.close();
    }
  });
});
