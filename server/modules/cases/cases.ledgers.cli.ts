import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { AppError } from '#server/lib/app-error.ts';
import { systemContext } from '#server/lib/context.ts';
import type { CaseReports } from './cases.reports.ts';

// `guardline export monitored|eliminated FILE` (formats.md §4): the 监测对象台账 and 风险消除台账 of the
// whole installation, built by the same code as the web downloads (cases.reports.ts prepareLedger),
// audited as the system.

export const CASE_LEDGER_KINDS = ['monitored', 'eliminated'] as const;
export type CaseLedgerKind = (typeof CASE_LEDGER_KINDS)[number];

export async function runCaseLedgerExportCommand(
  deps: { caseReports: CaseReports },
  kind: CaseLedgerKind,
  args: string[],
  out: (line: string) => void,
): Promise<void> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length !== 1) {
    throw AppError.validation([
      {
        field: 'FILE',
        messageZh: `用法：export ${kind} FILE（一个 .xlsx 文件路径）`,
        messageEn: `usage: export ${kind} FILE (one .xlsx path)`,
      },
    ]);
  }
  const prepared = await deps.caseReports.prepareLedger(systemContext('cli'), kind);
  const file = createWriteStream(positionals[0]);
  await prepared.write(file);
  file.end();
  await finished(file);
  out(`已导出 / exported ${prepared.title} ${prepared.count} 户 / households → ${positionals[0]}`);
}
