import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { queryRows } from '../server/db/connect.ts';
import { systemContext } from '../server/lib/context.ts';
import { createIndicatorsService } from '../server/modules/indicators/indicators.service.ts';
import { registryProvider } from '../server/modules/indicators/indicators.engine.ts';
import { rebuildRollup } from '../server/modules/indicators/indicators.repository.ts';
import { prepareDatabase } from '../server/prepare.ts';
import { addMonths } from '../common/domain/period.ts';
import { millis, openBenchDatabase, seconds, timed } from './bench-db.ts';

// npm run bench -- indicators [--units 3000] [--elements 200] [--months 24] [--pg postgres://…] [--keep]
// A synthetic county (1 + 20 townships + villages) × data elements × months of village values. Prints
// (a) the county cockpit (every seeded indicator for the county and its townships, 12-month trends, targets),
// (b) the baseline: the best single hand-written aggregate query giving the same sums from the raw values,
// (c) their ratio, (d) one village form save (10 values, roll-up kept in the same transaction). Never asserts.

type Args = { units?: string; elements?: string; months?: string; pg?: string; keep?: boolean };
const COUNTY = '140599000000';
const TOWNSHIPS = 20;

export default async function indicatorsBench(argv: string[]): Promise<void> {
  const args = parseArgs({
    args: argv,
    options: {
      units: { type: 'string' },
      elements: { type: 'string' },
      months: { type: 'string' },
      pg: { type: 'string' },
      keep: { type: 'boolean' },
    },
    strict: true,
  }).values as Args;
  const units = Number(args.units ?? 3000);
  const elements = Number(args.elements ?? 200);
  const months = Number(args.months ?? 24);
  const log = (line: string) => console.log(line);
  const { database, label, dispose } = await openBenchDatabase(args.pg, args.keep);
  try {
    const db = database.db;
    await prepareDatabase(database);
    log(`指标基准 / indicators benchmark — ${label}: ${units} org units × ${elements} elements × ${months} months`);

    // The tree: county, townships, villages spread evenly (codes nest by prefix as the real ones do).
    const villages = units - 1 - TOWNSHIPS;
    await db.execute(sql`INSERT INTO org_unit (code, name, level, kind, parent_code, county_code, valid_from)
      VALUES (${COUNTY}, '基准县', 'county', '县', NULL, ${COUNTY}, '1949-10-01')`);
    await db.execute(sql`INSERT INTO org_unit (code, name, level, kind, parent_code, county_code, valid_from)
      SELECT '140599' || lpad((100 + t)::text, 3, '0') || '000', '基准乡镇' || t, 'township', '镇', ${COUNTY}, ${COUNTY}, '1949-10-01' FROM generate_series(1, ${TOWNSHIPS}) t`);
    await db.execute(sql`INSERT INTO org_unit (code, name, level, kind, parent_code, county_code, valid_from)
      SELECT '140599' || lpad((100 + 1 + (v % ${TOWNSHIPS}))::text, 3, '0') || lpad((201 + v / ${TOWNSHIPS})::text, 3, '0'), '基准村' || v, 'village', '行政村',
             '140599' || lpad((100 + 1 + (v % ${TOWNSHIPS}))::text, 3, '0') || '000', ${COUNTY}, '1949-10-01'
        FROM generate_series(0, ${villages - 1}) v`);
    // Targets of the seed document also for this county.
    await db.execute(sql`INSERT INTO indicator_target (indicator, scope_kind, scope_code, from_year, to_year, op, value, upper, band, baseline_year, reference, source_doc, source_text, created_by)
      SELECT indicator, scope_kind, ${COUNTY}, from_year, to_year, op, value, upper, band, baseline_year, reference, source_doc, source_text, created_by FROM indicator_target WHERE scope_code = '140521000000'`);
    // Synthetic SUM elements up to the requested number (the seeded village elements come first).
    await db.execute(sql`INSERT INTO indicator_element (code, name_zh, name_en, value_type, aggregation, entry_level)
      SELECT 'BENCH_E' || lpad(g::text, 3, '0'), '基准数据元' || g, 'Bench element ' || g, 'integer', 'SUM', 'village'
        FROM generate_series(1, greatest(0, ${elements} - (SELECT count(*)::int FROM indicator_element WHERE computed IS NULL AND entry_level = 'village'))) g`);
    const els = (
      await queryRows<{ code: string }>(
        db,
        sql`SELECT code FROM indicator_element WHERE computed IS NULL AND entry_level = 'village' ORDER BY (code LIKE 'BENCH%'), code LIMIT ${elements}`,
      )
    ).map((r) => r.code);
    const lastMonth = '2026-10';
    const firstMonth = addMonths(lastMonth, -(months - 1));

    const [, genMs] = await timed(async () => {
      for (let k = 0; k < els.length; k += 10) {
        const batch = els.slice(k, k + 10);
        await db.execute(sql`INSERT INTO indicator_value (element, org_code, period, value, stored_by)
          SELECT e.code, u.code, to_char(${`${firstMonth}-01`}::date + make_interval(months => p), 'YYYY-MM'),
                 CASE WHEN e.code LIKE 'HAS_%' THEN (CASE WHEN (u.n + p) % 17 = 0 THEN 0 ELSE 1 END)
                      WHEN e.code = 'RURAL_POP' THEN 500 + (u.n * 37) % 900
                      WHEN e.code IN ('WATER_CENTRAL_POP', 'TAP_WATER_POP') THEN 450 + (u.n * 37) % 900 * 0.9
                      ELSE (u.n * 31 + e.n * 17 + p) % 1000 END
               , 'bench'
            FROM (SELECT code, row_number() OVER (ORDER BY code)::int AS n FROM org_unit WHERE county_code = ${COUNTY} AND level = 'village') u
           CROSS JOIN (SELECT code, row_number() OVER (ORDER BY code)::int AS n FROM unnest(${`{${batch.join(',')}}`}::text[]) AS code) e
           CROSS JOIN generate_series(0, ${months - 1}) p`);
        process.stdout.write(`\r  values: ${Math.min(k + 10, els.length)}/${els.length} elements`);
      }
      process.stdout.write('\n');
    });
    const [{ n: values }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM indicator_value`);
    const [, rollMs] = await timed(() => rebuildRollup(db, COUNTY));
    const [{ n: rollRows }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM indicator_rollup`);
    await db.execute(sql`ANALYZE`);
    log(
      `  generated ${values.toLocaleString()} values in ${seconds(genMs)}; roll-up rebuilt (${rollRows.toLocaleString()} rows) in ${seconds(rollMs)}`,
    );

    // Computed sources: the registry (empty here) only; the funds module is not part of this benchmark.
    const service = createIndicatorsService({
      db,
      clock: () => new Date('2026-11-05T02:00:00Z'),
      computed: { registry: registryProvider },
    });
    const ctx = systemContext('bench');
    const query = { org: COUNTY, period: lastMonth };
    const cockpitOnce = () => timed(() => service.cockpit(ctx, query));

    // Baseline: one hand-written aggregate over the raw values for the same elements and periods
    // (per township, element and period; the county is their sum), as the best single query without a roll-up.
    const defs = await service.loadDefs();
    const used = [
      ...new Set(
        [...defs.indicators.values()]
          .flatMap((i) => [i.numerator, i.denominator ?? ''].join(' ').match(/#\{([A-Z0-9_]+)\}/g) ?? [])
          .map((m) => m.slice(2, -1)),
      ),
    ].filter((e) => !defs.elements.get(e)?.computed);
    const periods = [...Array.from({ length: 12 }, (_, k) => addMonths(lastMonth, k - 11)), '2020-12'];
    const baselineOnce = () =>
      timed(() =>
        queryRows(
          db,
          sql`
      SELECT substr(org_code, 1, 9) AS township, element, period, sum(value) AS sum, count(*) AS n FROM indicator_value
       WHERE element = ANY(${`{${used.join(',')}}`}::text[]) AND period = ANY(${`{${periods.join(',')}}`}::text[]) AND org_code LIKE '140599%'
       GROUP BY 1, 2, 3`,
        ),
      );

    const cockpitMs: number[] = [];
    const baseMs: number[] = [];
    let result: Awaited<ReturnType<typeof service.cockpit>> | null = null;
    for (let i = 0; i < 7; i++) {
      const [r, c] = await cockpitOnce();
      const [, b] = await baselineOnce();
      result = r;
      cockpitMs.push(c);
      baseMs.push(b);
    }
    cockpitMs.sort((a, b) => a - b);
    baseMs.sort((a, b) => a - b);
    const median = (xs: number[]) => xs[Math.floor(xs.length / 2)];

    // One village form save: 10 values, their audit rows and the roll-up of 2 ancestors in one transaction.
    const village = (
      await queryRows<{ code: string }>(
        db,
        sql`SELECT code FROM org_unit WHERE county_code = ${COUNTY} AND level = 'village' ORDER BY code LIMIT 1`,
      )
    )[0].code;
    const saveMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [, ms] = await timed(() =>
        service.saveForm(ctx, {
          dataSet: 'VILLAGE_LIVING',
          org: village,
          period: lastMonth,
          values: [
            'RURAL_POP',
            'WATER_CENTRAL_POP',
            'TAP_WATER_POP',
            'RURAL_HH',
            'SANITARY_TOILET_HH',
            'SEWAGE_TREATED_HH',
            'NATURAL_VILLAGES',
            'GARBAGE_COVERED_NV',
            'HAS_4G',
            'HAS_5G',
          ].map((element, k) => ({ element, value: element.startsWith('HAS_') ? i % 2 : 1000 + i * 10 + k })),
        }),
      );
      saveMs.push(ms);
    }
    saveMs.sort((a, b) => a - b);

    log('');
    log(`| measure | ${label} |`);
    log('|---|---|');
    log(
      `| (a) county cockpit: ${result!.indicators.length} indicators × (county + ${result!.children.length} townships), 12-month trends, targets — best / median of 7 | ${millis(cockpitMs[0])} / ${millis(median(cockpitMs))} |`,
    );
    log(
      `| (b) baseline: one hand-written aggregate over raw values (${used.length} elements × ${periods.length} periods, per township) — best / median | ${millis(baseMs[0])} / ${millis(median(baseMs))} |`,
    );
    log(`| (c) ratio cockpit / baseline (median) | ${(median(cockpitMs) / median(baseMs)).toFixed(2)}× |`);
    log(`| (d) one village form save (10 values + audit + roll-up) — median of 5 | ${millis(saveMs[2])} |`);
    log('');
    log(
      `county: ${result!.summary.met} met, ${result!.summary.atRisk} at risk, ${result!.summary.notMet} not met, ${result!.summary.noData} no data`,
    );
  } finally {
    await dispose();
  }
}
