import { describe, it, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { computeCheckDigit } from '../common/domain/id-card.ts';
import { login, screenshot, settled, useBrowserApp } from './support/app.ts';

// The registry journey: county staff create a household through the form (a server field error lands
// on the right member), find it by name, open it (masked IDs, an audited reveal, the change record);
// a village officer sees only 龙港镇东庄村; a village edit reaches the township's review list.

const id = (first17: string) => first17 + computeCheckDigit(first17);
const HEAD_ID = id('14052119650817913'); // male
const SPOUSE_ID = id('14052119680302924'); // female
const OTHER_ID = id('14052119700415946'); // female, head of a household in 中村镇
const DONGZHUANG = '140521100201';
const LIUDI = '140521101201'; // 中村镇刘底村
const MASKED_ID = /^\d{4}\*+\d{3}[\dX]$/;

const app = useBrowserApp();
let householdId = 0;

/** Types into an antd Select (all member selects are searchable) and takes the first match. */
async function choose(scope: Locator, label: string, option: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(option);
  await scope.page().locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
  await input.press('Enter');
}

/** Screenshots after every loading overlay has gone (a household page loads several sections at once). */
async function settledScreenshot(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, name);
}

async function openRegistryPage(page: Page, item: string): Promise<void> {
  const menu = page.locator('.ant-layout-sider .ant-menu');
  const entry = menu.getByRole('menuitem', { name: item });
  if (!(await entry.isVisible())) await menu.getByRole('menuitem', { name: '农户台账' }).click();
  await entry.click();
}

