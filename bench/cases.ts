import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { queryRows } from '../server/db/connect.ts';
import {
  activeIdentificationCases,
  ledgerPage,
  zeroingByVillage,
  activeStagesByVillage,
} from '../server/modules/cases/cases.reports.repository.ts';
import { seedQinshui } from '../server/modules/org/org.service.ts';
import { prepareDatabase } from '../server/prepare.ts';
import { openBenchDatabase, timed } from './bench-db.ts';
import { generateCounty } from './monitoring-data.ts';

// npm run bench -- cases [--households 100000] [--pg postgres://…] [--keep]
// The leaders' views over a synthetic county (the monitoring bench's generator, ~3% monitored):
// open clues on 2% of households found over the last 30 days, an identification case on half of
// them at every stage; then (a) the county dynamic-zeroing board (per village, clues by age, cases
// by stage, monitored, this month's counts), (b) the time-limit list, (c) the whole monitored-household
// ledger read in pages of 1,000 (what the .xlsx export streams). Prints figures; never asserts a time.

type Args = { households?: string; pg?: string; keep?: boolean };
const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

export default async function casesBench(argv: string[]): Promise<void> {
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
    log(`识别认定基准 / cases benchmark — ${label}, ${households.toLocaleString()} households`);
    await prepareDatabase(database);
    await seedQinshui(db);
    await generateCounty(db, households, log);
    await db.execute(sql`UPDATE household SET risk_types = ARRAY['illness'] WHERE monitoring_type IS NOT NULL`);
    await db.execute(sql`INSERT INTO clue (county_code, household_id, village_code, channel, risk_type, summary, opened_at)
      SELECT county_code, id, village_code, 'department', 'illness', '部门信息比对：大额医疗支出', now() - (id % 30) * interval '1 day'
      FROM household WHERE monitoring_type IS NULL AND id % 50 = 7`);
    await db.execute(sql`INSERT INTO monitoring_case (county_code, village_code, household_id, kind, clue_id, stage, risk_types, started_on)
      SELECT c.county_code, c.village_code, c.household_id, 'identification', c.id,
        (ARRAY['verification','comparison','villageReview','publicNotice','townshipReview','countyApproval','announcement'])[1 + c.id % 7],
        ARRAY['illness'], (c.opened_at AT TIME ZONE 'Asia/Shanghai')::date
      FROM clue c WHERE c.id % 2 = 0`);
    await db.execute(sql`ANALYZE`);
    const [{ clues, cases, monitored }] = await queryRows<{ clues: number; cases: number; monitored: number }>(
      db,
      sql`SELECT (SELECT count(*)::int FROM clue) AS clues, (SELECT count(*)::int FROM monitoring_case) AS cases,
        (SELECT count(*)::int FROM household WHERE monitoring_status = 'monitored') AS monitored`,
    );
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const best = async <T>(f: () => Promise<T>) => {
      const [r, a] = await timed(f);
      const [, b] = await timed(f);
      return [r, Math.min(a, b)] as const;
    };
    const [board, boardMs] = await best(
      async () =>
        [await zeroingByVillage(db, '', today, today.slice(0, 7), 15), await activeStagesByVillage(db, '')] as const,
    );
    const [due, dueMs] = await best(() => activeIdentificationCases(db, ''));
    const [rows, ledgerMs] = await best(async () => {
      let after = 0;
      let n = 0;
      for (;;) {
        const page = await ledgerPage(db, '', 'monitored', after, 1000);
        if (page.length === 0) return n;
        n += page.length;
        after = page[page.length - 1].id;
      }
    });
    log('');
    log(`| measure | ${label} |`);
    log('|---|---|');
    log(
      `| (a) county zeroing board: ${clues.toLocaleString()} open clues, ${cases.toLocaleString()} cases → ${board[0].length} villages | ${s(boardMs)} |`,
    );
    log(`| (b) time-limit list: ${due.length.toLocaleString()} undecided identification cases | ${s(dueMs)} |`);
    log(
      `| (c) monitored-household ledger rows (${monitored.toLocaleString()} monitored) read in pages of 1,000 → ${rows.toLocaleString()} | ${s(ledgerMs)} |`,
    );
  } finally {
    await dispose();
  }
}
