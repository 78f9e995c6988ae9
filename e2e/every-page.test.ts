import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, motionDone, screenshot, settled, useBrowserApp } from './support/app.ts';
import { findLatinWords } from './support/latin.ts';
import { APP_PAGES, DEMO_LOGINS, pagesByUser, resolvePagePath, type AppPage } from './support/pages.ts';

// Every page of the app on a 390×844 phone, as the demo user who works on it: nothing is wider than
// the screen (tables scroll inside their own box), no console error, no failed request, and no English
// word in Chinese mode (issue 16 points 3 and 4, one walk for both). One sign-in per user, then page to page inside
// the app (visit); every page is screenshot as screenshots/phone-<id>.png. The few pages laid out differently on a desktop (the home page's
// tables, the side menu) are read again at desktop width for English words.

const PHONE_WIDTH = 390;
/** Pages besides the home page whose desktop layout shows text the phone's does not (Grid.useBreakpoint). */
const DESKTOP_DIFFERS = /^\/assistance\/workspace$/;
const app = useBrowserApp();
// The journeys' web build keeps React's and antd's development warnings; a deprecated prop is not a failure.
const DEV_DEPRECATION = /^Warning: (\[antd: \w+\] )?.*\bdeprecated\b/;

interface Measure {
  doc: number;
  body: number;
  /** Visible elements sticking out past the right edge (the widest few), to say what to fix. */
  culprits: string[];
  /** Table headers broken over more than two lines (Chinese one character a line). */
  wrappedHeaders: string[];
  /** Table cells whose text runs past their edge (an amount cut or over its neighbour); … columns excepted. */
  cutCells: string[];
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

/** The English words on the page, as one line naming the page, or null. */
async function englishOn(page: Page, where: string): Promise<string | null> {
  const hits = findLatinWords(await visibleText(page));
  if (hits.length === 0) return null;
  const words = [...new Set(hits.map((h) => h.word))];
  return `${where}: ${words.join(', ')} ${hits
    .slice(0, 3)
    .map((h) => `「${h.context}」`)
    .join(' ')}`;
}

function measure(page: Page): Promise<Measure> {
  return page.evaluate((limit) => {
    const culprits: { width: number; what: string }[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= limit + 0.5) continue;
      // Only the outermost offender of a branch: its parent still fits.
      const parent = el.parentElement?.getBoundingClientRect();
      if (parent && parent.right > limit + 0.5) continue;
      const cls = typeof el.className === 'string' ? el.className.split(/\s+/).slice(0, 2).join('.') : '';
      culprits.push({ width: Math.round(rect.right), what: `${el.tagName.toLowerCase()}${cls ? '.' + cls : ''}` });
    }
    culprits.sort((a, b) => b.width - a.width);
    const wrappedHeaders = Array.from(document.querySelectorAll<HTMLElement>('.ant-table-thead th'))
      .filter((th) => {
        const text = th.innerText.trim();
        const lineHeight = parseFloat(getComputedStyle(th).lineHeight) || 22;
        const range = document.createRange();
        range.selectNodeContents(th);
        return text.length >= 2 && range.getBoundingClientRect().height > 2.5 * lineHeight;
      })
      .map((th) => th.innerText.trim());
    const cutCells = Array.from(document.querySelectorAll<HTMLElement>('.ant-table-thead th, .ant-table-tbody td'))
      .filter((cell) => {
        if (cell.classList.contains('ant-table-cell-ellipsis')) return false;
        // The text's own box (a fixed column's shadow is a pseudo-element outside the cell, not content).
        const range = document.createRange();
        range.selectNodeContents(cell);
        const text = range.getBoundingClientRect();
        const box = cell.getBoundingClientRect();
        return text.width > 0 && (text.left < box.left - 1 || text.right > box.right + 1);
      })
      .map((cell) => cell.innerText.trim().slice(0, 20));
    return {
      wrappedHeaders,
      cutCells,
      doc: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      culprits: culprits.slice(0, 3).map((c) => `${c.what}→${c.width}`),
    };
  }, PHONE_WIDTH);
}

