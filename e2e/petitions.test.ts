import { describe, expect, it } from 'vitest';
import { login, screenshot, useBrowserApp } from './support/app.ts';

// Issue 15 item 6: a village officer opens the overdue list of 涉贫舆情信访 (the demo's online item past its deadline),
// records a handling step and closes it; registers a new 信访, adds a household of the village and raises a
// petition-channel clue for it (the household page lists the item); the 零上访 list shows 东庄村 with a 信访 this year; the ledger exports.

const app = useBrowserApp();

describe('petitions: 涉贫舆情与信访 register', () => {
  it('overdue → step → close; new 信访 → household → clue; 零上访 villages; export', async () => {
    const { page, context } = await app.desktop();
    try {
      const base = app.server.baseUrl;
      await login(page, base, 'village_officer', 'Demo@2021village');
      await page.goto(`${base}/petitions?status=overdue`);
      const rows = page.getByTestId('petitions');
      const overdueRow = rows.locator('tr', { hasText: '网帖称村里产业分红不公开' });
      await overdueRow.locator('.ant-tag-red').waitFor();
      await overdueRow.getByRole('button', { name: '查看' }).click();
      const drawer = page.getByTestId('petition-detail');
      await drawer.getByText('调取分红台账，正在核对名单').waitFor();
      await drawer.getByRole('button', { name: '记录办理环节' }).click();
      const stepDialog = page.getByRole('dialog', { name: '记录办理环节' });
      await stepDialog.getByLabel('办理情况').fill('核对分红名单，张榜公示分红明细');
      await stepDialog.locator('.ant-btn-primary').click();
      await stepDialog.waitFor({ state: 'hidden' });
      await drawer.getByText('核对分红名单，张榜公示分红明细').waitFor();
      await drawer.getByRole('button', { name: /^办\s?结$/ }).click();
      const closeDialog = page.getByRole('dialog', { name: '办结' });
      await closeDialog.getByLabel('办结情况').fill('分红明细已公示，网上已回应');
      await closeDialog.locator('.ant-btn-primary').click();
      await closeDialog.waitFor({ state: 'hidden' });
      await drawer.getByText(/分红明细已公示，网上已回应/).waitFor();
      await screenshot(page, 'petitions-closed');
      await page.keyboard.press('Escape');
      await rows.getByText('网帖称村里产业分红不公开').waitFor({ state: 'detached' });

      await page.goto(`${base}/petitions`);
      await page.getByRole('button', { name: '登记事项' }).click();
      const create = page.getByRole('dialog', { name: '登记事项' });
      await create.getByTestId('registry-org-filter').click();
      await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '东庄村' }).first().click();
      await create.getByLabel('事项标题').fill('来访反映因病致困');
      await create.getByLabel('反映内容').fill('村民来访反映家人重病住院，医疗费用负担重，生活困难。');
      await create.locator('.ant-btn-primary').click();
      await create.waitFor({ state: 'hidden' });
      const created = page.getByTestId('petition-detail');
      await created.getByText('来访反映因病致困').waitFor();
      await created.getByRole('button', { name: '添加涉及农户' }).click();
      const addHh = page.getByRole('dialog', { name: '添加涉及农户' });
      await addHh.getByTestId('household-picker').click();
      await page.keyboard.type('140521100201');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      await addHh.locator('.ant-btn-primary').click();
      await addHh.waitFor({ state: 'hidden' });
      const households = created.getByTestId('petition-households');
      await households.getByText('未发现风险').waitFor();
      await households.getByRole('button', { name: '生成线索' }).click();
      const clue = page.getByRole('dialog', { name: /生成监测线索/ });
      await clue.getByRole('checkbox', { name: '因病' }).check();
      const answer = page.waitForResponse((r) => /\/api\/petitions\/\d+\/households\/\d+\/clue$/.test(r.url()));
      await clue.locator('.ant-btn-primary').click();
      expect((await answer).status()).toBe(200);
      await households.locator('.ant-tag-red', { hasText: '因病' }).waitFor();
      await screenshot(page, 'petitions-clue');
      // the household's page lists the item in its 涉贫舆情信访 section
      await households.getByRole('link').first().click();
      await page.getByTestId('petitions-section').getByText('来访反映因病致困').waitFor();

      await page.goto(`${base}/petitions/zero`);
      const villages = page.getByTestId('zero-petition-villages');
      await villages.locator('tr', { hasText: '东庄村' }).getByText('否').waitFor();
      await page.getByTestId('zero-petition-townships').getByText('龙港镇').waitFor();
      await screenshot(page, 'petitions-zero');
      const xlsx = await page.request.get(`${base}/api/petitions/export.xlsx?status=closed`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    } finally {
      await context.close();
    }
  });
});
