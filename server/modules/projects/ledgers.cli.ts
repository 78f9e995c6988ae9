import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { systemContext } from '#server/lib/context.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { assetBook, fundBook, projectBook, writeBook, type Deps } from './projects.exports.ts';

// `guardline export projects|funds|assets FILE [--year YYYY] [--org CODE]` (formats.md §4): the same
// workbooks as the web exports, for the whole county, audited as the system.

export const LEDGER_KINDS = ['projects', 'funds', 'assets'] as const;

export async function runLedgerExportCommand(
  deps: Deps,
  kind: (typeof LEDGER_KINDS)[number],
  args: string[],
  out: (line: string) => void,
): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    options: { year: { type: 'string' }, org: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1)
    throw new Error('用法 / usage: export projects|funds|assets FILE [--year YYYY] [--org CODE]');
  const year = values.year ? Number(values.year) : undefined;
  if (year !== undefined && !(Number.isInteger(year) && year >= 2013 && year <= 2100))
    throw new Error('--year: 2013–2100');
  const ctx = systemContext('cli');
  const book =
    kind === 'projects'
      ? await projectBook(deps, ctx, { year })
      : kind === 'funds'
        ? await fundBook(deps, ctx, year ?? Number(todayInChina().slice(0, 4)))
        : await assetBook(deps, ctx, { orgCode: values.org, order: 'asc' });
  const file = createWriteStream(positionals[0]);
  await writeBook(file, book);
  file.end();
  await finished(file);
  out(`已导出 / exported ${book.fileName} → ${positionals[0]}`);
}
