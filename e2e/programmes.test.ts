// Household programmes, one server and one browser for the five journeys, in this order: 兜底保障 and the relocation
// check (social) read the demo's relocated households short of stable employment before relocation imports, corrects
// and ends an entry, and before the employment journey (programmes-2) records a new job; then small loans and
// anti-poverty insurance, which each settle one item of their own.

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeCheckDigit } from '../common/domain/id-card.ts';
import { chooseOption, login, screenshot, useBrowserApp } from './support/app.ts';

const app = useBrowserApp();

// ── social ───────────────────────────────────────────────────────────────────────────────────────

// Issue 14 items 5 and 6: the county opens the 兜底保障 check (monitored households without labour not covered, 共 N 户,
// export) and the 易地搬迁 stable-employment check, keeps only the households short of it, exports that list, and
// follows one to its household page: the relocation section names it 未达到, the 兜底保障 section lists each member.

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

// ── relocation ───────────────────────────────────────────────────────────────────────────────────

// Issue 14 items 5 and 6, what the screens do with an entry: county staff import the 发改局's 搬迁户名单 (.xlsx; a
// dry run lists each row: 将登记 / 已登记跳过, then the import), correct the new entry's move-in date from the list,
// end it from the household page (迁出), see the history with both rows ended and their reasons, and find the demo's
// 应保未保 household (无劳动能力未纳入兜底保障) on the uncovered list.

const SITE = '龙港镇东庄移民新村安置点';
// The demo's elderly couple of 龙港镇 (server/modules/social-assistance/social-assistance.demo.ts).
const id = (birth: string, seq: string) => `140521${birth}${seq}` + computeCheckDigit(`140521${birth}${seq}`);
const HEAD = { name: '赵福堂', idNumber: id('19430217', '991') };
const SPOUSE = { name: '卫秀英', idNumber: id('19460905', '982') };

