import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, REPO_ROOT, SCREENSHOTS_WANTED, settled, useBrowserApp } from './support/app.ts';

// The user manual (docs/manual/) shows the screens each role works with. This journey signs in as every
// demo user, opens the pages its manual page describes and saves the screenshots into docs/manual/img/,
// so `npm run test:e2e` regenerates them from the current app. The unit test
// server/modules/help/manual.test.ts checks every image the manual names exists and every image is named.

const MANUAL_IMG = path.join(REPO_ROOT, 'docs', 'manual', 'img');
const ANTD_MEASURE_HIDDEN = 'span[aria-hidden="true"][style*="position: fixed"] { opacity: 0 !important; }';

interface Shot {
  /** docs/manual/img/<name>.png */
  name: string;
  path: string;
  /** Text the page shows once it has loaded (a heading, a column, a button). */
  shows: string | RegExp;
  /** Then open the first row's link (e.g. the first case of a filtered list) and wait for this text. */
  openFirstRow?: string | RegExp;
}

interface RoleShots {
  username: string;
  password: string;
  /** A village officer's or cadre's phone (390 × 844) instead of the desktop (1366 × 900). */
  phone?: boolean;
  shots: Shot[];
}

const ROLES: RoleShots[] = [
  {
    username: 'county_admin',
    password: 'Demo@2021county',
    shots: [
      { name: 'county-admin-home', path: '/', shows: '工作台' },
      { name: 'county-admin-users', path: '/users', shows: 'county_staff' },
      { name: 'county-admin-params', path: '/monitoring/params', shows: /政策参数|参数/ },
      { name: 'county-admin-audit', path: '/audit', shows: /登录|操作/ },
    ],
  },
  {
    username: 'county_staff',
    password: 'Demo@2021county',
    shots: [
      { name: 'county-staff-runs', path: '/monitoring/runs', shows: /监测/ },
      { name: 'county-staff-warnings', path: '/monitoring/warnings', shows: /预警/ },
      { name: 'county-staff-cases', path: '/cases', shows: /识别|消除/ },
      { name: 'county-staff-funds', path: '/projects/funds', shows: /资金/ },
    ],
  },
  {
    username: 'township_staff',
    password: 'Demo@2021township',
    shots: [
      { name: 'township-staff-home', path: '/', shows: '工作台' },
      { name: 'township-staff-reviews', path: '/registry/reviews', shows: /审核/ },
      {
        name: 'township-staff-comparison',
        path: '/cases?kind=identification&stage=comparison',
        shows: '信息比对',
        openFirstRow: /当前环节由您办理|信息比对结果/,
      },
      { name: 'township-staff-pairings', path: '/assistance/pairings', shows: /结对/ },
      { name: 'township-staff-approvals', path: '/indicators/approvals', shows: /审核|上报/ },
    ],
  },
  {
    username: 'village_officer',
    password: 'Demo@2021village',
    shots: [
      { name: 'village-officer-home', path: '/', shows: '工作台' },
      { name: 'village-officer-registry', path: '/registry', shows: /户主|农户/ },
      { name: 'village-officer-clues', path: '/monitoring/clues', shows: /线索/ },
      { name: 'village-officer-entry', path: '/indicators/entry', shows: /填报/ },
    ],
  },
  {
    username: 'village_officer',
    password: 'Demo@2021village',
    phone: true,
    shots: [{ name: 'village-officer-visit-phone', path: '/monitoring/visit', shows: /走访/ }],
  },
  {
    username: 'dept_medical',
    password: 'Demo@2021dept',
    shots: [
      { name: 'department-feeds', path: '/monitoring/feeds', shows: /部门数据|数据/ },
      { name: 'department-projects', path: '/projects', shows: /项目/ },
    ],
  },
  {
    username: 'cadre',
    password: 'Demo@2021cadre',
    phone: true,
    shots: [
      { name: 'cadre-home-phone', path: '/', shows: '工作台' },
      { name: 'cadre-visit-phone', path: '/monitoring/visit', shows: /走访/ },
    ],
  },
  {
    username: 'auditor',
    password: 'Demo@2021audit',
    shots: [
      { name: 'auditor-audit', path: '/audit', shows: /登录|操作/ },
      { name: 'auditor-cockpit', path: '/indicators/cockpit', shows: /指标/ },
    ],
  },
];

