import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, type Database } from './db/connect.ts';
import { jobs } from './db/schema/jobs.ts';
import { systemContext } from './lib/context.ts';
import { createJobsService, STOPPED } from './modules/jobs/jobs.service.ts';
import { createStage, stageTables } from './modules/registry/import/staging.ts';
import { startJobSweep } from './recover.ts';
import { createTestDatabase } from './test/test-db.ts';

// Issue 13 follow-up: a job whose process died while this server keeps running (PostgreSQL: another
// server sharing the database) is failed by the periodic sweep once its lease expired, not only at
// this server's next start; its staging tables go with it. Live jobs (fresh lease, or this process's own) stay.

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
afterEach(async () => {
  await database.db.delete(jobs);
  for (const { name } of await stageRows())
    await database.db.execute(sql`DROP TABLE IF EXISTS ${sql.identifier(name)}`);
});

const HOUR_AGO = sql`now() - interval '1 hour'`;
const jobRow = async (id: number) => (await database.db.select().from(jobs).where(eq(jobs.id, id)))[0];
const runningJob = async (values: { heartbeatAt?: ReturnType<typeof sql>; owner?: string }) =>
  (
    await database.db
      .insert(jobs)
      .values({ kind: 'registry.import', status: 'running', orgCode: '140521', ...values })
      .returning({ id: jobs.id })
  )[0].id;
const stageRows = () =>
  queryRows<{ name: string }>(
    database.db,
    sql`SELECT tablename AS name FROM pg_tables WHERE tablename LIKE 'registry_import_%' ORDER BY 1`,
  );

describe('the periodic job sweep', () => {
  it("fails another host's job whose lease expired in one tick and drops its stages; a fresh one survives", async () => {
    const dead = await runningJob({ owner: 'other-host:4242', heartbeatAt: HOUR_AGO });
    const live = await runningJob({ owner: 'other-host:4243' });
    await createStage(database.db, stageTables(dead, '0a1b2c3d'));
    await createStage(database.db, stageTables(live, '4e5f6a7b'));
    const lines: string[] = [];
    const sweep = startJobSweep(database.db, { timers: false, log: (line) => lines.push(line) });

    expect(await sweep.tick()).toEqual({ failedJobs: [dead], droppedStages: 3 });

    expect(await jobRow(dead)).toMatchObject({
      status: 'failed',
      message: '执行任务的进程已中断 / interrupted: the process running it stopped',
      error: STOPPED,
      finishedAt: expect.any(Date),
    });
    expect(await jobRow(live)).toMatchObject({ status: 'running', error: null, finishedAt: null });
    expect((await stageRows()).map((r) => r.name)).toEqual(
      ['e', 'h', 'm'].map((t) => `registry_import_j${live}_4e5f6a7b_${t}`),
    );
    expect(lines).toEqual([`中断的任务已失败 / jobs of a stopped process failed: ${dead} (3 staging tables)`]);
    expect(await sweep.tick()).toEqual({ failedJobs: [], droppedStages: 0 });
    sweep.stop();
  });

  it("never fails this process's own running job, however late its lease renewal", async () => {
    vi.stubEnv('GUARDLINE_RUN_LEASE_SECONDS', '3600'); // no timer renewal during the test
    try {
      const service = createJobsService(database.db);
      let finish!: () => void;
      const job = await service.start(
        systemContext('test'),
        'registry.import',
        () => new Promise<void>((resolve) => (finish = resolve)),
      );
      await database.db
        .update(jobs)
        .set({ heartbeatAt: sql`now() - interval '2 hours'` })
        .where(eq(jobs.id, job.id));
      vi.stubEnv('GUARDLINE_RUN_LEASE_SECONDS', '60');
      const sweep = startJobSweep(database.db, { timers: false });
      expect((await sweep.tick()).failedJobs).toEqual([]);
      finish();
      await job.wait;
      expect(await jobRow(job.id)).toMatchObject({ status: 'succeeded' });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
