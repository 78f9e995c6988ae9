import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, screenshot, useBrowserApp } from './support/app.ts';

// The indicators journey: the county cockpit shows 行政村4G网络覆盖率 met; the village officer of 东庄村 enters this
// month's form (no 4G yet) and submits it; 龙港镇 approves it; the county cockpit now shows the indicator at risk.

const app = useBrowserApp();

async function rowStatus(page: Page, name: string): Promise<string | null> {
  const row = page.getByTestId('indicator-table').locator('tr', { hasText: name });
  await row.first().waitFor();
  return row.first().locator('[data-status]').getAttribute('data-status');
}

describe('indicators', () => {
  it('a village value, entered and approved, changes the county indicator and its target status', async () => {
    const county = await app.desktop();
    const village = await app.desktop();
    const township = await app.desktop();
    try {
      await login(county.page, app.server.baseUrl, 'county_staff', 'Demo@2021county');
      await county.page.goto(`${app.server.baseUrl}/indicators/cockpit`);
      await county.page.getByRole('heading', { name: /指标驾驶舱/ }).waitFor();
      expect(await rowStatus(county.page, '行政村4G网络覆盖率')).toBe('met');
      await county.page.getByTestId('trend-chart').locator('canvas').first().waitFor();
      // Charts that show what matters: a share's axis ends at 100 %, the ranking's bars carry their values.
      expect(await county.page.getByTestId('trend-chart').getAttribute('data-value-axis-max')).toBe('100');
      const ranking = county.page.getByTestId('ranking-chart');
      await ranking.locator('canvas').first().waitFor();
      expect(await ranking.getAttribute('data-bar-labels')).toBe('shown');
      expect(await ranking.getAttribute('data-value-axis-max')).toBe('100');
      // A count of households without a target reads 未设目标, never 无数据 beside its value.
      expect(await rowStatus(county.page, '累计识别监测户')).toBe('noTarget');
      // The village programmes counted from their ledgers (issue 15) carry the demo's figures.
      expect(await rowStatus(county.page, '零上访村数')).toBe('noTarget');
      expect(await rowStatus(county.page, '推行积分制村数')).toBe('noTarget');
      expect(await rowStatus(county.page, '消费帮扶专馆数')).not.toBe('noData');
      await screenshot(county.page, 'indicators-cockpit-before');
      // The industry share's verdict is the funds check's (one source).
      const industry = await rowStatus(county.page, '衔接资金用于产业发展占比');
      const checks = await county.page.request.get(
        `${app.server.baseUrl}/api/funds/checks?year=${new Date(Date.now() + 8 * 3600_000).getUTCFullYear()}`,
      );
      const industryCheck = ((await checks.json()) as { checks: { key: string; status: string }[] }).checks.find(
        (c) => c.key === 'industryShare',
      )!;
      expect(industry).toBe(industryCheck.status);

      // 东庄村's officer fills this month's form.
      await login(village.page, app.server.baseUrl, 'village_officer', 'Demo@2021village');
      await village.page.goto(`${app.server.baseUrl}/indicators/entry`);
      await village.page.getByText('东庄村').first().waitFor();
      const fill = async (label: string, value: string) => village.page.getByLabel(label, { exact: true }).fill(value);
      await fill('农村常住人口', '1200');
      await fill('集中供水受益人口', '1150');
      await fill('自来水受益人口', '1120');
      await fill('农户总户数', '460');
      await fill('户用卫生厕所户数', '320');
      await fill('生活污水得到治理的户数', '150');
      await fill('自然村个数', '3');
      await fill('生活垃圾收运处置体系覆盖的自然村个数', '3');
      await village.page
        .locator('.ant-form-item', { hasText: '4G网络覆盖（是=1）' })
        .getByText('否', { exact: true })
        .click();
      await village.page
        .locator('.ant-form-item', { hasText: '5G网络覆盖（是=1）' })
        .first()
        .getByText('否', { exact: true })
        .click();
      await village.page.getByRole('button', { name: /保\s*存/ }).click();
      await village.page.getByText('已保存').first().waitFor();
      await village.page.getByRole('button', { name: /上报审核/ }).click();
      await village.page.getByTestId('approval-status').filter({ hasText: '已上报待审核' }).waitFor();
      await screenshot(village.page, 'indicators-entry-submitted');

      // 龙港镇 approves it from the approvals board.
      await login(township.page, app.server.baseUrl, 'township_staff', 'Demo@2021township');
      await township.page.goto(`${app.server.baseUrl}/indicators/approvals`);
      await township.page.getByRole('link', { name: '东庄村' }).click();
      await township.page.getByRole('button', { name: /审核通过/ }).click();
      await township.page.getByTestId('approval-status').filter({ hasText: '乡镇已审核' }).waitFor();
      await screenshot(township.page, 'indicators-approved');

      // The approved values are locked for the village.
      await village.page.reload();
      await village.page.getByText('数据已审核锁定').waitFor();
      expect(await village.page.getByRole('button', { name: /保\s*存/ }).isDisabled()).toBe(true);

      // The county cockpit shows the change at once: one village without 4G puts the county at risk.
      await county.page.reload();
      await county.page.getByRole('heading', { name: /指标驾驶舱/ }).waitFor();
      expect(await rowStatus(county.page, '行政村4G网络覆盖率')).toBe('atRisk');
      await screenshot(county.page, 'indicators-cockpit-after');
      // 龙港镇's score on the scorecard is its total on the assessment page.
      const scoreRow = county.page.getByTestId('scorecard').locator('tr', { hasText: '龙港镇' }).first();
      const cockpitScore = (await scoreRow.locator('td').nth(1).innerText()).trim();

      // Drill down from the scorecard to 龙港镇.
      await county.page.getByTestId('scorecard').getByText('龙港镇', { exact: true }).click();
      await county.page.getByRole('heading', { name: /指标驾驶舱 · 龙港镇/ }).waitFor();
      // The heading carries the unit of the data shown. One of 龙港镇's villages lacks 4G: inside the at-risk band of the inherited 100 % target.
      expect(await rowStatus(county.page, '行政村4G网络覆盖率')).toBe('atRisk');
      await screenshot(county.page, 'indicators-township');

      await county.page.goto(`${app.server.baseUrl}/indicators/assessment`);
      await county.page.getByText('名次').first().waitFor();
      const assessed = county.page.locator('tr', { hasText: '龙港镇' }).first();
      await assessed.waitFor();
      expect((await assessed.locator('td').nth(2).innerText()).trim()).toBe(cockpitScore);
      await screenshot(county.page, 'indicators-assessment');
      await county.page.goto(`${app.server.baseUrl}/indicators/targets`);
      await county.page.getByText('沁发〔2021〕17号').first().waitFor();
      await screenshot(county.page, 'indicators-targets');
    } finally {
      await county.context.close();
      await village.context.close();
      await township.context.close();
    }
  });
});
