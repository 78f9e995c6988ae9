// The application's shell and county-wide views, one server and one browser: sign-in, the org tree and the menu by
// role (foundation), English mode, the printed 公示 (notices), policy what-if and the deprivation view (analysis).

import { describe, expect, it } from 'vitest';
import { login, screenshot, settled, useBrowserApp } from './support/app.ts';
import { CASE_STAGE_EN, PROJECT_STATUS_EN } from '../web/src/i18n/workflowLabels.ts';
import { STAGE_LABELS } from '../common/domain/cases/workflow.ts';
import { PROJECT_STATUS_LABELS } from '../common/domain/projects/workflow.ts';
import { DEMO_LOGINS } from './support/pages.ts';

const app = useBrowserApp();

// ── foundation ───────────────────────────────────────────────────────────────────────────────────

// The foundation journey: sign in, find the county's townships (including a merged one),
// and see that the menu follows the role.

describe('foundation', () => {
  it('shows a Chinese error for a wrong password', async () => {
    const { context, page } = await app.desktop();
    try {
      await page.goto(`${app.server.baseUrl}/`);
      await page.waitForURL(/\/login$/);
      await page.getByRole('heading', { name: 'Guardline 防返贫监测帮扶平台' }).waitFor();
      await page.getByLabel('用户名', { exact: true }).fill('county_admin');
      await page.getByLabel('密码', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      const error = page.getByTestId('login-error');
      await error.waitFor();
      const text = await error.innerText();
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).toContain('密码');
      await screenshot(page, 'login-wrong-password');
      expect(page.url()).toMatch(/\/login$/);
    } finally {
      await context.close();
    }
  });

  it('lets the county admin browse the org tree, including a merged township', async () => {
    const { context, page } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'county_admin', 'Demo@2021county');
      await expect(page.getByTestId('header-unit').innerText()).resolves.toBe('沁水县');
      await expect(page.getByTestId('header-role').innerText()).resolves.toBe('县级管理员');
      await page.getByRole('menuitem', { name: '组织机构' }).click();
      await page.waitForURL(/\/org$/);

      const county = page.locator('.ant-tree-treenode', { has: page.locator('[data-org-code="140521000000"]') });
      await county.waitFor();
      const longgang = page.locator('[data-org-code="140521100000"]');
      if (!(await longgang.isVisible())) await county.locator('.ant-tree-switcher').click();
      await longgang.waitFor();
      await expect(longgang.innerText()).resolves.toContain('龙港镇');
      await expect(page.locator('[data-org-code="140521104000"]').innerText()).resolves.toContain('嘉峰镇');

      const fancunhe = page.locator('[data-org-code="140521200000"]');
      await fancunhe.scrollIntoViewIfNeeded();
      expect(await fancunhe.innerText()).toContain('樊村河乡');
      expect(await fancunhe.getAttribute('data-closed')).toBe('true');
      const closedTag = fancunhe.getByTestId('org-closed-tag');
      expect(await closedTag.innerText()).toMatch(/已撤并\s*→\s*龙港镇/);

      await fancunhe.click();
      await expect(page.getByTestId('org-detail').innerText()).resolves.toContain('樊村河乡');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'org-tree-county-admin');
    } finally {
      await context.close();
    }
  });

  it('hides user management from a village officer', async () => {
    const { context, page } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'village_officer', 'Demo@2021village');
      const menu = page.locator('.ant-layout-sider .ant-menu');
      await menu.getByRole('menuitem', { name: '组织机构' }).waitFor();
      const labels = await menu.getByRole('menuitem').allInnerTexts();
      expect(labels.join('|')).not.toContain('用户管理');
      expect(labels.join('|')).not.toContain('审计日志');
      expect(labels.join('|')).toContain('农户台账');
      // Sign-in lands on 工作台; the org tree is one menu click away.
      await menu.getByRole('menuitem', { name: '组织机构' }).click();
      await page.locator('[data-org-code="140521100201"]').waitFor();
      await screenshot(page, 'village-officer-menu');
    } finally {
      await context.close();
    }
  });
});