async function relocationList(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('搬迁户名单');
  sheet.addRow(['沁水县易地扶贫搬迁户名单']);
  sheet.addRow(['身份证号', '姓名', '安置点', '搬迁入住日期', '备注']);
  sheet.addRow([HEAD.idNumber, HEAD.name, SITE, '2019-11-15', '县发改局名单']);
  sheet.addRow([SPOUSE.idNumber, SPOUSE.name, SITE, '2019-11-15', '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('relocation: import, correct, end; 应保未保', () => {
  it('import the list (dry run, then import) → correct from the list → end on the household page → uncovered list', async () => {
    const { page, context } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'county_staff', 'Demo@2021county');
      await page.goto(`${app.server.baseUrl}/relocation`);
      await page.getByText(SITE).first().waitFor();

      // The list: the dry run shows each row's result, nothing written; then the import.
      await page.locator('input[type=file]').setInputFiles({
        name: '搬迁户名单.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await relocationList(),
      });
      const dialog = page.getByRole('dialog');
      await dialog.getByText('已核对 2 行，发现 0 处问题（未写入）').waitFor();
      await dialog.getByText('将登记 1 户，已登记跳过 1 户').waitFor();
      await dialog.getByTestId('relocation-import-rows').getByText('将登记', { exact: true }).waitFor();
      await screenshot(page, 'relocation-import-check');
      await dialog.getByRole('button', { name: /确认导入/ }).click();
      await dialog.getByText('已登记 1 户，跳过已登记 1 户').waitFor();
      await dialog.getByRole('button', { name: '关 闭' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // Correct the move-in date from the list.
      const households = page.locator('.ant-card', { hasText: '搬迁户稳定就业核查' });
      const row = households.locator('.ant-table-row', { hasText: HEAD.name });
      await row.first().waitFor();
      expect(await row.first().innerText()).toContain('2019-11-15');
      await row
        .first()
        .getByRole('button', { name: /更\s*正/ })
        .click();
      const correct = page.getByRole('dialog').filter({ hasText: '更正搬迁户登记' });
      await correct.getByText(/原登记以.更正.结束/).waitFor();
      const date = correct.getByLabel('入住日期', { exact: true });
      await date.click();
      await date.fill('2019-12-20');
      await date.press('Enter');
      await correct.getByLabel('更正说明', { exact: true }).fill('名单核对：实际 12 月入住');
      const corrected = page.waitForResponse((r) => /\/api\/relocation\/households\/\d+\/correct$/.test(r.url()));
      await correct.getByRole('button', { name: /更\s*正/ }).click();
      expect((await corrected).status()).toBe(200);
      await row.getByText('2019-12-20').waitFor();
      await screenshot(page, 'relocation-list');

      // End it on the household page: 迁出; the history keeps both entries, ended, with their reasons.
      await row.locator('[data-testid^="household-link-"]').click();
      const section = page.getByTestId('relocation-section');
      await section.getByText(`${SITE}，2019-12-20 入住`).waitFor();
      await section.getByTestId('relocation-section-end').click();
      const end = page.getByRole('dialog').filter({ hasText: '结束搬迁户登记' });
      await end.waitFor();
      await end.locator('.ant-select').first().click();
      await page.locator('.ant-select-item-option', { hasText: '迁出（搬离安置点）' }).click();
      // The choice shows in the field and its dropdown has closed before the next input.
      await end.locator('.ant-select').getByText('迁出（搬离安置点）').waitFor();
      await page.locator('.ant-select-dropdown').last().waitFor({ state: 'hidden' });
      await end.getByLabel('说明', { exact: true }).fill('随子女迁往晋城市区');
      const ended = page.waitForResponse((r) => /\/api\/relocation\/households\/\d+\/end$/.test(r.url()));
      await end.getByRole('button', { name: /结\s*束/ }).click();
      expect((await ended).status()).toBe(200);
      await section.getByText('本户未登记为易地搬迁户').waitFor();
      const history = section.getByTestId('relocation-history');
      await history.getByText('迁出（搬离安置点）：随子女迁往晋城市区').waitFor();
      await history.getByText('更正（安置点或入住日期有误）：名单核对：实际 12 月入住').waitFor();
      await screenshot(page, 'relocation-household-history');

      // 应保未保: the demo's monitored household without labour, not covered, is on the list.
      await page.goto(`${app.server.baseUrl}/social-assistance/uncovered`);
      await page.locator('.ant-table-row', { hasText: HEAD.name }).first().waitFor();
      expect(await page.locator('.ant-pagination-total-text').innerText()).toMatch(/共 [1-9]\d* 户/);
    } finally {
      await context.close();
    }
  });
});

// ── programmes-2 ─────────────────────────────────────────────────────────────────────────────────

// Issue 14 item 2 (就业与培训): the township opens the employment ledger (figures of the month, 共 N 条), follows a
// job to its household, records a new job in the household page's section and sees it there; the ledger exports.

describe('programmes-2: employment and training', () => {
  it('ledger with figures → household section → a new job appears; export of the filtered list', async () => {
    const { page, context } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'township_staff', 'Demo@2021township');
      await page.goto(`${app.server.baseUrl}/employment/jobs`);
      await page.getByTestId('employment-figures').getByText('就业率').waitFor();
      const total = page.locator('.ant-pagination-total-text');
      await total.waitFor();
      expect(await total.innerText()).toMatch(/共 [1-9]\d* 条/);
      await screenshot(page, 'programmes-2-jobs');

      const xlsx = await page.request.get(`${app.server.baseUrl}/api/employment/jobs/export.xlsx?placeKind=county`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

      await page.locator('[data-testid^="household-link-"]').first().click();
      const section = page.getByTestId('employment-section');
      await section.getByText('稳定就业').first().waitFor();
      await section.getByRole('button', { name: '登记务工' }).click();
      const dialog = page.getByRole('dialog');
      await chooseOption(page, dialog.getByLabel('人员', { exact: true }));
      await dialog.getByLabel('务工地点', { exact: true }).fill('太原市小店区');
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await section.getByText('太原市小店区').waitFor();
      await screenshot(page, 'programmes-2-household');
    } finally {
      await context.close();
    }
  });
});

