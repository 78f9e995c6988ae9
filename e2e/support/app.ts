// Starts the real Guardline server on a fresh data directory and drives it with Debian chromium.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

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

/** npx -> tsx -> node: signal the whole process group, escalating if it lingers. */
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
 * Starts `npx tsx server/main.ts` with the demo county on a free port and waits for /api/health.
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
  const child = spawn('npx', ['tsx', 'server/main.ts'], {
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

/** Saves `screenshots/<name>.png` at the repository root and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
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
  /** A new 1366×900 context (zh-CN) and page. */
  desktop(): Promise<{ context: BrowserContext; page: Page }>;
  /** A new 390×844 touch context (zh-CN) and page: a village officer's phone. */
  phone(): Promise<{ context: BrowserContext; page: Page }>;
}

/** One server and one browser for a journey file, started before its tests and stopped after. */
export function useBrowserApp(options: Parameters<typeof startServer>[0] = {}): BrowserApp {
  const app = {
    async desktop() {
      const context = await app.browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
      return { context, page: await context.newPage() };
    },
    async phone() {
      const context = await app.browser.newContext({
        locale: 'zh-CN',
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      return { context, page: await context.newPage() };
    },
  } as BrowserApp;
  beforeAll(async () => {
    app.server = await startServer(options);
    app.browser = await launchBrowser();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}