// ── english-mode ─────────────────────────────────────────────────────────────────────────────────

// Issue 16 point 4, English half: English mode translates stage names, statuses and the public application
// form. The Chinese half (no English word on any page in Chinese mode) is checked in the every-page walk
// (e2e/every-page.test.ts), which opens every page anyway.

describe('English mode', () => {
  it('names case stages, project statuses and the public application form in English', async () => {
    const { context, page } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'county_staff', DEMO_LOGINS.county_staff);
      await page.evaluate(() => localStorage.setItem('guardline.language', 'en'));

      await page.goto(`${app.server.baseUrl}/cases`);
      await settled(page);
      const stages = await page.locator('.ant-table-row .ant-tag').allInnerTexts();
      const english = new Set(Object.values(CASE_STAGE_EN));
      const chinese = new Set(Object.values(STAGE_LABELS));
      expect(stages.filter((s) => english.has(s)).length).toBeGreaterThan(0);
      expect(stages.filter((s) => chinese.has(s))).toEqual([]);

      await page.goto(`${app.server.baseUrl}/projects`);
      await settled(page);
      const text = await page.locator('.ant-table-tbody').innerText();
      expect(Object.values(PROJECT_STATUS_EN).some((s) => text.includes(s))).toBe(true);
      // Two-character Chinese statuses (储备, 实施 …) as whole cells would mean the status was not translated.
      const cells = await page.locator('.ant-table-tbody td').allInnerTexts();
      expect(cells.filter((c) => Object.values(PROJECT_STATUS_LABELS).includes(c.trim() as never))).toEqual([]);

      // The public application form (no session needed) in English.
      await page.goto(`${app.server.baseUrl}/apply`);
      await page.getByText('Apply for help').waitFor();
      await expect(page.getByRole('button', { name: 'Submit' }).count()).resolves.toBe(1);
      await expect(page.getByText('防返贫监测 · 农户申请').count()).resolves.toBe(0);
      // Its parts too: the undertaking, the village choice, the risk list and the progress lookup.
      for (const part of ['consent-text', 'apply-township', 'status-card']) {
        expect(await page.getByTestId(part).innerText(), part).not.toMatch(/[\u4e00-\u9fff]/);
      }
      expect(await page.getByRole('checkbox', { name: /Someone is ill/ }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});

// ── notices ──────────────────────────────────────────────────────────────────────────────────────

// Issue 16 point 9: the 公示 of a demo case on the print page. Its footer names risk categories as categories (the
// body prints 因病 or another category) and claims only what is true; dates read 2026年3月5日; "下载 PDF" shows that
// it is working, saves the file, and says why when the server cannot print.

describe('notices', () => {
  it('the 公示 footer is true of its body; 下载 PDF shows progress, saves the file, reports a failure', async () => {
    const { page, context } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'village_officer', 'Demo@2021village');
      const list = await page.request.get(`${app.server.baseUrl}/api/cases?stage=publicNotice`);
      expect(list.status()).toBe(200);
      const demo = ((await list.json()) as { items: { id: number }[] }).items[0];
      expect(demo).toBeDefined();
      await page.goto(`${app.server.baseUrl}/cases/${demo.id}/notice/publicity`);
      const frame = page.frameLocator('[data-testid="notice-frame"]');
      await frame.locator('h1').waitFor();
      const footer = await frame.locator('p.note').innerText();
      const body = await frame.locator('table').innerText();
      expect(footer).toContain('不载明病情、残疾类别和等级等健康状况');
      expect(footer).not.toContain('健康状况等个人敏感信息');
      for (const cat of ['因病', '因残']) if (body.includes(cat)) expect(footer).toContain(`“${cat}”`);
      expect(body).not.toMatch(/\d{7,}|慢性病|大病|残疾/);
      // One date style: 2026年3月5日, never 2026-03-05.
      const text = await frame.locator('body').innerText();
      expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      await screenshot(page, 'notices-publicity');

      // 下载 PDF: busy while the server prints, then the file arrives.
      const button = page.getByTestId('notice-pdf');
      const download = page.waitForEvent('download', { timeout: 60_000 });
      await button.click();
      await page.locator('[data-testid="notice-pdf"][data-busy="true"]').waitFor();
      expect(await button.innerText()).toContain('正在生成 PDF');
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.pdf$/);
      await page.locator('[data-testid="notice-pdf"][data-busy="false"]').waitFor();

      // When the server cannot print, the button says why.
      await page.route('**/notices/publicity.pdf', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({
            error: {
              code: 'UNAVAILABLE',
              message: '服务器未安装 PDF 生成组件',
              messageZh: '服务器未安装 PDF 生成组件',
              messageEn: 'No PDF renderer',
              requestId: 'e2e',
            },
          }),
        }),
      );
      await button.click();
      await page.getByText('PDF 生成失败：服务器未安装 PDF 生成组件').waitFor();
      await screenshot(page, 'notices-pdf-failed');
    } finally {
      await context.close();
    }
  });
});

