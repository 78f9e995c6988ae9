// npm run killtest — kill -9 the real server in the middle of a household import, a department
// (feed) import and a monthly monitoring run; restart; check that nothing is left running, that no
// import committed part of a file, and that the retries give the warnings of an uninterrupted run.
// Embedded PGlite always; PostgreSQL too when DATABASE_URL or TEST_DATABASE_URL is set (throw-away
// databases are created beside it and dropped). Prints figures; exits 1 when one is not zero.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { adminQuery } from '../server/db/admin-query.ts';
import { loadConfig } from '../server/config.ts';
import { queryRows, type Database } from '../server/db/connect.ts';
import { openDatabase } from '../server/main.ts';
import { recoverInterruptedWork } from '../server/recover.ts';
import { ABANDONED } from '../server/modules/monitoring/monitoring.lease.ts';
import { QINSHUI_COUNTY_CODE } from '../server/modules/org/qinshui.ts';
import { generateDemoCounty } from '../server/modules/registry/demo-generator.ts';
import { demoCountyOptions } from '../server/modules/registry/import/demo-loader.ts';
import {
  householdCells,
  householdHeaders,
  memberCells,
  memberHeaders,
} from '../server/modules/registry/import/ledger-values.ts';
import { todayInChina } from '../server/lib/clock.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECRET = 'kill-test-' + 'k'.repeat(40);
const HOUSEHOLDS = Number(process.env.KILLTEST_HOUSEHOLDS ?? 2000);
const KILL_AFTER_MS = Number(process.env.KILLTEST_KILL_AFTER_MS ?? 100);

type Env = NodeJS.ProcessEnv;
// The inspections below open the database in this process too: same lease as the servers it starts.
process.env.GUARDLINE_RUN_LEASE_SECONDS = '2';

function log(line: string) {
  process.stdout.write(line + '\n');
}

function cli(env: Env, args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`guardline ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(env: Env): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { child, base };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

async function stopServer(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

/** Logs in as county_admin; a first login that must change its initial password does so (PostgreSQL demo). */
async function login(base: string, creds: { password: string }): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'county_admin', password: creds.password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  if (!((await res.json()) as { mustChangePassword?: boolean }).mustChangePassword) return cookie;
  const newPassword = `Kill-test#${randomBytes(6).toString('hex')}`;
  const changed = await call(base, cookie, 'POST', '/api/auth/password', {
    currentPassword: creds.password,
    newPassword,
  });
  if (changed.status !== 200)
    throw new Error(`password change failed: ${changed.status} ${JSON.stringify(changed.json)}`);
  creds.password = newPassword;
  return login(base, creds);
}

