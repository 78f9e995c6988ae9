import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { queryRows } from '../server/db/connect.ts';
import { systemContext, type RequestContext } from '../server/lib/context.ts';
import { createWhatIfService } from '../server/modules/analysis/index.ts';
import { createJobsService } from '../server/modules/jobs/index.ts';
import { createMonitoringService } from '../server/modules/monitoring/index.ts';
import { resolveAll } from '../server/modules/params/index.ts';
import { seedQinshui } from '../server/modules/org/org.service.ts';
import { prepareDatabase } from '../server/prepare.ts';
import { openBenchDatabase, timed } from './bench-db.ts';
import { BENCH_COUNTY, BENCH_PERIOD, generateCounty, tableCounts } from './monitoring-data.ts';

// npm run bench -- whatif [--households 100000] [--pg postgres://…] [--keep]
// The policy what-if (issue 19) against the real monthly run on the same generated county, in the same
// process: (a) the monthly run, (b) a scenario moving the income line (+200 yuan: two income rules
// re-run), (c) a scenario changing the lookback (every department-record rule re-run twice), and the
// ratio of each scenario to the run. Prints figures; asserts nothing.

type Args = { households?: string; pg?: string; keep?: boolean };

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export default async function whatIfBench(argv: string[]): Promise<void> {
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
    log(`政策试算基准 / what-if benchmark — ${label}, ${households.toLocaleString()} households`);
    await prepareDatabase(database);
    await seedQinshui(db);
    await generateCounty(db, households, log);
    const counts = await tableCounts(db);
    log(`  generated ${counts.households} households, ${counts.feed_records} department records`);

    const jobs = createJobsService(db);
    const monitoring = createMonitoringService({ db, jobs });
    const whatIf = createWhatIfService({ db, jobs });
    const system = systemContext('bench');
    const county: RequestContext = {
      ...system,
      actor: { ...system.actor, orgCode: BENCH_COUNTY, orgName: '县', scopePrefix: BENCH_COUNTY.slice(0, 6) },
    };
    const [, runMs] = await timed(
      async () => (await monitoring.runMonth(system, BENCH_PERIOD, { countyCode: BENCH_COUNTY })).wait,
    );
    log(`  monthly run (real, writes warnings): ${s(runMs)}`);

    const params = await resolveAll(db, BENCH_COUNTY, BENCH_PERIOD);
    const line = params['monitoring.incomeLineFen'].value as number;
    const lookback = params['monitoring.lookbackMonths'].value as number;
    const scenarios: [string, Record<string, number>][] = [
      ['income line +200 yuan', { 'monitoring.incomeLineFen': line + 20_000 }],
      [`lookback ${lookback} → ${lookback + 6} months`, { 'monitoring.lookbackMonths': lookback + 6 }],
    ];
    const warningCount = async () =>
      (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM warning`))[0].n;
    const warningsBefore = await warningCount();
    for (const [name, overrides] of scenarios) {
      const [result, ms] = await timed(
        async () => (await whatIf.create(county, { name, period: BENCH_PERIOD, params: overrides })).wait,
      );
      log(
        `  scenario "${name}": ${s(ms)} — ratio to the monthly run ${(ms / runMs).toFixed(2)}; ` +
          `flagged ${result.base} → ${result.proposed}, entering ${result.entering}, leaving ${result.leaving}, rules re-run ${result.affectedRules.length}`,
      );
    }
    const warningsAfter = await warningCount();
    log(
      `  warnings untouched by the scenarios: ${warningsBefore === warningsAfter ? 'yes' : 'NO'} (${warningsAfter} warnings)`,
    );
  } finally {
    await dispose();
  }
}