// ── microloans ───────────────────────────────────────────────────────────────────────────────────

// Issue 14 item 3 (小额信贷): the township opens the overdue list (共 N 条), the ledger exports what is filtered, the
// bank-sheet import checks its template (dry run), the overdue loan leads to its household, whose 小额信贷 section records the repayment that settles it.

describe('microloans: small loans', () => {
  it('overdue list → export → household section → repaid in full', async () => {
    const { page, context } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'township_staff', 'Demo@2021township');
      await page.goto(`${app.server.baseUrl}/microloans?status=overdue`);
      const list = page.getByTestId('microloans-page');
      const total = list.locator('.ant-pagination-total-text');
      await total.waitFor();
      expect(await total.innerText()).toMatch(/共 [1-9]\d* 条/);
      await list
        .getByText(/逾期 \d+ 天/)
        .first()
        .waitFor();
      await screenshot(page, 'microloans-overdue');

      const xlsx = await page.request.get(`${app.server.baseUrl}/api/microloans/export.xlsx?status=overdue`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

      // The bank-sheet import: the page's own template, chosen as the file, is checked at once (a dry run).
      const template = await page.request.get(`${app.server.baseUrl}/api/microloans/import/template.xlsx`);
      expect(template.status()).toBe(200);
      await list.locator('input[type=file]').setInputFiles({
        name: '银行放款明细.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await template.body(),
      });
      const checked = page.getByRole('dialog').getByTestId('import-result');
      expect(await checked.innerText()).toMatch(/已核对 \d+ 行，发现 \d+ 处问题（未写入）/);
      await screenshot(page, 'microloans-import-check');
      await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

      await list.locator('[data-testid^="household-link-"]').first().click();
      const section = page.getByTestId('microloans-section');
      await section
        .getByText(/逾期 \d+ 天/)
        .first()
        .waitFor();
      await section.getByRole('button', { name: '还款' }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('还款金额(元)', { exact: true }).waitFor();
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('已保存').waitFor();
      await section.getByText('已结清').first().waitFor();
      await screenshot(page, 'microloans-household');
    } finally {
      await context.close();
    }
  });
});

// ── insurance ────────────────────────────────────────────────────────────────────────────────────

// Issue 14 item 4 (防贫保险) and item 1's leftover (公益岗位 page): the township opens the claims (共 N 条), the ledger
// exports, the households not insured this year are listed; a reported claim is paid from its household page and the
// toast says whether it reached 理赔收入; the posts page lists the people on posts.

describe('insurance: anti-poverty insurance and public-welfare posts', () => {
  it('claims → export → not insured → pay a reported claim on the household page; posts list', async () => {
    const { page, context } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'township_staff', 'Demo@2021township');
      await page.goto(`${app.server.baseUrl}/insurance?status=filed`);
      const total = page.locator('.ant-pagination-total-text').first();
      await total.waitFor();
      expect(await total.innerText()).toMatch(/共 [1-9]\d* 条/);
      const xlsx = await page.request.get(`${app.server.baseUrl}/api/insurance/claims/export.xlsx?status=paid`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

      await page.getByRole('tab', { name: '应保未保' }).click();
      await page.getByTestId('insurance-uncovered').getByText('脱贫户').first().waitFor();
      await screenshot(page, 'insurance-uncovered');

      await page.getByRole('tab', { name: '理赔' }).click();
      await page.getByTestId('insurance-claims').locator('[data-testid^="household-link-"]').first().click();
      const section = page.getByTestId('insurance-section');
      await section.getByText('已报案').waitFor();
      await section.getByRole('button', { name: '赔付' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await page
        .locator('.ant-message')
        .getByText(/理赔收入/)
        .waitFor();
      await section.getByText('已赔付').waitFor();
      await screenshot(page, 'insurance-household');

      await page.goto(`${app.server.baseUrl}/posts`);
      await page.getByTestId('posts-hires').waitFor();
      expect(await page.locator('.ant-pagination-total-text').first().innerText()).toMatch(/共 [1-9]\d* 条/);
    } finally {
      await context.close();
    }
  });
});
