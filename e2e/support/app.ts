// Starts the real Guardline server on a fresh data directory and drives it with Debian chromium.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// GUARDLINE_WEB_DIST: build and serve a separate copy (the server and vite read the same variable).
const WEB_DIST_INDEX = path.join(process.env.GUARDLINE_WEB_DIST ?? path.join(REPO_ROOT, 'web', 'dist'), 'index.html');
const SCREENSHOT_DIR = path.join(REPO_ROOT, 'screenshots');

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** Server output so far; printed when startup fails. */
  output: () => string;
  /** Stops the server (SIGTERM, then SIGKILL) and removes its data directory unless `keepData`. */
  stop: (options?: { keepData?: boolean }) => Promise<void>;
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}

/** The server serves web/dist; build it when missing or older than anything it is built from. */
export function ensureWebBuilt(): void {
  const inputs = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'common'];
  const stale =
    !existsSync(WEB_DIST_INDEX) ||
    Math.max(...inputs.map((input) => newestMtime(path.join(REPO_ROOT, input)))) > statSync(WEB_DIST_INDEX).mtimeMs;
  if (!stale) return;
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** The server and anything it started: signal the whole process group, escalating if it lingers. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
  if ((await Promise.race([exited(child), timeout])) === 'timeout') {
    signal('SIGKILL');
    await exited(child);
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data directory the e2e global setup filled once with the demo county (see global-setup.ts). */
    e2eDataTemplate: string;
  }
}

/** The demo data directory made once per run, or '' (outside vitest, or when a journey sets its own env). */
function dataTemplate(options: { env?: Record<string, string> }): string {
  if (options.env && Object.keys(options.env).length > 0) return '';
  try {
    const dir = inject('e2eDataTemplate');
    return dir && existsSync(dir) ? dir : '';
  } catch {
    return '';
  }
}

/**
 * Starts `node --import tsx server/main.ts` with the demo county on a free port and waits for /api/health.
 * The data directory starts as a copy of the run's template (demo loaded once, ≈10 s saved per journey file);
 * without one the server loads the demo itself, as on a first start.
 */
