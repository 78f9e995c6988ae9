import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { computeCheckDigit } from '../common/domain/id-card.ts';
import { login, motionDone, screenshot, settled, useBrowserApp } from './support/app.ts';

// The monitoring journey: a family applies on the public page from a phone, county staff find the
// clue in 线索清单 (channel 农户主动申请) and read it, and a village officer records a visit that
// finds a risk, on a 390 px phone screen, with a photo shrunk in the app.browser.

const app = useBrowserApp();

const VILLAGE = '140521100201'; // 龙港镇东庄村, where the demo village officer works
const HEAD = { name: '赵春生', idNumber: idNumber('19700415', '135') };
const HOUSEHOLD_NO = '1405211002019901';

/** A valid GB 11643 number in Qinshui: the check digit matters. */
function idNumber(birth: string, sequence: string): string {
  const first17 = `140521${birth}${sequence}`;
  return first17 + computeCheckDigit(first17);
}

async function createHousehold(page: Page): Promise<number> {
  const response = await page.request.post(`${app.server.baseUrl}/api/registry/households`, {
    data: {
      householdNo: HOUSEHOLD_NO,
      villageCode: VILLAGE,
      kind: 'ordinary',
      housingGrade: 'B',
      waterSafe: true,
      members: [
        {
          name: HEAD.name,
          idNumber: HEAD.idNumber,
          relationship: 'head',
          ethnicity: 'han',
          politicalStatus: 'masses',
          education: 'juniorSecondary',
          labourSkill: 'ordinary',
          workMonths: 8,
          residentMedicalInsurance: true,
        },
      ],
      income: {
        year: 2025,
        wageIncome: 1_800_000,
        businessIncome: 0,
        propertyIncome: 0,
        transferIncome: 120_000,
        businessCost: 0,
      },
    },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { id: number }).id;
}

/** antd Select: open it, then pick the option by its text. */
async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option).first().click();
}

