import { describe, expect, it } from 'vitest';
import { login, screenshot, useBrowserApp } from './support/app.ts';

// Issue 15 item 1: the county scores a village by hand (区位条件, 公共服务, 基础设施, 资源禀赋), reads the ranking, records a
// decision taking the top ten as 重点帮扶村, finds it in force in the history, and sees the decided villages as the
// 重点帮扶村 group on the indicator targets page (the 5G target stays on 重点行政村).

const app = useBrowserApp();

describe('key villages: score, rank, decide, see the group', () => {
  it('county scores 东庄村, decides the top ten, the targets page shows them as 重点帮扶村', async () => {
    const { page, context } = await app.desktop();
    try {
      const base = app.server.baseUrl;
      const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() - 1;
      await login(page, base, 'county_staff', 'Demo@2021county');
      await page.goto(`${base}/key-villages?year=${year}&q=东庄村`);
      // the demo decision of last year is in force
      await page.getByTestId('key-village-in-force').getByText(`沁乡振发〔${year}〕8号`).waitFor();
      const sheet = page.getByTestId('key-village-sheet');
      await sheet.locator('tr', { hasText: '东庄村' }).first().waitFor();
      await page.getByTestId('key-score-140521100201').click();
      const scoreDialog = page.getByRole('dialog', { name: /东庄村/ });
      for (const [label, value] of [
        ['区位条件', '15'],
        ['公共服务', '20'],
        ['基础设施', '25'],
        ['资源禀赋', '10'],
      ])
        await scoreDialog.getByLabel(label, { exact: true }).fill(value);
      const saved = page.waitForResponse(
        (r) => r.url().includes('/api/key-villages/scores/') && r.request().method() === 'PUT',
      );
      await scoreDialog.locator('.ant-btn-primary').click();
      expect((await saved).status()).toBe(200);
      await scoreDialog.waitFor({ state: 'hidden' });
      await sheet.locator('tr', { hasText: '东庄村' }).getByText('15', { exact: true }).waitFor();
      await screenshot(page, 'key-villages-scored');

      // the whole ranking, then the county's decision: the top ten as 重点帮扶村, the last two as 示范村
      await page.goto(`${base}/key-villages?year=${year}`);
      await page.getByText('共 ', { exact: false }).first().waitFor();
      await page.getByRole('button', { name: '录入认定' }).click();
      const decide = page.getByRole('dialog', { name: '录入县级认定' });
      await decide.getByLabel('文号', { exact: true }).fill(`沁乡振发〔${year}〕12号`);
      const fill = decide.getByRole('button', { name: /^填\s*入$/ });
      await expect.poll(() => fill.isEnabled()).toBe(true);
      await fill.click();
      await decide.getByRole('button', { name: '填入示范村' }).click();
      const posted = page.waitForResponse(
        (r) => r.url().endsWith('/api/key-villages/decisions') && r.request().method() === 'POST',
      );
      await decide.locator('.ant-btn-primary').last().click();
      const answer = await posted;
      expect(answer.status()).toBe(200);
      const decision = (await answer.json()) as {
        keyCount: number;
        demoCount: number;
        inForce: boolean;
        villages: { villageName: string; kind: string; rank: number }[];
      };
      expect(decision).toMatchObject({ keyCount: 10, demoCount: 2, inForce: true });
      await decide.waitFor({ state: 'hidden' });
      await page.getByTestId('key-village-in-force').getByText(`沁乡振发〔${year}〕12号`).waitFor();

      await page.getByRole('tab', { name: '认定记录' }).click();
      const history = page.getByTestId('key-village-decisions');
      const row = history.locator('tr', { hasText: `沁乡振发〔${year}〕12号` });
      await row.getByText('现行').waitFor();
      await history
        .locator('tr', { hasText: `沁乡振发〔${year}〕8号` })
        .getByText('已被取代')
        .waitFor();
      await screenshot(page, 'key-villages-decided');

      // the indicators' 重点帮扶村 group is the decision's ten; the 5G target keeps its own 重点行政村 group
      await page.goto(`${base}/indicators/targets`);
      const groups = page.getByTestId('org-groups');
      const keyGroup = groups.locator('[data-group="KEY_VILLAGE"]');
      await keyGroup.getByText('（10个村）', { exact: false }).waitFor();
      const first = decision.villages.find((v) => v.kind === 'key' && v.rank === 1)!;
      expect(await keyGroup.innerText()).toContain(first.villageName);
      await groups.locator('[data-group="DEMO_VILLAGE"]').getByText('（2个村）', { exact: false }).waitFor();
      await page.locator('tr', { hasText: '重点行政村' }).first().waitFor();
      await screenshot(page, 'key-villages-targets');
    } finally {
      await context.close();
    }
  });
});
