import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { GBK_CSV, sharedStringBomb, xlsxOf } from '#server/test/malformed-files.ts';
import {
  HOUSEHOLD_HEADERS,
  multipart,
  registryCounts,
  sheetRows,
  testHousehold,
  useTransferTestApp,
  workbook,
} from './transfer.test-support.ts';

// Malformed household ledgers over HTTP (issue 13): the upload is answered with a job id, the server
// keeps answering others, and the job ends 'failed' with a bilingual reason; nothing is written, no
// staging table is left. The files are generated here (server/test/malformed-files.ts).

const env = useTransferTestApp();

interface FinishedJob {
  status: 'succeeded' | 'failed';
  error: { code: string; messageZh: string; messageEn: string; fields?: { field: string; messageZh: string }[] } | null;
  message: string;
}

async function upload(
  files: Record<string, { name: string; content: Buffer }>,
): Promise<{ jobId: number; cookie: string }> {
  const cookie = await env.login('county_staff');
  const { payload, headers } = multipart(files);
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/registry/import',
    headers: { ...headers, cookie },
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
  return { jobId: res.json().jobId, cookie };
}

/** Polls until the job leaves 'running'; a job that never ends fails the test here. */
async function finished(jobId: number, cookie: string): Promise<FinishedJob> {
  for (let i = 0; i < 2000; i++) {
    const res = await env.app.inject({ url: `/api/jobs/${jobId}`, headers: { cookie } });
    if (res.json().status !== 'running') return res.json();
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${jobId} still running`);
}

const stagingTables = async () =>
  (
    await queryRows<{ n: number }>(
      env.services.db,
      sql`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'registry_import_%'`,
    )
  )[0].n;

async function refused(files: Record<string, { name: string; content: Buffer }>) {
  const before = await registryCounts(env.services.db);
  const { jobId, cookie } = await upload(files);
  const job = await finished(jobId, cookie);
  expect(job.status).toBe('failed');
  expect(job.message).toContain('失败');
  expect(await registryCounts(env.services.db)).toEqual(before);
  expect(await stagingTables()).toBe(0);
  return job;
}

describe('malformed household ledgers', () => {
  it('refuses shared strings of 400 MB each while the server answers other requests', async () => {
    const { jobId, cookie } = await upload({ households: { name: '台账.xlsx', content: sharedStringBomb(3, 400) } });
    const health = await env.app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const job = await finished(jobId, cookie);
    expect(job).toMatchObject({
      status: 'failed',
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        messageZh: expect.stringContaining('超长文本'),
        messageEn: expect.stringContaining('refused'),
      },
    });
    expect(await stagingTables()).toBe(0);
  });

  it('fails a truncated workbook with a reason instead of running for ever', async () => {
    const list = Array.from({ length: 600 }, () => testHousehold());
    const file = await workbook(sheetRows(list));
    for (let tenths = 1; tenths < 10; tenths++) {
      const job = await refused({
        households: { name: '台账.xlsx', content: file.subarray(0, Math.floor((file.length * tenths) / 10)) },
      });
      expect(job.error).toMatchObject({
        code: 'VALIDATION',
        fields: [{ field: 'households', messageZh: expect.stringContaining('无法读取工作簿') }],
      });
    }
  });

  it('names the sheet, row and column of a 100,000-character cell', async () => {
    const h = testHousehold();
    const rows = sheetRows([h]);
    const text = (r: unknown[]) => r.map((c) => (c === null ? '' : String(c)));
    const households = rows.households.map(text);
    households[1][HOUSEHOLD_HEADERS.indexOf('户主姓名')] = 'x'.repeat(100_000);
    const file = xlsxOf([
      { title: '户信息', rows: households },
      { title: '家庭成员', rows: rows.members.map(text) },
    ]);
    const job = await refused({ households: { name: '台账.xlsx', content: file } });
    expect(job.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      messageZh: `"户信息"第 2 行第 ${HOUSEHOLD_HEADERS.indexOf('户主姓名') + 1} 列的单元格超过 32767 个字符，已拒绝导入`,
    });
  });

  it('refuses GBK-encoded CSV files with a hint to save as UTF-8', async () => {
    const job = await refused({
      households: { name: 'households.csv', content: GBK_CSV },
      members: { name: 'members.csv', content: GBK_CSV },
    });
    expect(job.error).toMatchObject({ messageZh: expect.stringContaining('UTF-8') });
  });
});
