import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeCheckDigit } from '../common/domain/id-card.ts';
import { login, screenshot, useBrowserApp } from './support/app.ts';

// Issue 14 items 5 and 6, what the screens do with an entry: county staff import the 发改局's 搬迁户名单 (.xlsx; a
// dry run lists each row: 将登记 / 已登记跳过, then the import), correct the new entry's move-in date from the list,
// end it from the household page (迁出), see the history with both rows ended and their reasons, and find the demo's
// 应保未保 household (无劳动能力未纳入兜底保障) on the uncovered list.

const app = useBrowserApp();
const SITE = '龙港镇东庄移民新村安置点';
// The demo's elderly couple of 龙港镇 (server/modules/social-assistance/social-assistance.demo.ts).
const id = (birth: string, seq: string) => `140521${birth}${seq}` + computeCheckDigit(`140521${birth}${seq}`);
const HEAD = { name: '赵福堂', idNumber: id('19430217', '991') };
const SPOUSE = { name: '卫秀英', idNumber: id('19460905', '982') };

async function list(): Promise<Buffer> {
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
        buffer: await list(),
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
