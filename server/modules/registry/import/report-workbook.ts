import type { Writable } from 'node:stream';
import type { ImportReport } from '#common/contracts/registry-transfer.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';

// An import's report as a workbook: the error list (row, column, value, reason — to fix the file in
// Excel/WPS beside it) and the households created or changed. Values are as the report holds them:
// ID numbers and phones already masked, heads' names masked.

async function* rowsOf(rows: Cell[][]): AsyncGenerator<Cell[]> {
  for (const r of rows) yield r;
}

export const ERROR_HEADERS = ['工作表', '行号', '列名', '填写的值', '错误原因'] as const;
export const CHANGE_HEADERS = ['户编号', '户主', '处理', '变更内容'] as const;

export function writeImportReport(out: Writable, ctx: RequestContext, report: ImportReport): Promise<void> {
  const cut =
    report.errors.length < report.errorCount ? `（共 ${report.errorCount} 条，列出前 ${report.errors.length} 条）` : '';
  return writeLedger(
    out,
    [
      {
        title: '错误清单',
        caption: `导入错误清单 ${report.file}${cut}`,
        headers: [
          { header: ERROR_HEADERS[0] },
          { header: ERROR_HEADERS[1], kind: 'integer' },
          { header: ERROR_HEADERS[2] },
          { header: ERROR_HEADERS[3], kind: 'code' },
          { header: ERROR_HEADERS[4], width: 50 },
        ],
        rows: rowsOf(report.errors.map((e) => [e.sheet, e.row === 0 ? null : e.row, e.column, e.value, e.reason])),
      },
      {
        title: '变更清单',
        caption: `${report.dryRun ? '将新建或变更的农户' : '已新建或变更的农户'} ${report.file}`,
        headers: [...CHANGE_HEADERS],
        rows: rowsOf(
          (report.changes ?? []).map((c) => [
            c.householdNo,
            c.headName,
            c.action === 'create' ? '新建' : '变更',
            c.changes.join('；'),
          ]),
        ),
      },
    ],
    ledgerMeta(ctx),
  );
}