// ── analysis ─────────────────────────────────────────────────────────────────────────────────────

// Issue 19: county staff try the income line 2,000 yuan higher on last month (a sandbox job), open the result
// (who enters, by township), read one household's explanation under both settings and export the differences;
// the township opens the deprivation view (H, A, M0) and its list of poor households not monitored.

describe('analysis: policy what-if and deprivation view', () => {
  it('scenario → result → explanation → .xlsx; deprivation view', async () => {
    const { page, context } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'county_staff', 'Demo@2021county');
      await page.goto(`${app.server.baseUrl}/analysis/whatif`);
      await page.getByRole('button', { name: '新建试算' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('方案名称').fill('监测线提高2000元');
      const line = dialog.getByLabel('监测收入线（元/人·年）');
      const current = (
        await dialog
          .getByText(/^现行：/)
          .first()
          .innerText()
      ).replace(/[^\d]/g, '');
      await line.fill(String(Number(current) + 2000));
      await dialog.getByRole('button', { name: '开始试算' }).click();
      await dialog.waitFor({ state: 'hidden' });

      const row = page.getByTestId('scenario-list').locator('tr', { hasText: '监测线提高2000元' });
      await row.getByText('已完成').waitFor({ timeout: 30_000 });
      await row.getByRole('button', { name: /查\s*看/ }).click();
      const result = page.getByTestId('scenario-result');
      await result.getByTestId('stat-entering').waitFor();
      const total = result.locator('.ant-pagination-total-text').filter({ hasText: '户' });
      await total.waitFor();
      const entering = Number(
        (await result.getByTestId('stat-entering').locator('.ant-statistic-content').innerText()).replace(/\D/g, ''),
      );
      expect(entering).toBeGreaterThan(0);
      expect(await total.innerText()).toMatch(/共 [1-9]\d* 户/);
      await screenshot(page, 'analysis-whatif');

      await result.getByTestId('scenario-changes').getByRole('button', { name: '判断依据' }).first().click();
      const explain = page.getByTestId('scenario-explain');
      await explain.getByText('人均纯收入低于监测范围').waitFor();

      const href = await result.getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
      const xlsx = await page.request.get(`${app.server.baseUrl}${href}`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    } finally {
      await context.close();
    }
    const township = await app.desktop();
    try {
      await login(township.page, app.server.baseUrl, 'township_staff', 'Demo@2021township');
      await township.page.goto(`${app.server.baseUrl}/analysis/deprivation`);
      await township.page.getByTestId('af-M0').waitFor();
      await township.page.getByTestId('af-unmonitored').locator('.ant-table-tbody').waitFor();
      expect(await township.page.getByTestId('af-M0').locator('.ant-statistic-content').innerText()).toMatch(
        /^\d\.\d{4}$/,
      );
      await screenshot(township.page, 'analysis-deprivation');
    } finally {
      await township.context.close();
    }
  });
});
