// `npm run fuzz`: regenerates a corpus of malformed import files into a temp directory and runs each
// through both import paths — the household ledger (server/modules/registry/import) and department
// data (server/modules/feeds), dry run and real, through the CLI commands — on an embedded database.
// Per file and in total: tried / clean error (an AppError, bilingual) / crash (anything else, or no
// end within the deadline) / partial commit (row counts changed by a refused import or a dry run).
// Expected: crashes 0, partial commits 0 (the exit code is 1 otherwise). Options: --keep (leave the
// corpus), --only NAME (files whose name contains NAME), --slow (adds a worksheet of a million rows,
// about half a minute more).

import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createServices, type Services } from '../server/app.ts';
import { queryRows } from '../server/db/connect.ts';
import { IMPORT_LIMITS } from '../server/lib/import-limits.ts';
import { AppError } from '../server/lib/app-error.ts';
import { systemContext } from '../server/lib/context.ts';
import { loadDemo } from '../server/demo.ts';
import { prepareDatabase } from '../server/prepare.ts';
import { runFeedImportCommand } from '../server/modules/feeds/feeds.cli.ts';
import { createExportService } from '../server/modules/registry/export/export.service.ts';
import { createImportService } from '../server/modules/registry/import/import.service.ts';
import { runHouseholdImportCommand } from '../server/modules/registry/import/transfer.cli.ts';
import {
  bombPart,
  GBK_CSV,
  noise,
  repeatedPart,
  sharedStringBomb,
  workbookParts,
  xlsxOf,
  zipOf,
} from '../server/test/malformed-files.ts';
import { openBenchDatabase } from './bench-db.ts';

const { values: args } = parseArgs({
  options: { keep: { type: 'boolean' }, only: { type: 'string' }, slow: { type: 'boolean' } },
});
const DEADLINE_MS = 60_000;
const FEED_HEADER = ['证件号码', '姓名', '数据来源', '事项', '发生日期', '金额（元）', '说明'];

type Outcome = 'accepted' | 'clean' | 'crash' | 'partial';
interface Case {
  name: string;
  content: Buffer;
  /** The members file for a CSV household import (the same file when absent). */
  members?: Buffer;
}

