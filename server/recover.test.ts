import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, type Database } from './db/connect.ts';
import { jobs } from './db/schema/jobs.ts';
import { AppError } from './lib/app-error.ts';
import { systemContext } from './lib/context.ts';
import { createJobsService, INTERRUPTED, THIS_OWNER, type JobEnd } from './modules/jobs/jobs.service.ts';
import { createStage, stageTables } from './modules/registry/import/staging.ts';
import { recoverInterruptedWork } from './recover.ts';
import { createTestDatabase } from './test/test-db.ts';

// Issue 13 §3: every job ends 'done' or 'failed' with a reason, and what a killed process left
// behind (running jobs, staging tables, uploads in the temp folder) is cleared at the next start.
// Follow-up: only dead work. Another live Guardline process sharing the database (PostgreSQL: a
// second server, a CLI import) or the temp folder keeps its running jobs, stages and uploads.

let database: Database;
const tempDir = mkdtempSync(path.join(os.tmpdir(), 'recover-test-'));
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
  rmSync(tempDir, { recursive: true, force: true });
});
afterEach(async () => {
  await database.db.delete(jobs);
});

const jobRow = async (id: number) => (await database.db.select().from(jobs).where(eq(jobs.id, id)))[0];
const HOUR_AGO = sql`now() - interval '1 hour'`;
const runningJob = async (values: { heartbeatAt?: ReturnType<typeof sql>; owner?: string } = {}) =>
  (
    await database.db
      .insert(jobs)
      .values({ kind: 'registry.import', status: 'running', orgCode: '140521', ...values })
      .returning({ id: jobs.id })
  )[0].id;
const stageNames = async () =>
  (
    await queryRows<{ name: string }>(
      database.db,
      sql`SELECT tablename AS name FROM pg_tables WHERE tablename LIKE 'registry_import_%' ORDER BY 1`,
    )
  ).map((r) => r.name);
/** The pid of a process that has ended (reaped by spawnSync). */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('recoverInterruptedWork at start', () => {
  it('fails jobs left running with the restart reason, drops staging tables and removes import temp folders', async () => {
    const [stale] = await database.db
      .insert(jobs)
      .values({ kind: 'registry.import', status: 'running', orgCode: '140521', heartbeatAt: HOUR_AGO })
      .returning({ id: jobs.id });
    const [done] = await database.db
      .insert(jobs)
      .values({ kind: 'feeds.import', status: 'succeeded', orgCode: '140521' })
      .returning({ id: jobs.id });
    await database.db.execute(sql`CREATE TABLE registry_import_00aa11bb22cc_m (id int)`);
    mkdirSync(path.join(tempDir, 'guardline-import-abc'));
    writeFileSync(path.join(tempDir, 'guardline-import-abc', 'households'), '户主,140521198001010011');
    mkdirSync(path.join(tempDir, 'guardline-xlsx-def'));
    mkdirSync(path.join(tempDir, 'someone-else'));

    const recovered = await recoverInterruptedWork(database.db, { tempDir });

    expect(recovered).toEqual({ failedJobs: [stale.id], droppedStages: 1, removedTempDirs: 2 });
    expect(await jobRow(stale.id)).toMatchObject({
      status: 'failed',
      message: '服务重启，任务中断 / interrupted by restart',
      error: INTERRUPTED,
      finishedAt: expect.any(Date),
    });
    expect(await jobRow(done.id)).toMatchObject({ status: 'succeeded', error: null });
    expect(readdirSync(tempDir)).toEqual(['someone-else']);
    expect(await recoverInterruptedWork(database.db, { tempDir })).toEqual({
      failedJobs: [],
      droppedStages: 0,
      removedTempDirs: 0,
    });
  });

  it("leaves another live process's running job, its staging tables and its temp folder alone; a dead one's go", async () => {
    const host = os.hostname();
    const live = await runningJob({ owner: 'other-host:4242' }); // fresh heartbeat, another machine
    const expired = await runningJob({ owner: 'other-host:4243', heartbeatAt: HOUR_AGO });
    const deadHere = await runningJob({ owner: `${host}:${deadPid()}` }); // fresh heartbeat, but its process on this host is gone
    const aliveHere = await runningJob({ owner: THIS_OWNER });
    await createStage(database.db, stageTables(live, '0a1b2c3d'));
    await createStage(database.db, stageTables(expired, '4e5f6a7b'));
    await database.db.execute(sql`CREATE TABLE registry_import_j999999_8c9d0e1f_h (id int)`); // a job that does not exist
    const mine = `guardline-import-${process.pid}-aB3xYz`;
    const gone = `guardline-xlsx-${deadPid()}-Qw12Er`;
    for (const dir of [mine, gone]) mkdirSync(path.join(tempDir, dir));

    const recovered = await recoverInterruptedWork(database.db, { tempDir });

    expect(recovered).toEqual({
      failedJobs: [expired, deadHere].sort((a, b) => a - b),
      droppedStages: 4,
      removedTempDirs: 1,
    });
    expect(await jobRow(live)).toMatchObject({ status: 'running', error: null });
    expect(await jobRow(aliveHere)).toMatchObject({ status: 'running' });
    expect(await jobRow(expired)).toMatchObject({
      status: 'failed',
      message: '服务重启，任务中断 / interrupted by restart',
      error: INTERRUPTED,
    });
    expect(await jobRow(deadHere)).toMatchObject({ status: 'failed', error: INTERRUPTED });
    expect(await stageNames()).toEqual([
      `registry_import_j${live}_0a1b2c3d_e`,
      `registry_import_j${live}_0a1b2c3d_h`,
      `registry_import_j${live}_0a1b2c3d_m`,
    ]);
    expect(readdirSync(tempDir).sort()).toEqual([mine, 'someone-else'].sort());

    // Once the live job ends (its process dropped its stage, or died), the next start clears what is left.
    await database.db.update(jobs).set({ status: 'succeeded' }).where(eq(jobs.id, live));
    expect(await recoverInterruptedWork(database.db, { tempDir })).toMatchObject({ droppedStages: 3 });
    expect(await stageNames()).toEqual([]);
  });

  it('on the embedded database (this process alone, ignoreLease) fails every running job', async () => {
    const live = await runningJob({ owner: 'other-host:4242' });
    expect(await recoverInterruptedWork(database.db, { tempDir, ignoreLease: true })).toMatchObject({
      failedJobs: [live],
    });
  });
});

