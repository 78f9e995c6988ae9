import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, useBrowserApp } from './support/app.ts';
import { CASE_STAGE_EN, PROJECT_STATUS_EN } from '../web/src/i18n/workflowLabels.ts';
import { STAGE_LABELS } from '../common/domain/cases/workflow.ts';
import { PROJECT_STATUS_LABELS } from '../common/domain/projects/workflow.ts';
import { DEMO_LOGINS } from './support/pages.ts';

// Issue 16 point 4, English half: English mode translates stage names, statuses and the public application
// form. The Chinese half (no English word on any page in Chinese mode) is checked in the every-page walk
// (e2e/every-page.test.ts), which opens every page anyway.

const app = useBrowserApp();

/** Waits until the page's data has arrived: no request in flight, no spinner or skeleton left. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 });
  await page.waitForTimeout(300);
}

describe('English mode', () => {
  it('names case stages, project statuses and the public application form in English', async () => {
    const { context, page } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'county_staff', DEMO_LOGINS.county_staff);
      await page.evaluate(() => localStorage.setItem('guardline.language', 'en'));

      await page.goto(`${app.server.baseUrl}/cases`);
      await settle(page);
      const stages = await page.locator('.ant-table-row .ant-tag').allInnerTexts();
      const english = new Set(Object.values(CASE_STAGE_EN));
      const chinese = new Set(Object.values(STAGE_LABELS));
      expect(stages.filter((s) => english.has(s)).length).toBeGreaterThan(0);
      expect(stages.filter((s) => chinese.has(s))).toEqual([]);

      await page.goto(`${app.server.baseUrl}/projects`);
      await settle(page);
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
