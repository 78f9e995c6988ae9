import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { WorkbenchResponse } from '../common/contracts/workbench.ts';
import { login, screenshot, settled, useBrowserApp } from './support/app.ts';
import { DEMO_LOGINS, type DemoUsername } from './support/pages.ts';

// 工作台 (issue #16 point 1): every demo user lands on his to-do home; the cards' counts are the API's; a card
// opens its filtered list; the paired cadre's phone shows his household cards.

const app = useBrowserApp();

const ROLE_IDS: Record<DemoUsername, string> = {
  county_admin: 'county-admin',
  county_staff: 'county-staff',
  township_staff: 'township-staff',
  village_officer: 'village-officer',
  dept_medical: 'dept-medical',
  cadre: 'cadre',
  auditor: 'auditor',
};

async function landOnHome(page: Page, user: DemoUsername) {
  await login(page, app.server.baseUrl, user, DEMO_LOGINS[user]);
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByTestId('workbench-title').waitFor();
  expect(await page.getByTestId('workbench-title').innerText()).toBe('工作台');
  await settled(page);
}

/** The API's answer in the same session (the page's cookie). */
async function apiWorkbench(page: Page): Promise<WorkbenchResponse> {
  return page.evaluate(async () => (await fetch('/api/workbench')).json());
}

async function shownItems(page: Page) {
  const cards = page.getByTestId('workbench-item');
  const out: { kind: string; count: number; href: string }[] = [];
  for (let i = 0; i < (await cards.count()); i++) {
    const card = cards.nth(i);
    out.push({
      kind: (await card.getAttribute('data-kind')) ?? '',
      count: Number(await card.getByTestId('workbench-count').innerText()),
      href: (await card.getAttribute('href')) ?? '',
    });
  }
  return out;
}

describe('工作台', () => {
  for (const user of Object.keys(DEMO_LOGINS) as DemoUsername[]) {
    it(`${user} lands on his workbench, counts as the API gives them`, async () => {
      const { context, page } = await app.desktop();
      try {
        await landOnHome(page, user);
        const api = await apiWorkbench(page);
        const shown = await shownItems(page);
        expect(shown).toEqual(api.items.map((i) => ({ kind: i.kind, count: i.count, href: i.link })));
        if (api.items.length === 0) await page.getByText('今天没有待办').waitFor();
        await screenshot(page, `home-${ROLE_IDS[user]}`);
      } finally {
        await context.close();
      }
    });
  }

  it('a card opens its list with the filters of the card', async () => {
    const { context, page } = await app.desktop();
    try {
      await landOnHome(page, 'village_officer');
      const api = await apiWorkbench(page);
      expect(api.items.length).toBeGreaterThan(0);
      const item = api.items[0];
      await page.getByTestId('workbench-item').first().click();
      await page.waitForURL((u) => u.pathname + u.search === item.link);
      await settled(page);
      expect(await page.getByText('没有找到这个页面').count()).toBe(0);
      await screenshot(page, 'home-village-officer-opened');
    } finally {
      await context.close();
    }
  });

  it('the 未结对的监测户 list the card links to totals the card’s count', async () => {
    const { context, page } = await app.desktop();
    try {
      await landOnHome(page, 'township_staff');
      const item = (await apiWorkbench(page)).items.find((i) => i.kind === 'unpairedMonitored');
      // The demo county may have every monitored household paired: the card is then left out and the list is empty.
      await page.goto(`${app.server.baseUrl}${item?.link ?? '/assistance/pairings?unpaired=1'}`);
      await settled(page);
      await page.getByTestId('unpaired-total').waitFor();
      expect(await page.getByTestId('unpaired-total').innerText()).toBe(`共 ${item?.count ?? 0} 户`);
      expect(await page.getByText('未结对的监测户').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it('a case-stage card opens the case list filtered to that stage', async () => {
    const { context, page } = await app.desktop();
    try {
      await landOnHome(page, 'township_staff');
      const api = await apiWorkbench(page);
      const stage = api.items.find((i) => i.kind === 'casesAtMyStage');
      if (!stage) return; // the demo has no case at a township stage today
      await page.locator(`[data-testid="workbench-item"][href="${stage.link}"]`).click();
      await page.waitForURL((u) => u.pathname + u.search === stage.link);
      await page.locator('.ant-table-row').first().waitFor();
      expect(await page.locator('.ant-table-row').count()).toBeLessThanOrEqual(stage.count);
    } finally {
      await context.close();
    }
  });

  it('the paired cadre’s phone home is his household cards', async () => {
    const { context, page } = await app.phone();
    try {
      await landOnHome(page, 'cadre');
      await page.getByTestId('workspace-list').waitFor();
      const cards = page.getByTestId('workspace-list').locator('.ant-card');
      const space = await page.evaluate(async () => (await fetch('/api/assistance/workspace')).json());
      expect(await cards.count()).toBe(space.households.length);
      // The cards come before the to-do board on a phone.
      const listTop = (await page.getByTestId('workspace-list').boundingBox())!.y;
      const boardTop = (await page.getByTestId('workbench').boundingBox())!.y;
      expect(listTop).toBeLessThan(boardTop);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, 'home-cadre-phone');
    } finally {
      await context.close();
    }
  });
});
