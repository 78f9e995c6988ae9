import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '#server/test/factories.ts';
import { GBK_CSV, sharedStringBomb } from '#server/test/malformed-files.ts';
import { runFeedImportCommand } from './feeds.cli.ts';
import { feedCounts, FEED_HEADER, multipartUpload, useFeedsTestApp, xlsxFile } from './feeds.test-support.ts';

// Malformed department files (issue 13), over HTTP (a job that ends 'failed' with a reason while the
// server keeps answering) and through the CLI (a bilingual error, never a hang), dry run or not.

const env = useFeedsTestApp();
const dir = mkdtempSync(path.join(os.tmpdir(), 'guardline-feed-malformed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function jobOf(jobId: number, cookie: string) {
  for (let i = 0; i < 2000; i++) {
    const job = (await env.app.inject({ url: `/api/jobs/${jobId}`, headers: { cookie } })).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${jobId} still running`);
}

/** A department workbook of a few thousand rows, cut off at `tenths` of its length. */
async function truncatedWorkbook(tenths: number): Promise<Buffer> {
  const rows = Array.from({ length: 3000 }, (_, i) => [
    makeIdNumber('1980-01-01', i % 2 ? 'male' : 'female'),
    `周强${i}`,
    '水务',
    '饮水不安全',
    '2025-04-01',
    null,
    null,
  ]);
  const file = await xlsxFile([FEED_HEADER, ...rows]);
  return file.subarray(0, Math.floor((file.length * tenths) / 10));
}

describe('POST /api/feeds/import with malformed files', () => {
  it('refuses a shared-string bomb (dry run and real) while /api/health answers; nothing is written', async () => {
    const cookie = await env.login('county_staff');
    const before = await feedCounts(env.services.db);
    for (const query of ['?dryRun=true', '']) {
      const { payload, headers } = multipartUpload('水务.xlsx', sharedStringBomb(3, 400));
      const res = await env.app.inject({
        method: 'POST',
        url: `/api/feeds/import${query}`,
        headers: { ...headers, cookie },
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect((await env.app.inject({ url: '/api/health' })).statusCode).toBe(200);
      const job = await jobOf(res.json().jobId, cookie);
      expect(job).toMatchObject({
        status: 'failed',
        error: {
          code: 'PAYLOAD_TOO_LARGE',
          messageZh: expect.stringContaining('已拒绝导入'),
          messageEn: expect.stringContaining('refused'),
        },
      });
    }
    expect(await feedCounts(env.services.db)).toEqual(before);
  });

  it('fails truncated workbooks and GBK files with a reason', async () => {
    const cookie = await env.login('county_staff');
    for (const [name, content] of [
      ['水务.xlsx', await truncatedWorkbook(5)],
      ['水务.csv', GBK_CSV],
    ] as const) {
      const { payload, headers } = multipartUpload(name, content);
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/feeds/import',
        headers: { ...headers, cookie },
        payload,
      });
      const job = await jobOf(res.json().jobId, cookie);
      expect(job, name).toMatchObject({ status: 'failed', error: { code: 'BAD_REQUEST' } });
      expect(job.error.messageZh, name).toMatch(/无法读取 Excel 文件|UTF-8/);
    }
  });
});

describe('guardline import feed with malformed files', () => {
  it('ends with a bilingual error for every cut of a workbook, --dry-run or not (no hang, no exit 13)', async () => {
    const services = { feeds: env.feeds, org: env.services.org };
    const before = await feedCounts(env.services.db);
    for (let tenths = 1; tenths < 10; tenths++) {
      const file = path.join(dir, `cut${tenths}.xlsx`);
      writeFileSync(file, await truncatedWorkbook(tenths));
      for (const dryRun of [true, false]) {
        await expect(
          runFeedImportCommand(services, file, { dryRun }, () => {}),
          `${tenths}/10`,
        ).rejects.toMatchObject({ messageZh: expect.stringContaining('无法读取 Excel 文件') });
      }
    }
    expect(await feedCounts(env.services.db)).toEqual(before);
  });
});