describe('registry', () => {
  it('creates a household through the form; a member already in another household is refused on that row', async () => {
    const { context, page } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'county_staff', 'Demo@2021county');
      // A household elsewhere in the county (中村镇) whose head we then try to add again.
      const other = await page.request.post(`${app.server.baseUrl}/api/registry/households`, {
        data: {
          householdNo: '1405211012019902',
          villageCode: LIUDI,
          kind: 'ordinary',
          members: [
            {
              name: '冯秀林',
              idNumber: OTHER_ID,
              relationship: 'head',
              labourSkill: 'ordinary',
              education: 'primary',
              residentMedicalInsurance: true,
            },
          ],
        },
      });
      expect(other.status(), await other.text()).toBe(200);

      await openRegistryPage(page, '农户查询');
      await page.waitForURL(/\/registry$/);
      await page.getByRole('button', { name: '新增农户' }).click();
      await page.waitForURL(/\/registry\/new$/);

      await page
        .locator('input')
        .and(page.getByLabel('户编号', { exact: true }))
        .fill('1405211002019901');
      const village = page.getByLabel('所属行政村', { exact: true });
      await village.click();
      await village.fill(DONGZHUANG);
      await page
        .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: '东庄村' })
        .first()
        .click();

      const head = page.getByTestId('member-card-0');
      await head.getByLabel('姓名', { exact: true }).fill('冯守田');
      await head.getByLabel('证件号码', { exact: true }).fill(HEAD_ID);
      await choose(head, '劳动技能', '普通劳动力');
      await choose(head, '文化程度', '初中');

      await page.getByRole('button', { name: '添加成员' }).click();
      const spouse = page.getByTestId('member-card-1');
      await spouse.getByLabel('姓名', { exact: true }).fill('冯秀林');
      await spouse.getByLabel('证件号码', { exact: true }).fill(OTHER_ID);
      await choose(spouse, '与户主关系', '配偶');
      await choose(spouse, '劳动技能', '普通劳动力');
      await choose(spouse, '文化程度', '小学');

      await page.getByRole('button', { name: '保存并建档' }).click();
      const idError = spouse.locator('.ant-form-item-explain-error', { hasText: '已是户' });
      await idError.waitFor();
      expect(await idError.innerText()).toContain('1405211012019902');
      expect(await head.locator('.ant-form-item-explain-error').count()).toBe(0);
      await screenshot(page, 'registry-new-household-error');

      // The spouse is someone else after all.
      await spouse.getByLabel('姓名', { exact: true }).fill('李桂香');
      await spouse.getByLabel('证件号码', { exact: true }).fill(SPOUSE_ID);
      await page.getByRole('button', { name: '保存并建档' }).click();
      await page.waitForURL(/\/registry\/households\/\d+$/);
      householdId = Number(page.url().split('/').pop());
      await expect(page.getByTestId('household-title').innerText()).resolves.toContain('冯守田');
    } finally {
      await context.close();
    }
  });

  it('lets county staff find the household by name, see masked IDs, reveal one (logged) and read the change record', async () => {
    const { context, page } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'county_staff', 'Demo@2021county');
      await openRegistryPage(page, '农户查询');
      const search = page.getByPlaceholder('姓名 / 户编号 / 身份证号');
      await search.fill('冯守田');
      await search.press('Enter');
      const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '冯守田' });
      await row.waitFor();
      expect(await row.getByTestId('head-id-masked').innerText()).toMatch(MASKED_ID);
      expect(await row.innerText()).toContain('东庄村');
      await settledScreenshot(page, 'registry-search');

      // A full ID number finds the household too (matched through its hash), and stays out of the address bar.
      await search.fill(HEAD_ID);
      const byId = page.waitForResponse((response) => response.url().includes(`q=${HEAD_ID}`) && response.ok());
      await search.press('Enter');
      expect(
        ((await (await byId).json()) as { items: { headName: string }[] }).items.map((item) => item.headName),
      ).toEqual(['冯守田']);
      await row.waitFor();
      expect(page.url()).not.toContain(HEAD_ID);

      await row.click();
      await page.waitForURL(new RegExp(`/registry/households/${householdId}$`));
      await expect(page.getByTestId('header-head-id').innerText()).resolves.toMatch(MASKED_ID);
      const memberIds = await page.getByTestId('member-id-masked').allInnerTexts();
      expect(memberIds).toHaveLength(2);
      for (const masked of memberIds) expect(masked).toMatch(MASKED_ID);
      expect(await page.locator('body').innerText()).not.toContain(HEAD_ID);
      await settledScreenshot(page, 'registry-household');

      await page.getByRole('button', { name: '查看' }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('revealed-id').filter({ hasText: HEAD_ID }).waitFor();
      expect(await dialog.innerText()).toContain('此操作已记录');
      await screenshot(page, 'registry-reveal-id');
      await dialog.locator('.ant-modal-footer').getByRole('button').click();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByRole('tab', { name: '变更记录' }).click();
      const timeline = page.getByTestId('household-timeline');
      await timeline.waitFor();
      const text = await timeline.innerText();
      expect(text).toContain('新增农户');
      expect(text).toContain('县乡村振兴局业务员');
      expect(text).toContain('冯守田（户主');
      await settledScreenshot(page, 'registry-timeline');

      // 调整家庭成员 without typing anyone's ID number again: the people on record keep theirs.
      await page.getByRole('button', { name: '调整家庭成员' }).click();
      const members = page.getByRole('dialog');
      await members.getByText('无需重新输入', { exact: false }).first().waitFor();
      await members.getByLabel('修改原因').fill('入户核对家庭成员');
      await screenshot(page, 'registry-edit-members');
      await members.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('已保存').waitFor();
      await members.waitFor({ state: 'hidden' });
      const idsAfter = await page.getByTestId('member-id-masked').allInnerTexts();
      expect(idsAfter).toEqual(memberIds);

      // From the household to its assistance page (pairing, measures, obligations).
      await page.getByTestId('household-assistance-link').click();
      await page.waitForURL(new RegExp(`/assistance/households/${householdId}$`));
    } finally {
      await context.close();
    }
  });

  it('shows a village officer only 龙港镇东庄村 households, and their edit waits for review', async () => {
    const { context, page } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'village_officer', 'Demo@2021village');
      await openRegistryPage(page, '农户查询');
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor();
      const villages = await page.getByTestId('row-village').allInnerTexts();
      expect(villages.length).toBeGreaterThan(0);
      expect(new Set(villages)).toEqual(new Set(['东庄村']));

      // 冯秀林 heads a household in 中村镇: outside this officer's village, so not found at all.
      const search = page.getByPlaceholder('姓名 / 户编号 / 身份证号');
      await search.fill('冯秀林');
      await search.press('Enter');
      await page.waitForURL(/q=/);
      await page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached' });
      await page.getByText('没有找到符合条件的农户').waitFor();
      expect(await rows.count()).toBe(0);
      await search.fill('冯守田');
      await search.press('Enter');
      await rows.filter({ hasText: '冯守田' }).waitFor();
      for (const village of await page.getByTestId('row-village').allInnerTexts()) expect(village).toBe('东庄村');
      await settledScreenshot(page, 'registry-village-officer');

      // A village edit is applied at once and waits for township review.
      const saved = await page.request.put(`${app.server.baseUrl}/api/registry/households/${householdId}/income`, {
        data: {
          year: 2024,
          wageIncome: 3_600_000,
          businessIncome: 0,
          propertyIncome: 0,
          transferIncome: 120_050,
          businessCost: 0,
          reason: '入户核实收入',
        },
      });
      expect(saved.status(), await saved.text()).toBe(200);
    } finally {
      await context.close();
    }
  });

  it('lets county staff confirm the village edit and read the quality report', async () => {
    const { context, page } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'county_staff', 'Demo@2021county');
      await openRegistryPage(page, '待审核变更');
      const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '1405211002019901' });
      await row.waitFor();
      expect(await row.innerText()).toContain('入户核实收入');
      await row.locator('.ant-table-row-expand-icon').click();
      await expect(page.locator('.ant-table-expanded-row').innerText()).resolves.toContain('36,000.00 元');
      await screenshot(page, 'registry-reviews');
      await row.getByRole('button', { name: '通过' }).click();
      await page.getByRole('dialog').locator('.ant-modal-footer .ant-btn-primary').click();
      await row.waitFor({ state: 'detached' });

      await openRegistryPage(page, '数据质量');
      const table = page.getByTestId('quality-table');
      await table.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      expect(await table.innerText()).toContain('龙港镇');
      await settledScreenshot(page, 'registry-quality');

      await page.goto(`${app.server.baseUrl}/registry/households/${householdId}`);
      await page.getByRole('tab', { name: '收支情况' }).click();
      await expect(page.getByTestId('per-capita').first().innerText()).resolves.toBe('18,600.25');
      await settledScreenshot(page, 'registry-income');
    } finally {
      await context.close();
    }
  });
});
