import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { queryRows } from '../server/db/connect.ts';
import { obligationCounts, obligationsAsOf } from '../server/modules/assistance/obligations.repository.ts';
import { seedQinshui } from '../server/modules/org/org.service.ts';
import { prepareDatabase } from '../server/prepare.ts';
import { openBenchDatabase, timed } from './bench-db.ts';
import { generateCounty } from './monitoring-data.ts';

// npm run bench -- assistance [--households 100000] [--pg postgres://…] [--keep]
// The obligations board over a synthetic county (the monitoring bench's generator: ~3% monitored):
// risks on every monitored household, measures on half of them, a few eliminated with measures
// still running; then (a) the county board (counts per township + rows), (b) one township,
// (c) one household (the household tab's query). Prints figures; never asserts a time.

type Args = { households?: string; pg?: string; keep?: boolean };
const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

export default async function assistanceBench(argv: string[]): Promise<void> {
  const args = parseArgs({
    args: argv,
    options: { households: { type: 'string' }, pg: { type: 'string' }, keep: { type: 'boolean' } },
    strict: true,
  }).values as Args;
  const households = Number(args.households ?? 100_000);
  const log = (line: string) => console.log(line);
  const { database, label, dispose } = await openBenchDatabase(args.pg, args.keep);
  try {
    const db = database.db;
    log(`帮扶责任基准 / assistance obligations benchmark — ${label}, ${households.toLocaleString()} households`);
    await prepareDatabase(database);
    await seedQinshui(db);
    await generateCounty(db, households, log);
    await db.execute(sql`UPDATE household SET risk_types = CASE WHEN id % 3 = 0 THEN ARRAY['illness','unsafeHousing'] ELSE ARRAY['unstableEmployment'] END,
      identification_period = CASE WHEN id % 4 = 0 THEN '2025-05' ELSE identification_period END WHERE monitoring_type IS NOT NULL`);
    await db.execute(
      sql`UPDATE household SET elimination_period = '2025-03', elimination_mode = 'assistedElimination' WHERE monitoring_type IS NOT NULL AND id % 10 = 1`,
    );
    await db.execute(sql`INSERT INTO assistance_measure (county_code, household_id, village_code, risk_type, category, department, start_on, status)
      SELECT county_code, id, village_code, risk_types[1], CASE WHEN id % 4 = 0 THEN 'employment' ELSE 'health' END, '县人社局', '2025-06-01', 'ongoing'
      FROM household WHERE monitoring_type IS NOT NULL AND id % 2 = 1`);
    await db.execute(sql`ANALYZE`);
    const [{ monitored, measures }] = await queryRows<{ monitored: number; measures: number }>(
      db,
      sql`SELECT (SELECT count(*)::int FROM household WHERE monitoring_status <> 'none') AS monitored, (SELECT count(*)::int FROM assistance_measure) AS measures`,
    );
    const months = { first: 1, development: 6, risk: 1 };
    const reach = { scopePrefix: '140521', cadreUserId: null };
    const best = async <T>(f: () => Promise<T>) => {
      const [r, a] = await timed(f);
      const [, b] = await timed(f);
      return [r, Math.min(a, b)] as const;
    };
    const [county, countyMs] = await best(() => obligationCounts(db, reach, '2025-12-01', months));
    const [town, townMs] = await best(() =>
      obligationsAsOf(db, reach, '2025-12-01', months, { orgPrefix: '140521100', limit: 500 }),
    );
    const [{ id }] = await queryRows<{ id: number }>(
      db,
      sql`SELECT id FROM household WHERE monitoring_type IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const [, oneMs] = await best(() =>
      obligationsAsOf(db, reach, '2025-12-01', months, { householdId: Number(id), limit: 100 }),
    );
    log('');
    log(`| measure | ${label} |`);
    log('|---|---|');
    log(
      `| (a) county board: ${monitored.toLocaleString()} monitored/eliminated households, ${measures.toLocaleString()} measures → ${county.rows.length.toLocaleString()} obligations in ${county.counts.size} townships | ${s(countyMs)} |`,
    );
    log(`| (b) one township (龙港镇), first 500 rows → ${town.length} | ${s(townMs)} |`);
    log(`| (c) one household (the household tab) | ${s(oneMs)} |`);
  } finally {
    await dispose();
  }
}