export async function startServer(
  options: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  ensureWebBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'guardline-e2e-'));
  const template = dataTemplate(options);
  if (template) cpSync(template, dataDir, { recursive: true });
  // node with tsx's loader, as `npm start` runs it, without npx resolving the package first (a second a start).
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      GUARDLINE_DEMO: '1',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (stopOptions: { keepData?: boolean } = {}) => {
    await stopProcessGroup(child);
    if (!stopOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`server exited with code ${child.exitCode} before it was healthy:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return { baseUrl, dataDir, output: () => output, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`server did not become healthy within ${options.timeoutMs ?? 120_000} ms:\n${output}`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Whether journeys save their screenshots (screenshots/*.png, docs/manual/img/*.png): yes, unless
 * GUARDLINE_SCREENSHOTS=0. CI sets it: its clone is thrown away afterwards, and encoding a full phone page as PNG
 * was a sixth of the every-page walk. The pages are still opened and checked the same way.
 */
export const SCREENSHOTS_WANTED = process.env.GUARDLINE_SCREENSHOTS !== '0';

/** Saves `screenshots/<name>.png` at the repository root (unless screenshots are off: SCREENSHOTS_WANTED). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS_WANTED) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export interface RequestTracker {
  /**
   * Resolves once none of the page's requests has been in flight for `quietMs` (150 ms), the page's main thread has
   * drawn two frames with still none started (script still running when the network went quiet, e.g. a lazy route's
   * chunk being evaluated, has had its turn to ask for its data), and no spinner or skeleton is left.
   */
  idle(options?: { quietMs?: number; timeoutMs?: number }): Promise<void>;
}

const trackers = new WeakMap<Page, RequestTracker>();

/**
 * Counts the page's requests in flight from now on (the pages of `useBrowserApp` are tracked from their creation).
 * Waiting on the app's own requests instead of `networkidle` (500 ms of silence, every time) or a fixed time.
 */
export function trackRequests(page: Page): RequestTracker {
  const known = trackers.get(page);
  if (known) return known;
  const inFlight = new Set<Request>();
  let lastChange = Date.now();
  // A new document replaces the page: the old one's requests no longer count (chromium does not always report them
  // finished or failed when their document goes). Until the new document's answer arrives, every request comes from
  // the old one (e.g. its page asking for data just after the test called goto) and is not counted either.
  let leaving: Request | null = null;
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) {
      inFlight.clear();
      leaving = r;
    } else if (leaving) return;
    inFlight.add(r);
    lastChange = Date.now();
  });
  page.on('response', (response) => {
    if (response.request() === leaving) leaving = null;
  });
  const done = (r: Request) => {
    if (r === leaving) leaving = null;
    if (inFlight.delete(r)) lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  const quiet = (quietMs: number) => inFlight.size === 0 && Date.now() - lastChange >= quietMs;
  // Chromium does not always report a request's end (seen: the chunks a <link rel=modulepreload> and an import() both
  // asked for; an API read under load): one the page's own resource timing lists as ended, started at most a second
  // before the request was seen, has ended whatever was reported (the pages of `useBrowserApp` keep 5,000 entries).
  const seenAt = new WeakMap<Request, number>();
  page.on('request', (r) => seenAt.set(r, Date.now()));
  const dropEndedByTiming = async () => {
    const ended = await page
      .evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e as PerformanceResourceTiming)
          .filter((e) => e.responseEnd > 0)
          .map((e) => ({ url: e.name, startedAt: performance.timeOrigin + e.startTime })),
      )
      .catch(() => [] as { url: string; startedAt: number }[]);
    for (const r of [...inFlight]) {
      const since = (seenAt.get(r) ?? 0) - 1_000;
      if (ended.some((e) => e.url === r.url() && e.startedAt >= since)) done(r);
    }
  };
  const twoFrames = () =>
    page
      .evaluate(
        () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
      )
      .catch(() => undefined); // a navigation replaced the document: its requests count, the loop goes on
  const tracker: RequestTracker = {
    async idle({ quietMs = 150, timeoutMs = 30_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (quiet(quietMs)) {
          await twoFrames();
          if (quiet(quietMs)) {
            await page
              .locator('.ant-spin-spinning, .ant-skeleton-active')
              .first()
              .waitFor({ state: 'detached', timeout: Math.max(1, deadline - Date.now()) });
            // A spinner that went away may have been waiting for a request that starts the next one.
            if (quiet(quietMs)) return;
          }
        }
        if (inFlight.size > 0 && Date.now() - lastChange > 1_000) await dropEndedByTiming();
        if (Date.now() > deadline) {
          const urls = [...inFlight].map((r) => r.url()).join(', ');
          throw new Error(`page not settled after ${timeoutMs} ms; in flight: ${urls || 'none'}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
  trackers.set(page, tracker);
  return tracker;
}

/** Waits until the page's data has arrived (see RequestTracker.idle); the page must be tracked (trackRequests). */
export function settled(page: Page, options?: { quietMs?: number; timeoutMs?: number }): Promise<void> {
  const tracker = trackers.get(page);
  if (!tracker) throw new Error('settled(page): the page is not tracked; call trackRequests(page) when creating it');
  return tracker.idle(options);
}

/**
 * Waits until the element and the boxes around it have lost antd's opening-motion classes (rc-motion's
 * `-appear`/`-enter` and their steps): a drawer or dialog has slid or zoomed into place, instead of a fixed time.
 */
export async function motionDone(element: Locator): Promise<void> {
  await element.waitFor();
  await expect
    .poll(() =>
      element.evaluate((el) => {
        const moving = /-(appear|enter)(-(prepare|start|active))?$/;
        for (let node: Element | null = el; node; node = node.parentElement) {
          if (Array.from(node.classList).some((c) => moving.test(c))) return true;
        }
        return false;
      }),
    )
    .toBe(false);
}

/**
 * Opens a ConfirmAction's dialog (`testId`), gives the opinion when there is one and confirms. The OK button is clicked
 * once the dialog has zoomed into place: in antd's first motion frame the dialog stands at full size, invisible, and
 * then shrinks to start its zoom, so a click landing there goes down on the button and up elsewhere (no click at all).
 */
export async function confirmDialog(page: Page, testId: string, opinion?: string | null): Promise<void> {
  await page.getByTestId(testId).click();
  const ok = page.getByTestId(`${testId}-ok`);
  await motionDone(ok);
  if (opinion) await page.getByTestId(`${testId}-opinion`).fill(opinion);
  await ok.click();
}

/** Signs in through the login form and waits for the application shell. */
export async function login(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('header-user').waitFor();
}

export interface BrowserApp {
  /** Set before the first test: the server on its own data directory, and one browser. */
  server: RunningServer;
  browser: Browser;
  /**
   * A new 1366×900 context (zh-CN) and page (its requests tracked: `settled(page)`). Journeys ask for reduced motion,
   * which the app honours (no antd animation): a click never lands on a dialog still zooming into place.
   */
  desktop(): Promise<{ context: BrowserContext; page: Page }>;
  /** A new 390×844 touch context (zh-CN) and page: a village officer's phone (requests tracked too). */
  phone(): Promise<{ context: BrowserContext; page: Page }>;
}

/** One server and one browser for a journey file, started before its tests and stopped after. */
export function useBrowserApp(options: Parameters<typeof startServer>[0] = {}): BrowserApp {
  // The API's refusals and errors this test met, and its API calls in order (shown when it fails: a journey stuck
  // on a step says whether the request went, how it was answered and what came after).
  let refusals: string[] = [];
  let calls: string[] = [];
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  async function watched(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.addInitScript(() => performance.setResourceTimingBufferSize(5_000));
    trackRequests(page);
    const api = (r: Request) =>
      r.url().includes('/api/') ? `${r.method()} ${r.url().replace(/^https?:\/\/[^/]+/, '')}` : null;
    page.on('request', (r) => void (api(r) && calls.push(`${at()} → ${api(r)}`)));
    page.on('requestfinished', (r) => {
      if (!api(r)) return;
      // The page may close before the answer is read: then the call is logged without its status.
      void r.response().then(
        (res) => calls.push(`${at()} ← ${res?.status() ?? '?'} ${api(r)}`),
        () => calls.push(`${at()} ← (page closed) ${api(r)}`),
      );
    });
    page.on('requestfailed', (r) => void (api(r) && calls.push(`${at()} ✗ ${r.failure()?.errorText ?? ''} ${api(r)}`)));
    page.on('response', (r) => {
      if (r.status() < 400 || !r.url().includes('/api/')) return;
      const line = `${r.status()} ${r.request().method()} ${r.url()}`;
      void r.text().then(
        (body) => refusals.push(`${line} ${body.slice(0, 300)}`),
        () => refusals.push(line),
      );
    });
    return page;
  }
  const app = {
    async desktop() {
      const context = await app.browser.newContext({
        locale: 'zh-CN',
        viewport: { width: 1366, height: 900 },
        reducedMotion: 'reduce',
      });
      return { context, page: await watched(context) };
    },
    async phone() {
      const context = await app.browser.newContext({
        locale: 'zh-CN',
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        reducedMotion: 'reduce',
      });
      return { context, page: await watched(context) };
    },
  } as BrowserApp;
  beforeAll(async () => {
    app.server = await startServer(options);
    app.browser = await launchBrowser();
  });
  // A failed journey prints what its server logged (warnings and errors: a slow or stuck request names its route)
  // and the API's refusals it met.
  afterEach(({ task }) => {
    const met = refusals;
    const called = calls;
    refusals = [];
    calls = [];
    if (task.result?.state !== 'fail' || !app.server) return;
    const log = app.server.output().trim();
    console.error(`server log of "${task.name}" (last 6000 characters):\n${log.slice(-6000) || '(empty)'}`);
    console.error(`API answers ≥ 400 in "${task.name}" (the last 20):\n${met.slice(-20).join('\n') || '(none)'}`);
    console.error(`API calls in "${task.name}" (the last 40):\n${called.slice(-40).join('\n') || '(none)'}`);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}

/**
 * Chooses an option of an antd Select (the field is its input, e.g. `dialog.getByLabel('人员')`): the first option, or
 * the one titled `option`; then checks that the select shows a choice, and tries again if a click during the
 * dropdown's animation chose nothing (a click toggles the dropdown: the next attempt closes it, the one after opens it).
 */
export async function chooseOption(page: Page, field: Locator, option?: string | RegExp): Promise<void> {
  const select = field.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  for (let attempt = 1; ; attempt += 1) {
    await field.click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    const item = option === undefined ? options.first() : options.filter({ hasText: option }).first();
    try {
      await item.waitFor({ state: 'visible', timeout: 8000 });
      const text = (await item.innerText()).trim();
      await item.click();
      await expect.poll(async () => (await select.innerText()).includes(text), { timeout: 3000 }).toBe(true);
      return;
    } catch (err) {
      if (attempt >= 4) throw err;
    }
  }
}
