import { describe, expect, it } from 'vitest';
import { login, screenshot, useBrowserApp } from './support/app.ts';

// Issue 14 items 5 and 6: the county opens the 兜底保障 check (monitored households without labour not covered, 共 N 户,
// export) and the 易地搬迁 stable-employment check, keeps only the households short of it, exports that list, and
// follows one to its household page: the relocation section names it 未达到, the 兜底保障 section lists each member.

const app = useBrowserApp();

describe('social: 兜底保障 and 易地搬迁后续扶持', () => {
  it('uncovered list with export → relocation check, short only, export → household sections', async () => {
    const { page, context } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'county_staff', 'Demo@2021county');
      await page.goto(`${app.server.baseUrl}/social-assistance/uncovered`);
      await page.getByText('无劳动能力未纳入兜底保障的监测户').first().waitFor();
      await page.locator('.ant-table').first().waitFor();
      const uncovered = await page.request.get(`${app.server.baseUrl}/api/social-assistance/uncovered/export.xlsx`);
      expect(uncovered.status()).toBe(200);
      expect(uncovered.headers()['content-type']).toContain('spreadsheetml');

      await page.goto(`${app.server.baseUrl}/relocation`);
      await page.getByText('龙港镇东庄移民新村安置点').first().waitFor();
      await page.getByTestId('relocation-short-only').click();
      await page.waitForURL(/short=1/);
      const shortTag = page.locator('.ant-table-row .ant-tag', { hasText: '未达到' }).first();
      await shortTag.waitFor();
      expect(await page.locator('.ant-pagination-total-text').innerText()).toMatch(/共 [1-9]\d* 户/);
      await screenshot(page, 'social-relocation');
      const xlsx = await page.request.get(`${app.server.baseUrl}/api/relocation/households/export.xlsx?short=1`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

      await page.locator('.ant-table-row [data-testid^="household-link-"]').first().click();
      await page.getByTestId('relocation-section').getByText('未达到').waitFor();
      await page.getByTestId('social-assistance-section').getByRole('columnheader', { name: '享受的保障' }).waitFor();
      await screenshot(page, 'social-household');
    } finally {
      await context.close();
    }
  });
});
