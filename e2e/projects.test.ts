import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { confirmDialog, login, screenshot, useBrowserApp } from './support/app.ts';

// The project journey: a village officer declares a project in 东庄村 (with its 四议两公开 record),
// the township reviews it, the line department appraises it, the county approves it through the three
// notices and the announcement; the county starts, accepts and completes it, and its asset appears in
// the asset ledger. The notices hang 0 days here: the county administrator sets projects.noticeDays
// for the county first, as a county would for a demonstration (the rule itself is unit-tested).

const app = useBrowserApp();
const NAME = '东庄村蔬菜大棚（浏览器测试）';
const PASSWORDS: Record<string, string> = {
  county_admin: 'Demo@2021county',
  county_staff: 'Demo@2021county',
  township_staff: 'Demo@2021township',
  village_officer: 'Demo@2021village',
  dept_medical: 'Demo@2021dept',
};

async function as(username: string): Promise<Page> {
  const { page } = await app.desktop();
  await login(page, app.server.baseUrl, username, PASSWORDS[username]);
  return page;
}

async function api(page: Page, path: string, data: object) {
  const res = await page.request.post(`${app.server.baseUrl}${path}`, { data });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

/** Confirms the drawer's action in its dialog, with an opinion (意见) when given; waits for the toast. */
async function confirm(page: Page, testId: string, opinion: string | null, toast: string) {
  await confirmDialog(page, testId, opinion);
  await page.locator('.ant-message').getByText(toast).waitFor();
}

/** Opens the project from the library and completes the current step with the drawer's main button. */
async function completeStep(page: Page, expectedStage: string, toast: string, opinion: string | null = null) {
  await page.goto(`${app.server.baseUrl}/projects`);
  await page.getByText(NAME).first().click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByText(expectedStage).first().waitFor();
  const done = page.waitForResponse((r) => r.url().includes('/entry') && r.request().method() === 'POST');
  await confirm(page, 'entry-complete', opinion, toast);
  expect((await done).status()).toBe(200);
}

describe('project library journey', () => {
  it('declare in a village → approve up to the county → complete → asset in the ledger', async () => {
    const admin = await as('county_admin');
    await api(admin, '/api/params', {
      key: 'projects.noticeDays',
      value: 0,
      effectiveFrom: '2020-01-01',
      note: '演示：公示期不等待',
    });

    // Village: the 四议两公开 record (recorded through the API), then the declaration through the form.
    const village = await as('village_officer');
    const d = await api(village, '/api/deliberations', {
      villageCode: '140521100201',
      subject: '东庄村蔬菜大棚项目申报',
      purpose: 'project',
    });
    for (const step of [
      { step: 'proposal', heldOn: '2026-03-01', content: '村党支部提议建设蔬菜大棚', origin: 'masses' },
      { step: 'committee', heldOn: '2026-03-02', content: '两委会议商议同意' },
      {
        step: 'partyMeeting',
        heldOn: '2026-03-04',
        content: '党员大会审议',
        expected: 30,
        present: 25,
        votesFor: 23,
        votesAgainst: 1,
      },
      {
        step: 'villagersMeeting',
        heldOn: '2026-03-06',
        content: '村民代表会议决议',
        meetingKind: 'representatives',
        expected: 40,
        present: 36,
        votesFor: 34,
        votesAgainst: 1,
      },
      { step: 'resolutionPublished', heldOn: '2026-03-07', content: '决议在村务公开栏公开' },
    ]) {
      await api(village, `/api/deliberations/${d.id}/steps`, step);
    }
    await village.goto(`${app.server.baseUrl}/projects/deliberations?open=${d.id}`);
    await village.locator('.ant-drawer').getByText('决议已公开').first().waitFor();
    await screenshot(village, 'projects-deliberation-village');

    await village.goto(`${app.server.baseUrl}/projects`);
    await village.getByRole('button', { name: /申报项目/ }).click();
    const modal = village.locator('.ant-modal');
    await modal.getByLabel('项目名称').fill(NAME);
    await modal.getByLabel('中央资金（元）').fill('300000');
    await modal.getByLabel('受益户数').fill('45');
    await modal.getByLabel('其中脱贫户/监测户').fill('18');
    // Entry is refused without 联农带农 and 绩效目标: the form says so under the fields.
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await modal.getByText('未填写联农带农机制的项目不得入库', { exact: true }).waitFor();
    await screenshot(village, 'projects-declare-refused');
    await modal.getByLabel('联农带农机制').fill('大棚优先租给脱贫户经营，吸纳监测户务工');
    await modal.getByPlaceholder('指标').fill('带动脱贫户增收');
    await modal.getByPlaceholder('目标值').fill('户均≥3000元');
    await modal.getByLabel('四议两公开记录').click();
    await village.locator('.ant-select-item-option').filter({ hasText: '东庄村蔬菜大棚项目申报' }).click();
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    const drawer = village.locator('.ant-drawer');
    await drawer.getByTestId('entry-complete').waitFor();
    await screenshot(village, 'projects-declared-drawer');
    await confirm(village, 'entry-complete', null, '已提交村级公示'); // 提交申报 → 村级公示
    await drawer.getByText('结束公示').waitFor();
    await confirm(village, 'entry-complete', '公示期内无异议', '已提交乡镇审核'); // 村级公示 ends
    await drawer.getByText('乡镇审核：当前环节由其他层级办理').waitFor();

    // 乡镇审核 needs an opinion: the dialog refuses an empty one, then the toast names the next step.
    const township = await as('township_staff');
    await township.goto(`${app.server.baseUrl}/projects`);
    await township.getByText(NAME).first().click();
    await confirmDialog(township, 'entry-complete');
    await township.getByText('请填写乡镇审核意见').waitFor();
    await township.getByTestId('entry-complete-opinion').fill('材料齐全，联农带农机制明确，同意上报');
    await screenshot(township, 'projects-confirm-opinion');
    await township.getByTestId('entry-complete-ok').click();
    await township.locator('.ant-message').getByText('已提交乡镇公示').waitFor();
    await completeStep(township, '乡镇公示', '已提交行业部门论证');
    const dept = await as('dept_medical');
    await completeStep(dept, '行业部门论证', '已提交县级审定');
    const county = await as('county_staff');
    await completeStep(county, '县级审定', '已提交县级公示', '同意入库');
    await completeStep(county, '县级公示', '已提交入库公告');
    await completeStep(county, '入库公告', '已公告入库');

    // Admitted: the county moves it through 实施 → 验收 → 完成.
    await county.goto(`${app.server.baseUrl}/projects`);
    await county.getByText(NAME).first().click();
    const cd = county.locator('.ant-drawer');
    for (const [testId, toast] of [
      ['status-implementing', '已开工实施'],
      ['status-accepted', '已验收'],
      ['status-completed', '已完成，资产已生成'],
    ] as const) {
      const changed = county.waitForResponse((r) => r.url().includes('/status') && r.request().method() === 'POST');
      const button = cd.getByTestId(testId);
      await button.waitFor();
      await expect.poll(() => button.isEnabled()).toBe(true);
      await confirm(county, testId, testId === 'status-implementing' ? '施工队已进场' : null, toast);
      const res = await changed;
      expect(res.status(), await res.text()).toBe(200);
    }
    // The opinion is on the history.
    await cd.getByText('意见：施工队已进场').waitFor();
    await cd.getByText('形成资产').waitFor();
    await screenshot(county, 'projects-completed-drawer');
    const projectId = await cd.locator('[data-project-id]').first().getAttribute('data-project-id');
    await county.goto(`${app.server.baseUrl}/api/projects/${projectId}/notice.html`);
    await county.getByText('联农带农机制').waitFor();
    await screenshot(county, 'projects-notice-print');

    // The asset is in the ledger (county 总账) and in the village's 明细账.
    await county.goto(`${app.server.baseUrl}/assets`);
    await county.getByPlaceholder('名称或编号').fill(NAME);
    await county.getByPlaceholder('名称或编号').press('Enter');
    // The project's own row (the search may answer after the first rows are drawn).
    const assetLink = county.locator('.ant-table-row').filter({ hasText: NAME }).getByRole('link', { name: /^ZC/ });
    await assetLink.waitFor();
    await screenshot(county, 'assets-ledger-county');
    await assetLink.click();
    await county.getByText('所属项目').waitFor();
    await county.getByText(NAME).first().waitFor();
    await screenshot(county, 'asset-detail-county');

    // The library on the paged convention (issue 16 p5): 共 N 条 as the API counts it; 预算 sorted on the
    // server, largest first after two clicks, and page 2 shows the next rows in that order.
    const projectsApi = async (q: string) =>
      (await (await county.request.get(`${app.server.baseUrl}/api/projects?${q}`)).json()) as {
        total: number;
        items: { name: string }[];
      };
    const { total } = await projectsApi('page=1&pageSize=1');
    expect(total).toBeGreaterThan(2);
    await county.goto(`${app.server.baseUrl}/projects?pageSize=2`);
    await county.locator('.ant-pagination-total-text').getByText(`共 ${total} 条`).waitFor();
    const budget = county.locator('th').filter({ hasText: '预算' });
    await budget.click();
    await county.waitForURL(/sort=budgetFen&order=asc/);
    await expect.poll(() => budget.getAttribute('aria-sort')).toBe('ascending');
    await budget.click();
    await county.waitForURL(/sort=budgetFen&order=desc/);
    const second = await projectsApi('page=2&pageSize=2&sort=budgetFen&order=desc');
    await county.locator('.ant-pagination-item-2').click();
    await county.locator('.ant-table-row').first().getByText(second.items[0].name, { exact: true }).waitFor();

    await village.goto(`${app.server.baseUrl}/assets`);
    await village.getByText(NAME).waitFor();
    await screenshot(village, 'assets-ledger-village');

    await county.goto(`${app.server.baseUrl}/projects/checks`);
    await county.getByTestId('fund-checks').locator('[data-check="industryShare"]').waitFor();
    await screenshot(county, 'fund-checks-county');
    await county.goto(`${app.server.baseUrl}/projects/funds`);
    await county.getByText('资金指标').first().waitFor();
    await screenshot(county, 'funds-county');
  }, 240_000);
});