describe('monitoring', () => {
  it('a family applies online and county staff see the clue with its channel', async () => {
    const staff = await app.desktop();
    const family = await app.phone();
    try {
      await login(staff.page, app.server.baseUrl, 'county_staff', 'Demo@2021county');
      await createHousehold(staff.page);

      // The public page: no login, phone-sized.
      const apply = family.page;
      await apply.goto(`${app.server.baseUrl}/apply`);
      await apply.getByRole('heading', { name: /农户申请/ }).waitFor();
      expect(await apply.locator('.ant-layout-sider').count()).toBe(0);
      await choose(apply, 'apply-township', '龙港镇');
      await choose(apply, 'apply-village', '东庄村');
      await apply.getByLabel('申请人姓名').fill(HEAD.name);
      await apply.getByLabel('身份证号').fill(HEAD.idNumber);
      await apply.getByLabel('手机号').fill('13812345678');
      await apply.getByRole('checkbox', { name: /家里有人生病/ }).check();
      await apply.getByLabel('请简单说说情况').fill('今年3月我住院做了手术，自己花了两万多元，家里没有别的收入');
      await expect(apply.getByTestId('consent-text').innerText()).resolves.toContain(
        '核查本人及共同生活的家庭成员的收入、财产',
      );

      // Without the undertaking nothing is sent.
      await apply.getByRole('button', { name: '提交申请' }).click();
      await apply.getByText('请先阅读承诺授权书并勾选同意').waitFor();
      await apply.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
      await screenshot(apply, 'apply-form-phone');
      await apply.getByRole('button', { name: '提交申请' }).click();
      const receipt = (await apply.getByTestId('receipt-number').innerText()).trim();
      expect(receipt).toMatch(/^SQ\d{8}$/);
      const receiptText = await apply.getByTestId('apply-receipt').innerText();
      expect(receiptText).toContain('请保存回执号');
      expect(receiptText).toContain('村干部将尽快入户核实');
      expect(receiptText).not.toMatch(/\d+\s*日内|\d+\s*天内/);
      expect(await apply.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(apply, 'apply-receipt-phone');

      // Later the family looks the application up: the receipt is filled in, the ID number is asked for.
      const status = apply.getByTestId('status-card');
      await expect(status.getByLabel('回执号').inputValue()).resolves.toBe(receipt);
      await status.getByLabel('申请人身份证号').fill(HEAD.idNumber);
      await status.getByRole('button', { name: /查\s*询/ }).click();
      await expect(status.getByTestId('status-result').innerText()).resolves.toContain('已受理，村干部将入户核实');
      await screenshot(apply, 'apply-status-phone');

      // County staff: the clue is in 线索清单, first found by 农户主动申请.
      const page = staff.page;
      await page.goto(`${app.server.baseUrl}/monitoring/clues`);
      const row = page.locator('tr', { hasText: HOUSEHOLD_NO });
      await row.waitFor();
      await expect(row.innerText()).resolves.toContain(HEAD.name);
      await expect(row.innerText()).resolves.toContain('因病');
      await expect(row.locator('[data-first-channel]').innerText()).resolves.toBe('农户主动申请');
      expect(await row.locator('[data-age-level]').getAttribute('data-age-level')).toBe('fine');
      await screenshot(page, 'clues-list-county-staff');

      await row.getByRole('button', { name: '查看' }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByTestId('clue-timeline').waitFor();
      const drawerText = await drawer.innerText();
      expect(drawerText).toContain('农户在线申请');
      expect(drawerText).toContain('申请原因');
      expect(drawerText).toContain('两万多元');
      expect(drawerText).toMatch(/承诺授权\s*赵春生 于 \d{4}-\d{2}-\d{2} 网上签署/);
      // Readable key/value, never raw JSON or the stored ciphertext.
      expect(drawerText).not.toContain('{');
      expect(drawerText).not.toMatch(/idHash|Cipher/);
      await motionDone(drawer);
      await screenshot(page, 'clue-drawer-county-staff');
    } finally {
      await staff.context.close();
      await family.context.close();
    }
  });

  it('a village officer records a visit with a risk on a phone, photo included', async () => {
    const { context, page } = await app.phone();
    try {
      await login(page, app.server.baseUrl, 'village_officer', 'Demo@2021village');
      await page.goto(`${app.server.baseUrl}/visit`);
      await page.getByTestId('household-picker').click();
      await page.keyboard.type(HEAD.name);
      await page.locator('.ant-select-dropdown:visible').getByTitle(new RegExp(HOUSEHOLD_NO)).click();
      await page.getByLabel('走访情况').fill('户主赵春生10月干活时摔伤，在家休养，今年下半年没有务工收入');
      await page.getByText('发现风险', { exact: true }).click();
      await page.getByRole('checkbox', { name: '因意外事故' }).check();

      // A camera-sized photo, made in the page, is shrunk to ≤1280 px JPEG before it is sent.
      const png = await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        canvas.width = 3000;
        canvas.height = 2000;
        const context2d = canvas.getContext('2d')!;
        const gradient = context2d.createLinearGradient(0, 0, 3000, 2000);
        gradient.addColorStop(0, '#7a9e7e');
        gradient.addColorStop(1, '#c8a165');
        context2d.fillStyle = gradient;
        context2d.fillRect(0, 0, 3000, 2000);
        return canvas.toDataURL('image/png').split(',')[1];
      });
      await page
        .getByTestId('visit-photo-input')
        .setInputFiles({ name: 'IMG_0001.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
      const thumbnail = page.getByTestId('visit-photo').locator('img');
      await thumbnail.waitFor();
      const [width, height, src] = await thumbnail.evaluate((img: HTMLImageElement) => [
        img.naturalWidth,
        img.naturalHeight,
        img.src.slice(0, 23),
      ]);
      expect(Math.max(Number(width), Number(height))).toBe(1280);
      expect(src).toBe('data:image/jpeg;base64,');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, 'visit-phone-form');

      const sent = page.waitForRequest(
        (request) => request.url().endsWith('/api/visits') && request.method() === 'POST',
      );
      await page.getByRole('button', { name: '提交走访记录' }).click();
      const body = (await sent).postDataJSON() as {
        riskFound: boolean;
        riskTypes: string[];
        photos: { dataUrl: string }[];
      };
      expect(body.riskFound).toBe(true);
      expect(body.riskTypes).toEqual(['accident']);
      expect(body.photos).toHaveLength(1);
      const result = await page.getByTestId('visit-result').innerText();
      expect(result).toMatch(/已生成 1 条风险线索（因意外事故，编号 #\d+）/);
      await screenshot(page, 'visit-phone-done');

      // The visit's clue is on the list with channel 干部走访排查.
      const clues = await page.request.get(`${app.server.baseUrl}/api/clues?channel=visit`);
      const items = ((await clues.json()) as { items: { householdNo: string; riskType: string; channel: string }[] })
        .items;
      expect(items).toContainEqual(
        expect.objectContaining({ householdNo: HOUSEHOLD_NO, riskType: 'accident', channel: 'visit' }),
      );
    } finally {
      await context.close();
    }
  });

  it('county staff check a department file, see its row errors, and read the parameters in force', async () => {
    const { context, page } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'county_staff', 'Demo@2021county');
      await page.goto(`${app.server.baseUrl}/monitoring/feeds`);
      const csv = [
        '证件号码,姓名,数据来源,事项,发生日期,金额（元）,说明',
        `${HEAD.idNumber},${HEAD.name},医保,住院自付,2030-01-01,abc,`,
      ].join('\n');
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: '医保住院自付.csv', mimeType: 'text/csv', buffer: Buffer.from(csv + '\n') });
      await page.getByTestId('feed-check').click();
      const errors = page.getByTestId('feed-errors');
      await errors.waitFor();
      const errorText = await errors.innerText();
      expect(errorText).toContain('发生日期');
      expect(errorText).toContain('金额');
      expect(await page.getByTestId('feed-commit').isDisabled()).toBe(true);
      await screenshot(page, 'feeds-check-errors');

      await page.goto(`${app.server.baseUrl}/monitoring/params`);
      await expect(page.getByTestId('param-value-monitoring.incomeLineFen').innerText()).resolves.toMatch(
        /^[\d,]+\.\d{2} 元$/,
      );
      await expect(page.getByTestId('param-value-monitoring.incomeDropRatio').innerText()).resolves.toMatch(
        /^\d+(\.\d+)?%$/,
      );
      await expect(page.getByTestId('param-value-workflow.identificationDays').innerText()).resolves.toBe('15 天');
      await screenshot(page, 'params-county-staff');
    } finally {
      await context.close();
    }
  });
  it('county staff import a medical file, run the month, and read why the household is warned', async () => {
    const { context, page } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'county_staff', 'Demo@2021county');
      await page.goto(`${app.server.baseUrl}/monitoring/feeds`);
      // 一般农户 line for 住院自付: 20,000 yuan (medical.otherOutOfPocketFen); this is 26,500.
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const csv = [
        '证件号码,姓名,数据来源,事项,发生日期,金额（元）,说明',
        `${HEAD.idNumber},${HEAD.name},医保,住院自付,${today},26500,县人民医院住院`,
      ].join('\n');
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: '医保住院自付.csv', mimeType: 'text/csv', buffer: Buffer.from(csv + '\n') });
      await page.getByTestId('feed-check').click();
      await page.getByText('检查通过').waitFor();
      await page.getByTestId('feed-commit').click();
      await page.getByText('导入完成：新增 1 条记录').waitFor();
      await screenshot(page, 'feeds-imported');

      await page.goto(`${app.server.baseUrl}/monitoring/runs`);
      await page.getByTestId('run-button').click();
      await page
        .getByTestId('run-progress')
        .getByText(/监测完成：评估 \d+ 户，预警 \d+ 条/)
        .waitFor({ timeout: 60_000 });
      await page.locator('tr', { hasText: '月度运行' }).first().waitFor();
      await page.getByTestId('run-diff').locator('tr', { hasText: '医疗自付支出较大' }).waitFor();
      await screenshot(page, 'runs-after-run');

      // A run its process left behind (killed mid-run) shows why it failed; the row is added to the
      // real list here because a browser journey cannot kill the server mid-run.
      await page.route('**/api/monitoring/runs?*', async (route) => {
        // The runs list answers a numbered page ({ items, total, … }); older callers get a bare array.
        const body = (await (await route.fetch()).json()) as
          Record<string, unknown>[] | { items: Record<string, unknown>[]; total: number };
        const runs = Array.isArray(body) ? body : body.items;
        const abandoned = {
          ...runs[0],
          id: 9999,
          status: 'failed',
          finishedAt: null,
          durationMs: null,
          householdsEvaluated: null,
          warningCount: null,
          counts: null,
          error: '进程中断，已由后续运行取代 / abandoned',
          abandoned: true,
        };
        await route.fulfill({
          json: Array.isArray(body)
            ? [...runs, abandoned]
            : { ...body, items: [...runs, abandoned], total: body.total + 1 },
        });
      });
      await page.reload();
      await expect(page.getByTestId('run-error-9999').innerText()).resolves.toBe('进程中断，已由下一次运行取代');
      await screenshot(page, 'runs-failed-reason');
      await page.unroute('**/api/monitoring/runs?*');

      // The warnings list opens on the month just run, says how many in all, sorts and pages on the server.
      await page.goto(`${app.server.baseUrl}/monitoring/warnings`);
      await page.getByTestId('warnings-latest').waitFor();
      const totalText = await page.locator('.ant-pagination-total-text').innerText();
      expect(totalText).toMatch(/^共 \d+ 条$/);
      expect(Number(/\d+/.exec(totalText)![0])).toBeGreaterThan(20);
      // The first row is read from the sorted answer, not from the page the click left behind.
      const sorted = page.waitForResponse(
        (r) => r.url().includes('/api/monitoring/warnings') && r.url().includes('sort=householdNo'),
      );
      await page.locator('th', { hasText: '户编号' }).click();
      await page.waitForURL(/sort=householdNo/);
      await sorted;
      await settled(page);
      const firstNo = await page.locator('.ant-table-tbody tr.ant-table-row td').first().innerText();
      await page.locator('.ant-pagination-item-2').click();
      await page.waitForURL(/page=2/);
      await page.locator('.ant-pagination-item-active', { hasText: '2' }).waitFor();
      await expect
        .poll(async () => page.locator('.ant-table-tbody tr.ant-table-row td').first().innerText())
        .not.toBe(firstNo);
      const secondPageFirst = await page.locator('.ant-table-tbody tr.ant-table-row td').first().innerText();
      expect(secondPageFirst >= firstNo).toBe(true);
      await expect(page.locator('.ant-pagination-total-text').innerText()).resolves.toBe(totalText);

      // A link keeps its filters and order: the village's warnings, highest 户编号 first.
      await page.goto(`${app.server.baseUrl}/monitoring/warnings?orgCode=${VILLAGE}&sort=householdNo&order=desc`);
      const row = page.locator('tr', { hasText: HOUSEHOLD_NO }).filter({ hasText: '医疗自付支出较大' });
      await row.waitFor();
      await expect(row.innerText()).resolves.toContain(HEAD.name);
      await screenshot(page, 'warnings-list');
      await row.getByRole('button', { name: '查看依据' }).click();
      const card = page.getByTestId('explain-rule-MEDICAL_BURDEN');
      await card.waitFor();
      const text = await card.innerText();
      expect(text).toContain('26,500');
      expect(text).toContain('20,000');
      await page.getByTestId('explain-suggestion').waitFor();
      await motionDone(card);
      await screenshot(page, 'warning-explain-drawer');
    } finally {
      await context.close();
    }
  });
});