async function validLedger(services: Services): Promise<Buffer> {
  const prepared = await createExportService(services.db, services.box).prepare(systemContext('fuzz'));
  const file = path.join(os.tmpdir(), `guardline-fuzz-export-${randomBytes(4).toString('hex')}.xlsx`);
  const out = createWriteStream(file);
  await prepared.write(out);
  await finished(out);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  rmSync(file, { force: true });
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function edited(ledger: Buffer, edit: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(ledger as unknown as ArrayBuffer);
  edit(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function corpus(services: Services): Promise<Case[]> {
  const ledger = await validLedger(services);
  const cut = (at: number) => ledger.subarray(0, Math.floor(ledger.length * at));
  const flipped = Buffer.from(ledger);
  for (let i = 0; i < 40; i++) flipped[Math.floor(flipped.length * (0.3 + i / 100))] ^= 0x5a;
  const csvText = (rows: string[][]) =>
    Buffer.from('\ufeff' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');
  const feedRow = ['140521198001010011', '张三', '水务', '饮水不安全', '2025-04-01', '', ''];
  const over = IMPORT_LIMITS.maxInflatedBytes / 1024 ** 2 + 64;
  return [
    { name: 'valid-ledger.xlsx', content: ledger },
    ...[0.1, 0.3, 0.5, 0.7, 0.9, 0.99].map((at) => ({
      name: `truncated-${Math.round(at * 100)}pct.xlsx`,
      content: cut(at),
    })),
    { name: 'corrupt-deflate.xlsx', content: flipped },
    { name: 'random-bytes.xlsx', content: noise(200_000, 7) },
    {
      name: 'random-after-zip-magic.xlsx',
      content: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), noise(50_000, 11)]),
    },
    {
      name: 'ole-xls-header.xlsx',
      content: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noise(4096, 3)]),
    },
    { name: 'empty.xlsx', content: Buffer.alloc(0) },
    {
      name: 'zip-bomb.xlsx',
      content: zipOf([...workbookParts(['户信息']), bombPart('xl/media/image1.png', '', '\0', over, '')]),
    },
    { name: 'shared-string-bomb.xlsx', content: sharedStringBomb(3, 400) },
    {
      name: 'whitespace-bomb-sheet.xlsx',
      content: zipOf([
        ...workbookParts(['户信息']),
        bombPart(
          'xl/worksheets/sheet1.xml',
          '<worksheet><sheetData><row r="1">',
          ' ',
          600,
          '</row></sheetData></worksheet>',
        ),
      ]),
    },
    ...(args.slow
      ? [
          {
            name: 'row-count-bomb.xlsx',
            content: zipOf([
              ...workbookParts(['S']),
              repeatedPart(
                'xl/worksheets/sheet1.xml',
                '<worksheet><sheetData>',
                '<row r="2"><c r="A2"><v>1</v></c></row>',
                IMPORT_LIMITS.maxRows + 10,
                '</sheetData></worksheet>',
              ),
            ]),
          },
        ]
      : []),
    {
      name: 'huge-row-number.xlsx',
      content: zipOf([
        ...workbookParts(['户信息']),
        [
          'xl/worksheets/sheet1.xml',
          '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2000000"><c r="A2000000"><v>2</v></c></row></sheetData></worksheet>',
        ],
      ]),
    },
    {
      name: 'huge-column-count.xlsx',
      content: xlsxOf([
        { title: '户信息', rows: [Array.from({ length: IMPORT_LIMITS.maxColumns + 50 }, (_, i) => `列${i}`)] },
      ]),
    },
    {
      name: 'column-xfd.xlsx',
      content: zipOf([
        ...workbookParts(['S']),
        [
          'xl/worksheets/sheet1.xml',
          '<worksheet><sheetData><row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
        ],
      ]),
    },
    {
      name: 'column-beyond-excel.xlsx',
      content: zipOf([
        ...workbookParts(['S']),
        [
          'xl/worksheets/sheet1.xml',
          '<worksheet><cols><col min="1" max="999999999"/></cols><sheetData><row r="1"><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>',
        ],
      ]),
    },
    {
      name: 'wrong-headers.xlsx',
      content: await edited(ledger, (b) =>
        b.worksheets.forEach((s) => s.getRow(1).eachCell((c) => (c.value = `错误${String(c.value)}`))),
      ),
    },
    {
      name: 'merged-cells.xlsx',
      content: await edited(ledger, (b) => b.worksheets.forEach((s) => s.mergeCells('A2:C3'))),
    },
    {
      name: 'long-cell-100k.xlsx',
      content: await edited(ledger, (b) => (b.worksheets[0].getCell('C2').value = 'x'.repeat(100_000))),
    },
    { name: 'valid-feed.csv', content: csvText([FEED_HEADER, feedRow]) },
    { name: 'gbk.csv', content: GBK_CSV },
    { name: 'long-cell-100k.csv', content: csvText([FEED_HEADER, [...feedRow.slice(0, 6), 'x'.repeat(100_000)]]) },
    {
      name: 'huge-column-count.csv',
      content: csvText([Array.from({ length: IMPORT_LIMITS.maxColumns + 5 }, (_, i) => `c${i}`)]),
    },
    { name: 'huge-row-count.csv', content: Buffer.from('1\n'.repeat(IMPORT_LIMITS.maxRows + 5)) },
    { name: 'unclosed-quote.csv', content: csvText([FEED_HEADER, ['"140521198001010011', '张三']]) },
  ];
}

async function counts(services: Services): Promise<string> {
  const [row] = await queryRows<Record<string, number>>(
    services.db,
    sql`SELECT
    (SELECT count(*)::int FROM household) h, (SELECT count(*)::int FROM person) p, (SELECT count(*)::int FROM membership) m,
    (SELECT count(*)::int FROM household_income) i, (SELECT count(*)::int FROM registry_change) c,
    (SELECT count(*)::int FROM feed_batch) b, (SELECT count(*)::int FROM feed_record) r,
    (SELECT count(*)::int FROM pg_tables WHERE tablename LIKE 'registry_import_%') s,
    (SELECT count(*)::int FROM job WHERE status = 'running') j`,
  );
  return JSON.stringify(row);
}

