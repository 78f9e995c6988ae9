import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { householdSearchQuery } from '../common/contracts/registry.ts';
import { createServices } from '../server/app.ts';
import { queryRows } from '../server/db/connect.ts';
import { loadDemo } from '../server/demo.ts';
import { todayInChina } from '../server/lib/clock.ts';
import { systemContext, type RequestContext } from '../server/lib/context.ts';
import { ledgerMeta, writeLedger } from '../server/lib/xlsx-ledger.ts';
import { QINSHUI_COUNTY_CODE } from '../server/modules/org/qinshui.ts';
import { generateDemoCounty, type DemoCountyOptions } from '../server/modules/registry/demo-generator.ts';
import { demoCountyOptions, DEMO_SEED } from '../server/modules/registry/import/demo-loader.ts';
import { createImportService } from '../server/modules/registry/import/import.service.ts';
import { SHEET_TITLES } from '../server/modules/registry/import/ledger-columns.ts';
import {
  householdCells,
  householdHeaders,
  memberCells,
  memberHeaders,
} from '../server/modules/registry/import/ledger-values.ts';
import { progressPrinter } from '../server/modules/registry/import/transfer.cli.ts';
import { prepareDatabase } from '../server/prepare.ts';
import { latencies, millis, openBenchDatabase, seconds, timed } from './bench-db.ts';
import { emptyRegistry, rawLoad } from './registry-baseline.ts';

// npm run bench -- registry [--households 100000] [--seed S] [--pg postgres://…] [--keep]
// The household workbook for N synthetic households is written with the streaming writer, loaded
// raw (COPY on PGlite) as the floor, then imported through the real pipeline, then re-imported
// (all unchanged); then search by name prefix and by full ID, and the household page. Prints a
// table; asserts nothing.

const QUERIES = 200;

interface Samples {
  names: string[];
  ids: string[];
}

/** Writes both sheets (the generator is deterministic, so it runs once per sheet) and samples people to search for. */
async function writeDemoWorkbook(file: string, options: DemoCountyOptions): Promise<Samples & { rows: number }> {
  const samples: Samples = { names: [], ids: [] };
  const step = Math.max(1, Math.floor((options.households * 3) / QUERIES));
  let rows = 0;
  async function* householdRows() {
    for (const { household } of generateDemoCounty(options)) {
      rows++;
      yield householdCells(household);
    }
  }
  async function* memberRows() {
    let index = 0;
    for (const { household, members } of generateDemoCounty(options)) {
      for (const m of members) {
        rows++;
        if (index++ % step === 0 && samples.ids.length < QUERIES) {
          samples.names.push(m.name.slice(0, 2));
          samples.ids.push(m.idNumber);
        }
        yield memberCells(household.householdNo, m);
      }
    }
  }
  const out = createWriteStream(file);
  await writeLedger(
    out,
    [
      { title: SHEET_TITLES.households, headers: householdHeaders(), rows: householdRows() },
      { title: SHEET_TITLES.members, headers: memberHeaders(), rows: memberRows() },
    ],
    ledgerMeta(systemContext('bench')),
  );
  await finished(out);
  return { ...samples, rows };
}

export default async function registryBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      households: { type: 'string' },
      seed: { type: 'string' },
      pg: { type: 'string' },
      keep: { type: 'boolean' },
    },
    strict: true,
  });
  const households = Number(values.households ?? 100_000);
  const log = (line: string) => console.log(line);
  const bench = await openBenchDatabase(values.pg, values.keep);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guardline-bench-file-'));
  try {
    const db = bench.database.db;
    log(`登记库基准 / registry benchmark — ${bench.label}, ${households.toLocaleString()} households`);
    await prepareDatabase(bench.database);
    const services = createServices(bench.database, { secret: randomBytes(32).toString('base64url') });
    await loadDemo(services, bench.database.kind);
    const options = await demoCountyOptions(db, QINSHUI_COUNTY_CODE, households, Number(values.seed ?? DEMO_SEED));

    const file = path.join(dir, 'households.xlsx');
    log('  writing the workbook …');
    const [samples, writeMs] = await timed(() => writeDemoWorkbook(file, options));
    log('  raw load (floor) …');
    const [raw] = await timed(() => rawLoad(bench, services.box, options, todayInChina()));
    await emptyRegistry(bench);

    const importer = createImportService(db, services.box, services.jobs);
    const importOnce = () =>
      timed(
        async () =>
          (
            await importer.start(
              systemContext('bench'),
              { households: { name: 'households.xlsx', path: file } },
              { dryRun: false, skipInvalid: false },
              { progress: progressPrinter((l) => log(`    ${l}`)) },
            )
          ).wait,
      );
    log('  import …');
    const [first, importMs] = await importOnce();
    log('  re-import (unchanged) …');
    const [again, againMs] = await importOnce();

    const ctx: RequestContext = {
      requestId: 'bench',
      actor: {
        ...systemContext('bench').actor,
        orgCode: QINSHUI_COUNTY_CODE,
        scopePrefix: QINSHUI_COUNTY_CODE.slice(0, 6),
      },
    };
    const search = async (q: string) =>
      (await services.registry.search(ctx, householdSearchQuery.parse({ q }))).items.length > 0;
    const byName = await latencies(samples.names, search);
    const byId = await latencies(samples.ids, search);
    const pageIds = await queryRows<{ id: number }>(
      db,
      sql`SELECT id::int AS id FROM household ORDER BY random() LIMIT ${QUERIES}`,
    );
    const page = await latencies(
      pageIds.map((r) => String(r.id)),
      async (id) => (await services.registry.get(ctx, Number(id))).id === Number(id),
    );

    const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString()} rows/s`;
    log('');
    log(
      `| measure (${households.toLocaleString()} households, ${samples.rows.toLocaleString()} workbook rows, ${(statSync(file).size / 1e6).toFixed(1)} MB) | ${bench.label} |`,
    );
    log('|---|---|');
    log(`| write the workbook (streaming writer) | ${seconds(writeMs)} |`);
    log(
      `| floor: ${raw.mode} of the same ${raw.rows.toLocaleString()} table rows (rows built in ${seconds(raw.prepMs)}, not counted) | ${seconds(raw.loadMs)}, ${rate(samples.rows, raw.loadMs)} |`,
    );
    log(
      `| import: created ${first.created.toLocaleString()}, errors ${first.errorCount} | ${seconds(importMs)}, ${rate(samples.rows, importMs)} |`,
    );
    log(`| ratio import / floor | ${(importMs / raw.loadMs).toFixed(1)}× |`);
    log(
      `| re-import: unchanged ${again.unchanged.toLocaleString()}, changed ${again.created + again.updated} | ${seconds(againMs)}, ${rate(samples.rows, againMs)} |`,
    );
    log(
      `| search by name prefix, found ${byName.found}/${byName.queries} (p50 / p95) | ${millis(byName.p50)} / ${millis(byName.p95)} |`,
    );
    log(
      `| search by full ID through the hash, found ${byId.found}/${byId.queries} (p50 / p95) | ${millis(byId.p50)} / ${millis(byId.p95)} |`,
    );
    log(
      `| household page (household + members + incomes), found ${page.found}/${page.queries} (p50 / p95) | ${millis(page.p50)} / ${millis(page.p95)} |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await bench.dispose();
  }
}
