import { describe, expect, it } from 'vitest';
import { login, screenshot, useBrowserApp } from './support/app.ts';

// Issue 19: county staff try the income line 2,000 yuan higher on last month (a sandbox job), open the result
// (who enters, by township), read one household's explanation under both settings and export the differences;
// the township opens the deprivation view (H, A, M0) and its list of poor households not monitored.

const app = useBrowserApp();

describe('analysis: policy what-if and deprivation view', () => {
  it('scenario → result → explanation → .xlsx; deprivation view', async () => {
    const { page, context } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'county_staff', 'Demo@2021county');
      await page.goto(`${app.server.baseUrl}/analysis/whatif`);
      await page.getByRole('button', { name: '新建试算' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('方案名称').fill('监测线提高2000元');
      const line = dialog.getByLabel('监测收入线（元/人·年）');
      const current = (
        await dialog
          .getByText(/^现行：/)
          .first()
          .innerText()
      ).replace(/[^\d]/g, '');
      await line.fill(String(Number(current) + 2000));
      await dialog.getByRole('button', { name: '开始试算' }).click();
      await dialog.waitFor({ state: 'hidden' });

      const row = page.getByTestId('scenario-list').locator('tr', { hasText: '监测线提高2000元' });
      await row.getByText('已完成').waitFor({ timeout: 30_000 });
      await row.getByRole('button', { name: /查\s*看/ }).click();
      const result = page.getByTestId('scenario-result');
      await result.getByTestId('stat-entering').waitFor();
      const total = result.locator('.ant-pagination-total-text').filter({ hasText: '户' });
      await total.waitFor();
      const entering = Number(
        (await result.getByTestId('stat-entering').locator('.ant-statistic-content').innerText()).replace(/\D/g, ''),
      );
      expect(entering).toBeGreaterThan(0);
      expect(await total.innerText()).toMatch(/共 [1-9]\d* 户/);
      await screenshot(page, 'analysis-whatif');

      await result.getByTestId('scenario-changes').getByRole('button', { name: '判断依据' }).first().click();
      const explain = page.getByTestId('scenario-explain');
      await explain.getByText('人均纯收入低于监测范围').waitFor();

      const href = await result.getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
      const xlsx = await page.request.get(`${app.server.baseUrl}${href}`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    } finally {
      await context.close();
    }
    const township = await app.desktop();
    try {
      await login(township.page, app.server.baseUrl, 'township_staff', 'Demo@2021township');
      await township.page.goto(`${app.server.baseUrl}/analysis/deprivation`);
      await township.page.getByTestId('af-M0').waitFor();
      await township.page.getByTestId('af-unmonitored').locator('.ant-table-tbody').waitFor();
      expect(await township.page.getByTestId('af-M0').locator('.ant-statistic-content').innerText()).toMatch(
        /^\d\.\d{4}$/,
      );
      await screenshot(township.page, 'analysis-deprivation');
    } finally {
      await township.context.close();
    }
  });
});
