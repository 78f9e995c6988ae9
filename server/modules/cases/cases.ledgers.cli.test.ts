import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { runCaseLedgerExportCommand } from './cases.ledgers.cli.ts';

// formats.md §4 `guardline export monitored|eliminated FILE`: the same workbook as the web download
// (cases.reports.ts prepareLedger) for the whole installation, audited. Rows with data: server/demo.cli.test.ts.

const env = useTestApp();
const dir = mkdtempSync(path.join(tmpdir(), 'gl-case-ledgers-'));

async function cellsOf(buffer: ArrayBuffer | string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  if (typeof buffer === 'string') await wb.xlsx.readFile(buffer);
  else await wb.xlsx.load(buffer);
  const rows: unknown[][] = [wb.worksheets.map((w) => w.name)];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('guardline export monitored|eliminated', () => {
  it.each(['monitored', 'eliminated'] as const)('%s: the web ledger for the whole county, audited', async (kind) => {
    const file = path.join(dir, `${kind}.xlsx`);
    const lines: string[] = [];
    await runCaseLedgerExportCommand(env.services, kind, [file], (l) => lines.push(l));
    expect(lines[0]).toMatch(/^已导出 \/ exported (监测对象台账|风险消除台账) 0 户/);
    const cookie = await env.login('county_admin');
    const web = await env.app.inject({ url: `/api/cases/ledgers/${kind}.xlsx`, headers: { cookie } });
    expect(web.statusCode).toBe(200);
    expect(await cellsOf(file)).toEqual(await cellsOf(web.rawPayload as unknown as ArrayBuffer));
    const audit = await queryRows<{ actor_name: string }>(
      env.services.db,
      sql`SELECT actor_name FROM audit_log WHERE entity = 'caseLedger' AND action = 'export' ORDER BY id DESC LIMIT 2`,
    );
    expect(audit.map((a) => a.actor_name)).toEqual([expect.any(String), '系统']);
  });

  it('needs exactly one FILE', async () => {
    await expect(runCaseLedgerExportCommand(env.services, 'monitored', [], () => {})).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: 'FILE' }],
    });
  });
});