describe('every page on a phone', () => {
  it(
    `fits ${PHONE_WIDTH} px on every page, in Chinese only, with no console error and no failed request`,
    { timeout: 900_000 },
    async () => {
      const offenders: string[] = [];
      const problems: string[] = [];
      const english: string[] = [];
      let visited = 0;
      for (const [user, pages] of pagesByUser()) {
        const { context, page } = await app.phone();
        let current = '(sign-in)';
        let signedIn = false;
        page.on('console', (m) => {
          if (m.type() !== 'error' || DEV_DEPRECATION.test(m.text())) return;
          // Before sign-in the app asks who is signed in and is told: nobody (401).
          if (!signedIn && /status of 401/.test(m.text())) return;
          problems.push(`${current}: console error ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`${current}: page error ${e.message}`));
        page.on('response', (r) => {
          if (!signedIn && r.status() === 401 && r.url().endsWith('/api/auth/me')) return;
          if (r.status() >= 400) problems.push(`${current}: ${r.status()} ${r.request().method()} ${r.url()}`);
        });
        page.on('requestfailed', (r) => {
          // A navigation abandons the previous page's requests; that is not a failure.
          if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? '')) {
            problems.push(`${current}: failed ${r.method()} ${r.url()} ${r.failure()?.errorText}`);
          }
        });
        try {
          if (user) {
            await login(page, app.server.baseUrl, user, DEMO_LOGINS[user]);
            signedIn = true;
          }
          for (const entry of pages) {
            current = `${entry.path} (${user ?? 'no session'})`;
            await visit(page, entry);
            await settled(page);
            const m = await measure(page);
            if (m.doc > PHONE_WIDTH || m.body > PHONE_WIDTH) {
              offenders.push(`${entry.name} ${current}: ${Math.max(m.doc, m.body)} px [${m.culprits.join(', ')}]`);
            }
            if (m.wrappedHeaders.length > 0) {
              offenders.push(`${entry.name} ${current}: headers wrap [${m.wrappedHeaders.join(', ')}]`);
            }
            if (m.cutCells.length > 0) {
              offenders.push(`${entry.name} ${current}: cells cut [${m.cutCells.slice(0, 5).join(', ')}]`);
            }
            const latin = await englishOn(page, `${entry.name} ${current}`);
            if (latin) english.push(latin);
            await screenshot(page, `phone-${entry.id}`);
            visited++;
          }
          // The desktop layout: the side menu, and the pages that show tables where the phone shows cards.
          await page.setViewportSize({ width: 1366, height: 900 });
          const desktopPaths = user
            ? ['/', ...pages.filter((p) => DESKTOP_DIFFERS.test(p.path)).map((p) => p.path)]
            : [];
          for (const target of new Set(desktopPaths)) {
            current = `${target} (${user}, desktop)`;
            await page.goto(app.server.baseUrl + target);
            await settled(page);
            const latin = await englishOn(page, current);
            if (latin) english.push(latin);
          }
        } finally {
          await context.close();
        }
      }
      expect(visited).toBe(APP_PAGES.length);
      expect(offenders, `pages wider than ${PHONE_WIDTH} px or with wrapped headers:\n${offenders.join('\n')}`).toEqual(
        [],
      );
      expect(english, `English in Chinese mode:\n${english.join('\n')}`).toEqual([]);
      expect(problems, problems.join('\n')).toEqual([]);
    },
  );
});

describe('the phone layout', () => {
  it('opens the menu from a header button that covers nothing, and closes it after choosing a page', async () => {
    const { context, page } = await app.phone();
    try {
      await login(page, app.server.baseUrl, 'village_officer', DEMO_LOGINS.village_officer);
      await page.goto(`${app.server.baseUrl}/cases`);
      const title = page.locator('.ant-card-head-title').first();
      await title.waitFor();
      // The card title is what the finger meets at its own first characters: nothing floats over it.
      const box = (await title.boundingBox())!;
      const onTop = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x, y)?.closest('.ant-card-head-title') !== null,
        [box.x + 8, box.y + box.height / 2],
      );
      expect(onTop).toBe(true);
      expect(await page.locator('.ant-layout-sider').count()).toBe(0);

      await page.getByTestId('menu-button').click();
      const drawer = page.locator('.ant-drawer-open');
      await drawer.getByRole('menuitem', { name: '监测预警' }).click();
      await drawer.getByRole('menuitem', { name: '线索清单' }).click();
      await page.waitForURL(/\/monitoring\/clues$/);
      await drawer.waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });
});

describe('drawers and dialogs on a phone', () => {
  it('take the screen width, whatever width the page asked for', async () => {
    const { context, page } = await app.phone();
    try {
      await login(page, app.server.baseUrl, 'county_staff', DEMO_LOGINS.county_staff);
      const fits = async (selector: string) => {
        const panel = page.locator(selector).last();
        await panel.waitFor();
        await motionDone(panel);
        const box = (await panel.boundingBox())!;
        expect(box.x, selector).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, selector).toBeLessThanOrEqual(PHONE_WIDTH + 0.5);
      };
      // The project drawer asks for 880 px.
      await page.goto(`${app.server.baseUrl}/projects`);
      await page.locator('.ant-table-row .ant-typography-link, .ant-table-row a.ant-typography').first().click();
      await fits('.ant-drawer-open .ant-drawer-content-wrapper');
      await screenshot(page, 'phone-drawer-project');
      // The pick-a-clue dialog asks for 900 px.
      await page.goto(`${app.server.baseUrl}/cases`);
      await page.getByTestId('start-from-clue').click();
      await fits('.ant-modal');
      await screenshot(page, 'phone-dialog-pick-clue');
    } finally {
      await context.close();
    }
  });
});

/**
 * Opens the page the way a user moves between pages, inside the app (the router follows the address), not by loading
 * the app again: a third less time for the walk. Loading each page afresh is what the other journeys do.
 */
async function visit(page: Page, entry: AppPage): Promise<void> {
  const target = await resolvePagePath(page, app.server.baseUrl, entry);
  if (!page.url().startsWith(app.server.baseUrl)) {
    await page.goto(app.server.baseUrl + target);
    return;
  }
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, target);
  await page.waitForURL((u) => u.pathname + u.search === target || u.toString().endsWith(target));
}