async function withDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no end within ${DEADLINE_MS / 1000} s`)), DEADLINE_MS)),
  );
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function attempt(
  services: Services,
  run: () => Promise<unknown>,
  dryRun: boolean,
): Promise<{ outcome: Outcome; note: string }> {
  const before = await counts(services);
  let refused: AppError | null = null;
  try {
    await withDeadline(run());
  } catch (err) {
    if (!(err instanceof AppError)) return { outcome: 'crash', note: err instanceof Error ? err.message : String(err) };
    refused = err;
  }
  const after = await counts(services);
  const mustBeUnchanged = refused !== null || dryRun;
  if (mustBeUnchanged && after !== before) return { outcome: 'partial', note: `${before} → ${after}` };
  if (JSON.parse(after).s > 0 || JSON.parse(after).j > 0) return { outcome: 'partial', note: `left behind: ${after}` };
  return refused ? { outcome: 'clean', note: refused.messageZh } : { outcome: 'accepted', note: '' };
}

async function main(): Promise<void> {
  const started = performance.now();
  const bench = await openBenchDatabase(undefined);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guardline-fuzz-'));
  const { database } = bench;
  await prepareDatabase(database);
  const services = createServices(database, { secret: randomBytes(32).toString('hex') });
  await loadDemo(services, database.kind, () => {}, { households: 20 });
  const importer = createImportService(services.db, services.box, services.jobs);
  const cases = (await corpus(services)).filter((c) => !args.only || c.name.includes(args.only));
  for (const c of cases) writeFileSync(path.join(dir, c.name), c.content);
  console.log(`语料 / corpus: ${cases.length} files in ${dir}`);

  const totals: Record<Outcome, number> & { tried: number } = { tried: 0, accepted: 0, clean: 0, crash: 0, partial: 0 };
  const quiet = () => {};
  for (const c of cases) {
    const file = path.join(dir, c.name);
    const runs: [string, () => Promise<unknown>, boolean][] = [];
    for (const dryRun of [true, false]) {
      const members = c.name.endsWith('.csv') ? file : undefined;
      runs.push([
        `households${dryRun ? ' --dry-run' : ''}`,
        () => runHouseholdImportCommand(importer, file, { members, dryRun }, quiet),
        dryRun,
      ]);
      runs.push([
        `feed${dryRun ? ' --dry-run' : ''}`,
        () => runFeedImportCommand(services, file, { dryRun }, quiet),
        dryRun,
      ]);
    }
    const t = performance.now();
    const results: { outcome: Outcome; note: string }[] = [];
    for (const [label, run, dryRun] of runs) {
      const r = await attempt(services, run, dryRun);
      totals.tried += 1;
      totals[r.outcome] += 1;
      results.push(r);
      if (r.outcome === 'crash' || r.outcome === 'partial')
        console.log(`  !! ${c.name} ${label}: ${r.outcome}: ${r.note}`);
    }
    const tally = (o: Outcome) => results.filter((r) => r.outcome === o).length;
    const first = results.find((r) => r.outcome === 'clean')?.note ?? '';
    console.log(
      `${c.name.padEnd(30)} tried ${results.length}  clean ${tally('clean')}  accepted ${tally('accepted')}  crash ${tally('crash')}  partial ${tally('partial')}  ${Math.round(performance.now() - t)} ms  ${first.slice(0, 60)}`,
    );
  }
  console.log(
    `合计 / total: tried ${totals.tried}, clean error ${totals.clean}, accepted ${totals.accepted}, crash ${totals.crash}, partial commit ${totals.partial}` +
      ` (${Math.round((performance.now() - started) / 1000)} s, heap ${Math.round(process.memoryUsage().heapUsed / 1024 ** 2)} MB)`,
  );
  if (args.keep) console.log(`corpus kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  await bench.dispose();
  const leftovers = readdirSync(os.tmpdir()).filter(
    (d) => d.startsWith('guardline-xlsx-') || d.startsWith('guardline-import-'),
  );
  if (leftovers.length > 0) console.log(`temp folders still present (other processes?): ${leftovers.join(', ')}`);
  process.exitCode = totals.crash + totals.partial > 0 ? 1 : 0;
}

await main();