describe('a running job holds a lease', () => {
  it('owned by this process and renewed while the work runs, so recovery meanwhile leaves it running', async () => {
    vi.stubEnv('GUARDLINE_RUN_LEASE_SECONDS', '1'); // renewed every 250 ms
    try {
      const service = createJobsService(database.db);
      let finish!: () => void;
      const job = await service.start(
        systemContext('test'),
        'registry.import',
        () => new Promise<void>((resolve) => (finish = resolve)),
      );
      expect(await jobRow(job.id)).toMatchObject({ status: 'running', owner: THIS_OWNER });
      await database.db.update(jobs).set({ heartbeatAt: HOUR_AGO }).where(eq(jobs.id, job.id));
      const fresh = async () =>
        (
          await queryRows<{ fresh: boolean }>(
            database.db,
            sql`SELECT heartbeat_at > now() - interval '1 minute' AS fresh FROM job WHERE id = ${job.id}`,
          )
        )[0].fresh;
      await vi.waitFor(async () => expect(await fresh()).toBe(true), { timeout: 10_000, interval: 50 });
      expect((await recoverInterruptedWork(database.db, { tempDir })).failedJobs).toEqual([]);
      finish();
      await job.wait;
      expect(await jobRow(job.id)).toMatchObject({ status: 'succeeded' });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('renewed by a progress report too', async () => {
    vi.stubEnv('GUARDLINE_RUN_LEASE_SECONDS', '3600'); // no timer renewal during the test
    try {
      const service = createJobsService(database.db);
      let report!: () => void;
      const reported = new Promise<void>((resolve) => (report = resolve));
      const job = await service.start(systemContext('test'), 'registry.import', async (progress) => {
        await reported;
        await progress.report(1, 2, '校验 / checking');
      });
      await database.db.update(jobs).set({ heartbeatAt: HOUR_AGO }).where(eq(jobs.id, job.id));
      report();
      await job.wait;
      const [row] = await queryRows<{ fresh: boolean }>(
        database.db,
        sql`SELECT heartbeat_at > now() - interval '1 minute' AS fresh FROM job WHERE id = ${job.id}`,
      );
      expect(row.fresh).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('job ends', () => {
  it('are logged: a failure with its bilingual reason on the job, and unexpected errors with the error', async () => {
    const ends: JobEnd[] = [];
    const service = createJobsService(database.db, (end) => ends.push(end));
    const ctx = systemContext('test');
    const refused = await service.start(ctx, 'registry.import', async () => {
      throw new AppError('PAYLOAD_TOO_LARGE', { zh: '文件过大', en: 'too large' });
    });
    await expect(refused.wait).rejects.toThrow('too large');
    const crash = new Error('boom');
    const broken = await service.start(ctx, 'feeds.import', async () => {
      throw crash;
    });
    await expect(broken.wait).rejects.toBe(crash);
    const fine = await service.start(ctx, 'feeds.import', async () => ({ ok: true }));
    await fine.wait;

    expect(await jobRow(refused.id)).toMatchObject({
      status: 'failed',
      message: '失败：文件过大 / failed: too large',
      error: { code: 'PAYLOAD_TOO_LARGE', messageZh: '文件过大' },
    });
    expect(await jobRow(broken.id)).toMatchObject({ status: 'failed', error: { code: 'INTERNAL' } });
    expect(ends).toEqual([
      {
        id: refused.id,
        kind: 'registry.import',
        status: 'failed',
        code: 'PAYLOAD_TOO_LARGE',
        reason: '文件过大 / too large',
        unexpected: undefined,
      },
      {
        id: broken.id,
        kind: 'feeds.import',
        status: 'failed',
        code: 'INTERNAL',
        reason: '任务失败，请联系管理员 / The job failed',
        unexpected: crash,
      },
      { id: fine.id, kind: 'feeds.import', status: 'succeeded' },
    ]);
  });
});