async function call(
  base: string,
  cookie: string,
  method: string,
  url: string,
  body?: FormData | object,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const init: RequestInit = { method, headers: { cookie } };
  if (body instanceof FormData) init.body = body;
  else if (body) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await fetch(base + url, init);
  return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

async function waitJob(base: string, cookie: string, jobId: number): Promise<string> {
  for (;;) {
    const { json } = await call(base, cookie, 'GET', `/api/jobs/${jobId}`);
    if (json.status !== 'running') return String(json.status);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const csvCell = (v: string | number | null) =>
  v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
const csv = (rows: (string | number | null)[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';

interface Files {
  households: string;
  members: string;
  feed: string;
  period: string;
}

/** The household file (CSV pair) of a synthetic county and a medical-insurance file for some of its people. */
function makeFiles(options: Awaited<ReturnType<typeof demoCountyOptions>>): Files {
  const today = todayInChina();
  const [y, m] = today.slice(0, 7).split('-').map(Number);
  const period = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const households: (string | number | null)[][] = [householdHeaders()];
  const members: (string | number | null)[][] = [memberHeaders()];
  const feed: (string | number | null)[][] = [
    ['证件号码', '姓名', '数据来源', '事项', '发生日期', '金额（元）', '说明'],
  ];
  let i = 0;
  for (const { household, members: people } of generateDemoCounty(options)) {
    households.push(householdCells(household));
    for (const p of people) members.push(memberCells(household.householdNo, p));
    if (i++ % 7 === 0)
      feed.push([people[0].idNumber, people[0].name, '医保', '住院自付', `${period}-15`, 20_000 + (i % 13) * 1000, '']);
  }
  return { households: csv(households), members: csv(members), feed: csv(feed), period };
}

interface Outcome {
  stuckRuns: number;
  stuckJobs: number;
  partialCommits: number;
  warnings: string[];
  killedAt?: string;
}

async function inspect(
  env: Env,
): Promise<{ database: Database; stuckRuns: number; stuckJobs: number; partial: number }> {
  // What a server start does: take over the lock, supersede dead runs, fail interrupted jobs.
  const database = await openDatabase(loadConfig(env));
  const db = database.db;
  await recoverInterruptedWork(db, { tempDir: env.TMPDIR });
  const [{ runs }] = await queryRows<{ runs: number }>(
    db,
    sql`SELECT count(*)::int AS runs FROM monitor_run WHERE status = 'running'`,
  );
  const [{ jobs }] = await queryRows<{ jobs: number }>(
    db,
    sql`SELECT count(*)::int AS jobs FROM job WHERE status = 'running'`,
  );
  // A household file commits all or nothing; a feed batch row exists only with all its records.
  const [{ hh }] = await queryRows<{ hh: number }>(db, sql`SELECT count(*)::int AS hh FROM household`);
  const [{ feeds }] = await queryRows<{ feeds: number }>(
    db,
    sql`SELECT count(*)::int AS feeds FROM feed_batch b WHERE b.new_count <> (SELECT count(*) FROM feed_record r WHERE r.batch_id = b.id)`,
  );
  const partial = (hh !== 0 && hh !== HOUSEHOLDS ? 1 : 0) + feeds;
  return { database, stuckRuns: runs, stuckJobs: jobs, partial };
}

/** A restart after kill -9 (PostgreSQL may be shared by several servers: a dead run is recognised once its lease expires). */
async function afterCrash(
  env: Env,
): Promise<{ stuckRuns: number; stuckJobs: number; partial: number; abandoned: number }> {
  if (env.DATABASE_URL) await new Promise((r) => setTimeout(r, 3000));
  const seen = await inspect(env);
  const [{ n }] = await queryRows<{ n: number }>(
    seen.database.db,
    sql`SELECT count(*)::int AS n FROM monitor_run WHERE error = ${ABANDONED}`,
  );
  await seen.database.close();
  return { stuckRuns: seen.stuckRuns, stuckJobs: seen.stuckJobs, partial: seen.partial, abandoned: n };
}

async function warningsOf(database: Database, period: string): Promise<string[]> {
  const rows = await queryRows<{ w: string }>(
    database.db,
    sql`SELECT h.household_no || ' ' || w.rule_code || ' ' || w.evidence::text AS w FROM warning w JOIN household h ON h.id = w.household_id
      WHERE w.period = ${period} ORDER BY 1`,
  );
  return rows.map((r) => r.w);
}

async function scenario(name: string, env: Env, kill: boolean): Promise<Outcome> {
  // Org units and demo users (random passwords on PostgreSQL, printed once), no households.
  const demo = JSON.parse(cli(env, ['demo', '--json'])) as { users: { username: string; password: string }[] };
  const creds = { password: demo.users.find((u) => u.username === 'county_admin')!.password };
  let files: Files;
  {
    const database = await openDatabase(loadConfig(env));
    files = makeFiles(await demoCountyOptions(database.db, QINSHUI_COUNTY_CODE, HOUSEHOLDS, 13));
    await database.close();
  }
  const upload = () => {
    const form = new FormData();
    form.append('households', new Blob([files.households]), 'households.csv');
    form.append('members', new Blob([files.members]), 'members.csv');
    return form;
  };
  const feedForm = () => {
    const form = new FormData();
    form.append('file', new Blob([files.feed]), 'medical.csv');
    return form;
  };
  const start = async (base: string, cookie: string) => ({
    households: await call(base, cookie, 'POST', '/api/registry/import', upload()),
    feed: await call(base, cookie, 'POST', '/api/feeds/import?source=medical', feedForm()),
    run: await call(base, cookie, 'POST', '/api/monitoring/runs', { period: files.period }),
  });
  let outcome: Outcome = { stuckRuns: 0, stuckJobs: 0, partialCommits: 0, warnings: [] };

  if (kill) {
    // Crash 1: the three started together, killed at once (the household import is mid-way).
    const first = await startServer(env);
    let cookie = await login(first.base, creds);
    const started = await start(first.base, cookie);
    for (const [what, r] of Object.entries(started))
      if (r.status !== 200) throw new Error(`${name}: ${what} not started: ${r.status} ${JSON.stringify(r.json)}`);
    await new Promise((r) => setTimeout(r, KILL_AFTER_MS));
    const states = await Promise.all(
      Object.values(started).map((r) =>
        call(first.base, cookie, 'GET', `/api/jobs/${r.json.jobId}`).then(
          (j) => `${j.json.kind ?? ''}:${j.json.status}`,
        ),
      ),
    );
    await stopServer(first.child, 'SIGKILL');
    const afterFirst = await afterCrash(env);
    // Crash 2: the county loaded, the monthly run killed as soon as it is under way.
    const second = await startServer(env);
    cookie = await login(second.base, creds);
    await waitJob(
      second.base,
      cookie,
      Number((await call(second.base, cookie, 'POST', '/api/registry/import', upload())).json.jobId),
    );
    const run = await call(second.base, cookie, 'POST', '/api/monitoring/runs', { period: files.period });
    if (run.status !== 200)
      throw new Error(`${name}: monthly run refused after the first crash: ${run.status} ${JSON.stringify(run.json)}`);
    await stopServer(second.child, 'SIGKILL'); // as soon as the run is accepted
    const afterSecond = await afterCrash(env);
    outcome = {
      ...outcome,
      stuckRuns: afterFirst.stuckRuns + afterSecond.stuckRuns,
      stuckJobs: afterFirst.stuckJobs + afterSecond.stuckJobs,
      partialCommits: afterFirst.partial + afterSecond.partial,
      killedAt: `${states.join(', ')}; then a monthly run right after its start; runs found abandoned and superseded: ${afterSecond.abandoned}`,
    };
  }

  // The retry (or, for the reference, the only attempt): one after the other, each to the end.
  const { child, base } = await startServer(env);
  const cookie = await login(base, creds);
  const households = await call(base, cookie, 'POST', '/api/registry/import', upload());
  if (households.status !== 200)
    throw new Error(`${name}: household import refused: ${households.status} ${JSON.stringify(households.json)}`);
  const hhStatus = await waitJob(base, cookie, Number(households.json.jobId));
  const feed = await call(base, cookie, 'POST', '/api/feeds/import?source=medical', feedForm());
  if (feed.status !== 200) throw new Error(`${name}: feed import refused: ${feed.status} ${JSON.stringify(feed.json)}`);
  const feedStatus = await waitJob(base, cookie, Number(feed.json.jobId));
  const run = await call(base, cookie, 'POST', '/api/monitoring/runs', { period: files.period });
  if (run.status !== 200)
    throw new Error(`${name}: monthly run refused after restart: ${run.status} ${JSON.stringify(run.json)}`);
  const runStatus = await waitJob(base, cookie, Number(run.json.jobId));
  if ([hhStatus, feedStatus, runStatus].some((s) => s !== 'succeeded'))
    throw new Error(`${name}: retry did not succeed: ${hhStatus} ${feedStatus} ${runStatus}`);
  await stopServer(child, 'SIGTERM');
  const after = await inspect(env);
  outcome.warnings = await warningsOf(after.database, files.period);
  outcome.stuckRuns += after.stuckRuns;
  outcome.partialCommits += after.partial;
  await after.database.close();
  return outcome;
}

async function engine(kind: 'pglite' | 'postgres', url?: string): Promise<boolean> {
  const made: string[] = [];
  const dirs: string[] = [];
  const envFor = async (): Promise<Env> => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'guardline-killtest-'));
    dirs.push(dir);
    // A private temp folder: a server start clears leftover import folders in its TMPDIR, not other programs'.
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp);
    const base: Env = {
      ...process.env,
      TMPDIR: tmp,
      DATA_DIR: path.join(dir, 'data'),
      GUARDLINE_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      GUARDLINE_DEMO: '0',
      GUARDLINE_RUN_LEASE_SECONDS: '2',
      // Many small key ranges, so the run lasts long enough to be killed between them (partial warnings).
      GUARDLINE_MONITOR_BATCH: process.env.GUARDLINE_MONITOR_BATCH ?? '5',
    };
    delete base.DATABASE_URL;
    if (kind === 'pglite') return base;
    const name = `gl_kill_${randomBytes(4).toString('hex')}`;
    await adminQuery(url!, `CREATE DATABASE ${name}`);
    made.push(name);
    const u = new URL(url!);
    u.pathname = `/${name}`;
    return { ...base, DATABASE_URL: u.toString() };
  };
  try {
    const reference = await scenario(`${kind} reference`, await envFor(), false);
    const killed = await scenario(`${kind} killed`, await envFor(), true);
    const same = JSON.stringify(reference.warnings) === JSON.stringify(killed.warnings);
    log(`[${kind}] killed mid-way (${killed.killedAt})`);
    if (!same) {
      const i = reference.warnings.findIndex((w, k) => w !== killed.warnings[k]);
      log(
        `[${kind}] first difference:\n  uninterrupted: ${reference.warnings[i]}\n  after retry:   ${killed.warnings[i]}`,
      );
    }
    log(
      `[${kind}] stuck runs ${killed.stuckRuns}, stuck jobs ${killed.stuckJobs}, partial commits ${killed.partialCommits}, ` +
        `warnings after retry ${killed.warnings.length} vs uninterrupted ${reference.warnings.length} (${same ? 'same' : 'DIFFERENT'})`,
    );
    return (
      killed.stuckRuns === 0 &&
      killed.stuckJobs === 0 &&
      killed.partialCommits === 0 &&
      same &&
      reference.warnings.length > 0
    );
  } finally {
    for (const name of made) await adminQuery(url!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
let ok = await engine('pglite');
if (url) ok = (await engine('postgres', url)) && ok;
else log('[postgres] skipped (set DATABASE_URL or TEST_DATABASE_URL)');
process.exit(ok ? 0 : 1);
