import { describe, expect, it } from 'vitest';
import { login, screenshot, useBrowserApp } from './support/app.ts';

// Issue 15 items 2 and 3: the county opens 驻村工作队 (a team's drawer with attendance below the minimum; a work-log
// line is added), the villages requiring a team filtered to those lacking one, and 社会力量帮扶 (totals, a
// contribution recorded in a pairing's drawer); both ledgers export; the cockpit's village view (村情) of 东庄村.

const app = useBrowserApp();

describe('villages-b: resident teams and social pairing', () => {
  it('team drawer → log line; villages lacking a team; pairing totals → contribution; exports', async () => {
    const { page, context } = await app.desktop();
    try {
      const base = app.server.baseUrl;
      await login(page, base, 'county_staff', 'Demo@2021county');
      await page.goto(`${base}/resident-teams?q=王建国`);
      const teams = page.getByTestId('resident-teams');
      await teams.getByRole('button', { name: '查看' }).first().click();
      const drawer = page.getByTestId('team-detail');
      await drawer.getByText('第一书记').first().waitFor();
      await page.getByTestId('team-attendance').locator('.ant-tag-red').first().waitFor();
      await drawer.getByRole('button', { name: '记日志' }).click();
      const dialog = page.getByRole('dialog').filter({ hasText: '工作内容' });
      await dialog.getByLabel('工作内容').fill('召开产业发展座谈会');
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await drawer.getByText('召开产业发展座谈会').waitFor();
      await screenshot(page, 'villages-b-team');
      await page.keyboard.press('Escape');

      await page.goto(`${base}/resident-teams?scope=lacking`);
      await page.getByRole('tab', { name: '应派驻村' }).click();
      await page.getByTestId('resident-villages').getByText('未派驻').first().waitFor();
      const teamsXlsx = await page.request.get(`${base}/api/resident-teams/export.xlsx`);
      expect(teamsXlsx.status()).toBe(200);
      expect(teamsXlsx.headers()['content-type']).toContain('spreadsheetml');

      await page.goto(`${base}/social-pairing`);
      await page.getByTestId('pairing-totals').getByText('企业帮村').first().waitFor();
      await page.getByTestId('social-pairings').getByRole('button', { name: '查看' }).first().click();
      const pairing = page.getByTestId('pairing-detail');
      await pairing.getByRole('button', { name: '登记投入' }).click();
      const gift = page.getByRole('dialog').filter({ has: page.getByLabel('项目名称') });
      await gift.getByLabel('项目名称').fill('电商培训');
      await gift.locator('.ant-btn-primary').click();
      await gift.waitFor({ state: 'hidden' });
      await pairing.getByText('电商培训').waitFor();
      await screenshot(page, 'villages-b-pairing');
      const pairingXlsx = await page.request.get(`${base}/api/social-pairing/export.xlsx?kind=enterpriseVillage`);
      expect(pairingXlsx.status()).toBe(200);

      // the cockpit's village view: 东庄村's programmes, each with a link to its page
      await page.goto(`${base}/indicators/cockpit?org=140521100201`);
      const profile = page.getByTestId('village-profile');
      await profile.getByText('驻村工作队').waitFor();
      await profile.getByText('第一书记').waitFor();
      for (const title of ['重点帮扶村/示范村', '社会力量帮扶', '村集体经济', '消费帮扶', '积分制', '涉贫舆情与信访'])
        await profile.getByText(title, { exact: true }).waitFor();
      await screenshot(page, 'villages-b-village-view');
      await profile.getByRole('link', { name: '查看' }).first().click();
      await page.waitForURL(/\/key-villages/);
    } finally {
      await context.close();
    }
  });
});