async function save(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS_WANTED) return;
  mkdirSync(MANUAL_IMG, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  // The first screen, as the user sees it after opening the page (a full page would be metres long).
  // antd re-measures ellipsis text in a fixed red-tinted span when the screenshot resizes the page; users never see it.
  await page.screenshot({ path: path.join(MANUAL_IMG, `${name}.png`), style: ANTD_MEASURE_HIDDEN });
}

const app = useBrowserApp();

describe('the user manual', () => {
  it.each(ROLES.map((role) => [`${role.username}${role.phone ? ' (phone)' : ''}`, role] as const))(
    'screenshots for %s',
    async (_name, role) => {
      const { context, page } = role.phone ? await app.phone() : await app.desktop();
      const failed: string[] = [];
      try {
        await login(page, app.server.baseUrl, role.username, role.password);
        // After the login page (whose session probe answers 401 before signing in), no request may fail.
        page.on('response', (response) => {
          if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
        });
        for (const shot of role.shots) {
          await page.goto(`${app.server.baseUrl}${shot.path}`);
          await page.getByTestId('header-user').waitFor();
          await settled(page);
          await page.locator('.ant-layout-content').getByText(shot.shows).first().waitFor();
          if (shot.openFirstRow) {
            await page.locator('.ant-table-row a').first().click();
            await page.locator('.ant-layout-content').getByText(shot.openFirstRow).first().waitFor();
            await settled(page);
          }
          expect(await page.locator('body').innerText(), shot.path).not.toContain('没有找到这个页面');
          await save(page, shot.name);
        }
        expect(failed).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('the help menu opens the manual at the user’s own role, with its screenshots', async () => {
    const { context, page } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'township_staff', 'Demo@2021township');
      await page.getByTestId('header-help').click();
      await page.waitForURL(/\/help\/township-staff$/);
      const manual = page.getByTestId('help-manual');
      await manual
        .getByRole('heading', { name: /乡镇业务员/ })
        .first()
        .waitFor();
      await expect(page.getByRole('tab', { selected: true }).innerText()).resolves.toContain('乡镇业务员（本岗位）');
      // Every screenshot on the page loaded (the server sends docs/manual/img/*).
      const images = manual.locator('img');
      expect(await images.count()).toBeGreaterThan(0);
      for (const image of await images.all()) {
        await image.scrollIntoViewIfNeeded();
        await expect
          .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
          .toBe(true);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await save(page, 'help-page');

      // A link to another role's page stays in the app.
      await page.getByRole('tab', { name: '手册目录' }).click();
      await page.waitForURL(/\/help\/README$/);
      await manual.getByRole('link', { name: '村级信息员' }).first().click();
      await page.waitForURL(/\/help\/village-officer$/);
      await manual
        .getByRole('heading', { name: /村级信息员/ })
        .first()
        .waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('the user manual on a phone', () => {
  it('fits 390 px: screenshots and tables shrink or scroll inside the page', async () => {
    const { context, page } = await app.phone();
    try {
      await login(page, app.server.baseUrl, 'cadre', 'Demo@2021cadre');
      await page.goto(`${app.server.baseUrl}/help`);
      await page.waitForURL(/\/help\/cadre$/);
      await page
        .getByTestId('help-manual')
        .getByRole('heading', { name: /帮扶干部/ })
        .first()
        .waitFor();
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.getByRole('tab', { name: '手册目录' }).click();
      await page.getByTestId('help-manual').locator('table').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
    }
  });
});
