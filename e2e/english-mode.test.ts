import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, useBrowserApp } from './support/app.ts';
import { findLatinWords } from './support/latin.ts';
import { CASE_STAGE_EN, PROJECT_STATUS_EN } from '../web/src/i18n/workflowLabels.ts';
import { STAGE_LABELS } from '../common/domain/cases/workflow.ts';
import { PROJECT_STATUS_LABELS } from '../common/domain/projects/workflow.ts';
import { APP_PAGES, DEMO_LOGINS, pagesByUser, resolvePagePath } from './support/pages.ts';

// Issue 16 point 4: in Chinese mode no page shows English words (codes, notes, "queued"), checked
// on every page of e2e/support/pages.ts as its user at desktop size; every offender is reported with
// its page. English mode translates stage names, statuses and the public application form.

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

/**
 * What a reader sees: the document title and the body's rendered text, without the elements marked
 * `data-latin-ok` (Latin by nature: the language switch's "EN", login names, request ids, code-table codes).
 */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const marked = Array.from(document.querySelectorAll<HTMLElement>('[data-latin-ok]'));
    const saved = marked.map((el) => el.style.display);
    marked.forEach((el) => (el.style.display = 'none'));
    const text = `${document.title}\n${document.body.innerText}`;
    marked.forEach((el, i) => (el.style.display = saved[i]!));
    return text;
  });
}

describe('Chinese mode', () => {
  it('shows no English word on any page', { timeout: 900_000 }, async () => {
    const offenders: string[] = [];
    let visited = 0;
    for (const [user, pages] of pagesByUser()) {
      const { context, page } = await app.desktop();
      try {
        if (user) await login(page, app.server.baseUrl, user, DEMO_LOGINS[user]);
        for (const entry of pages) {
          const target = await resolvePagePath(page, app.server.baseUrl, entry);
          await page.goto(app.server.baseUrl + target);
          await settle(page);
          const hits = findLatinWords(await visibleText(page));
          const words = [...new Set(hits.map((h) => h.word))];
          if (words.length > 0) {
            const examples = hits.slice(0, 3).map((h) => `「${h.context}」`);
            offenders.push(`${entry.name} ${target} (${user ?? '未登录'}): ${words.join(', ')} ${examples.join(' ')}`);
          }
          visited++;
        }
      } finally {
        await context.close();
      }
    }
    expect(visited).toBe(APP_PAGES.length);
    expect(offenders, `English in Chinese mode:\n${offenders.join('\n')}`).toEqual([]);
  });
});

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
