import { describe, expect, it } from 'vitest';
import { login, screenshot, useBrowserApp } from './support/app.ts';

// Issue 15 item 5: a village officer reads 东庄村's points ranking (the demo's items adopted by 四议两公开), awards
// points to a household under an item, tries to redeem more than its balance (refused on the field), redeems within
// it, finds the award in the records, and downloads the ledger.

const app = useBrowserApp();

async function pickHousehold(page: import('playwright-core').Page, dialog: import('playwright-core').Locator) {
  await dialog.getByTestId('household-picker').click();
  await page.keyboard.type('140521100201');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
}

describe('village points: 积分制 and 积分超市', () => {
  it('ranking → award → redemption refused above the balance, then within it → records → export', async () => {
    const { page, context } = await app.desktop();
    try {
      const base = app.server.baseUrl;
      await login(page, base, 'village_officer', 'Demo@2021village');
      await page.goto(`${base}/village-points`);
      await page.getByTestId('points-ranking').locator('.ant-tag-gold').first().waitFor();

      await page.getByRole('button', { name: /^记\s?分$/ }).click();
      const award = page.getByRole('dialog', { name: '记分' });
      await pickHousehold(page, award);
      await award.getByLabel('积分项目').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '庭院整洁' }).click();
      await award.getByLabel('事由').fill('十二月人居环境评比第一名');
      await award.locator('.ant-btn-primary').click();
      await award.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: '积分兑换' }).click();
      const redeem = page.getByRole('dialog', { name: '积分兑换' });
      await pickHousehold(page, redeem);
      await redeem.getByText(/当前积分余额：\d+ 分/).waitFor();
      await redeem.getByLabel('兑换物品').fill('大米');
      await redeem.getByLabel('使用积分').fill('99999');
      await redeem.locator('.ant-btn-primary').click();
      await redeem.getByText(/积分余额不足/).waitFor();
      await redeem.getByLabel('使用积分').fill('1');
      await redeem.locator('.ant-btn-primary').click();
      await redeem.waitFor({ state: 'hidden' });
      await screenshot(page, 'village-points-ranking');

      await page.getByRole('tab', { name: '积分记录' }).click();
      await page.getByTestId('points-awards').getByText('十二月人居环境评比第一名').waitFor();
      await page.getByRole('tab', { name: '积分兑换' }).click();
      await page.getByTestId('points-redemptions').getByText('大米').waitFor();
      await page.getByRole('tab', { name: '积分项目' }).click();
      await page.getByTestId('points-rules').getByText('东庄村积分制管理办法（村规民约）').first().waitFor();
      await screenshot(page, 'village-points-rules');
      const xlsx = await page.request.get(`${base}/api/village-points/export.xlsx`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    } finally {
      await context.close();
    }
  });
});
