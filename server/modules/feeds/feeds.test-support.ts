// Test helpers for the feeds module: real CSV and XLSX files, multipart bodies, and an app
// with the feeds and jobs routes registered (until app.ts wires them itself).

import ExcelJS from 'exceljs';
import type { Services } from '#server/app.ts';
import type { Db } from '#server/db/connect.ts';
import { useTestApp, type TestEnv } from '#server/test/test-app.ts';
import { jobsRoutes } from '../jobs/jobs.routes.ts';
import { feedsRoutes } from './feeds.routes.ts';
import { createFeedsService, type FeedsService } from './feeds.service.ts';
import { queryRows } from '#server/db/connect.ts';
import { sql } from 'drizzle-orm';

export type Cell = string | number | Date | null;

export const FEED_HEADER = ['证件号码', '姓名', '数据来源', '事项', '发生日期', '金额（元）', '说明'];

function csvField(cell: Cell): string {
  const text = cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvFile(rows: Cell[][], opts: { bom?: boolean; crlf?: boolean } = {}): Buffer {
  const { bom = true, crlf = true } = opts;
  const body = rows.map((r) => r.map(csvField).join(',')).join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
  return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(body, 'utf8')]);
}

/** An .xlsx whose first sheet holds `rows` (Date cells formatted as dates), plus a decoy second sheet. */
export async function xlsxFile(rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('部门数据');
  for (const r of rows) {
    const row = sheet.addRow(r);
    r.forEach((cell, i) => {
      if (cell instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  workbook.addWorksheet('说明').addRow(['这张表不应被读取']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function multipartUpload(
  fileName: string,
  content: Buffer,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----guardline-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface FeedsTestEnv extends TestEnv {
  feeds: FeedsService;
  hookCalls: { batchId: number; idHashes: string[] }[];
}

/** The shared test app with feeds routes; the service records every onBatchCommitted call. */
export function useFeedsTestApp(): FeedsTestEnv {
  const env = useTestApp({
    extend: (app) => {
      const services = env.services as Services & { feeds?: FeedsService };
      env.feeds = createFeedsService(services.db, services.box, services.jobs, {
        onBatchCommitted: (batchId, idHashes) => {
          env.hookCalls.push({ batchId, idHashes });
        },
      });
      if (!services.feeds) feedsRoutes(app, { feeds: env.feeds });
      if (!app.hasRoute({ method: 'GET', url: '/api/jobs/:id' })) jobsRoutes(app, services.jobs);
    },
  }) as FeedsTestEnv;
  env.hookCalls = [];
  return env;
}

export async function feedCounts(db: Db): Promise<{ batches: number; records: number; audits: number }> {
  const [row] = await queryRows<{ batches: number; records: number; audits: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM feed_batch) AS batches, (SELECT count(*)::int FROM feed_record) AS records,
      (SELECT count(*)::int FROM audit_log WHERE entity = 'feed_batch') AS audits`,
  );
  return row;
}
