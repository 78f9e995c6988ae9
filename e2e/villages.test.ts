// Village programmes, one server and one browser for the five journeys (they run in this order; each changes only
// what it reads itself, or reads relative to what it found): collective economy and consumer assistance (villages-a),
// resident teams and social pairing (villages-b), key villages, the points system, petitions.

import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { login, screenshot, useBrowserApp } from './support/app.ts';

const app = useBrowserApp();

// ── villages-a ───────────────────────────────────────────────────────────────────────────────────

// Issue 15 items 4 and 7: the township opens 村集体经济 (township totals, weak line), corrects a village's year and
// downloads the ledger; then 消费帮扶: the 专馆/专区/专柜 progress against 2/2/20, closes a 专柜, downloads the ledger,
// and follows a supplying 脱贫户 to its household page.

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

// ── villages-b ───────────────────────────────────────────────────────────────────────────────────

// Issue 15 items 2 and 3: the county opens 驻村工作队 (a team's drawer with attendance below the minimum; a work-log
// line is added), the villages requiring a team filtered to those lacking one, and 社会力量帮扶 (totals, a
// contribution recorded in a pairing's drawer); both ledgers export; the cockpit's village view (村情) of 东庄村.

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

// ── key-villages ─────────────────────────────────────────────────────────────────────────────────

// Issue 15 item 1: the county scores a village by hand (区位条件, 公共服务, 基础设施, 资源禀赋), reads the ranking, records a
// decision taking the top ten as 重点帮扶村, finds it in force in the history, and sees the decided villages as the
// 重点帮扶村 group on the indicator targets page (the 5G target stays on 重点行政村).

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

// ── village-points ───────────────────────────────────────────────────────────────────────────────

// Issue 15 item 5: a village officer reads 东庄村's points ranking (the demo's items adopted by 四议两公开), awards
// points to a household under an item, tries to redeem more than its balance (refused on the field), redeems within
// it, finds the award in the records, and downloads the ledger.

/**
 * Finds 东庄村's households in the dialog's picker (the search typed at once: a slow keystroke would search a part of
 * it) and takes the first, or the one named; done when the picker shows it (a click during the dropdown's animation
 * chooses nothing). Returns the option's text, to take the same household again.
 */
async function pickHousehold(page: Page, dialog: Locator, named?: string): Promise<string> {
  const picker = dialog.getByTestId('household-picker');
  for (let attempt = 1; ; attempt += 1) {
    await picker.click();
    await picker.locator('input').fill('140521100201');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    const option = named ? options.filter({ hasText: named }).first() : options.first();
    try {
      const label = (await option.innerText({ timeout: 8000 })).trim();
      await option.click({ timeout: 8000 });
      await expect.poll(async () => (await picker.innerText()).includes(label), { timeout: 3000 }).toBe(true);
      return label;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/** Chooses an option of the dialog's select, done when the select shows it. */
async function chooseIn(page: Page, dialog: Locator, label: string, option: string): Promise<void> {
  const select = dialog
    .getByLabel(label, { exact: true })
    .locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  for (let attempt = 1; ; attempt += 1) {
    await dialog.getByLabel(label, { exact: true }).click();
    try {
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click({
        timeout: 8000,
      });
      await expect.poll(async () => (await select.innerText()).includes(option), { timeout: 3000 }).toBe(true);
      return;
    } catch (err) {
      // A click toggles the dropdown: the next attempt closes it, the one after opens it afresh.
      if (attempt >= 4) throw err;
    }
  }
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
      const household = await pickHousehold(page, award);
      await chooseIn(page, award, '积分项目', '庭院整洁');
      await award.getByLabel('事由').fill('十二月人居环境评比第一名');
      await award.locator('.ant-btn-primary').click();
      await award.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: '积分兑换' }).click();
      const redeem = page.getByRole('dialog', { name: '积分兑换' });
      await pickHousehold(page, redeem, household);
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

// ── petitions ────────────────────────────────────────────────────────────────────────────────────

// Issue 15 item 6: a village officer opens the overdue list of 涉贫舆情信访 (the demo's online item past its deadline),
// records a handling step and closes it; registers a new 信访, adds a household of the village and raises a
// petition-channel clue for it (the household page lists the item); the 零上访 list shows 东庄村 with a 信访 this year; the ledger exports.

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
