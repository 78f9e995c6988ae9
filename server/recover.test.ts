import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/connect.ts';
import { jobs } from './db/schema/jobs.ts';
import { AppError } from './lib/app-error.ts';
import { systemContext } from './lib/context.ts';
import { createJobsService, INTERRUPTED, type JobEnd } from './modules/jobs/jobs.service.ts';
import { recoverInterruptedWork } from './recover.ts';
import { createTestDatabase } from './test/test-db.ts';

// Issue 13 §3: every job ends 'done' or 'failed' with a reason, and what a killed process left
// behind (running jobs, staging tables, uploads in the temp folder) is cleared at the next start.

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

describe('recoverInterruptedWork at start', () => {
  it('fails jobs left running with the restart reason, drops staging tables and removes import temp folders', async () => {
    const [stale] = await database.db.insert(jobs).values({ kind: 'registry.import', status: 'running', orgCode: '140521' }).returning({ id: jobs.id });
    const [done] = await database.db.insert(jobs).values({ kind: 'feeds.import', status: 'succeeded', orgCode: '140521' }).returning({ id: jobs.id });
    await database.db.execute(sql`CREATE TABLE registry_import_00aa11bb22cc_m (id int)`);
    mkdirSync(path.join(tempDir, 'guardline-import-abc'));
    writeFileSync(path.join(tempDir, 'guardline-import-abc', 'households'), '户主,140521198001010011');
    mkdirSync(path.join(tempDir, 'guardline-xlsx-def'));
    mkdirSync(path.join(tempDir, 'someone-else'));

    const recovered = await recoverInterruptedWork(database.db, { tempDir });

    expect(recovered).toEqual({ failedJobs: [stale.id], droppedStages: 1, removedTempDirs: 2 });
    expect(await jobRow(stale.id)).toMatchObject({ status: 'failed', message: '服务重启，任务中断 / interrupted by restart', error: INTERRUPTED, finishedAt: expect.any(Date) });
    expect(await jobRow(done.id)).toMatchObject({ status: 'succeeded', error: null });
    expect(readdirSync(tempDir)).toEqual(['someone-else']);
    expect(await recoverInterruptedWork(database.db, { tempDir })).toEqual({ failedJobs: [], droppedStages: 0, removedTempDirs: 0 });
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

    expect(await jobRow(refused.id)).toMatchObject({ status: 'failed', message: '失败：文件过大 / failed: too large', error: { code: 'PAYLOAD_TOO_LARGE', messageZh: '文件过大' } });
    expect(await jobRow(broken.id)).toMatchObject({ status: 'failed', error: { code: 'INTERNAL' } });
    expect(ends).toEqual([
      { id: refused.id, kind: 'registry.import', status: 'failed', code: 'PAYLOAD_TOO_LARGE', reason: '文件过大 / too large', unexpected: undefined },
      { id: broken.id, kind: 'feeds.import', status: 'failed', code: 'INTERNAL', reason: '任务失败，请联系管理员 / The job failed', unexpected: crash },
      { id: fine.id, kind: 'feeds.import', status: 'succeeded' },
    ]);
  });
});
