import { sql } from 'drizzle-orm';
import type { ImportReport } from '#common/contracts/registry-transfer.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import { numberParam, resolveAll } from '#server/modules/params/index.ts';
import { generateDemoCounty, type DemoCountyOptions } from '../demo-generator.ts';
import type { ImportService } from './import.service.ts';
import { SHEET_TITLES } from './ledger-columns.ts';
import { householdCells, householdHeaders, memberCells, memberHeaders } from './ledger-values.ts';
import type { Progress } from './pipeline.ts';
import type { LedgerSource } from './sheet-sources.ts';

// The synthetic county goes into the registry through the import itself (rows → cell checks →
// staging → merge), so the demo, the benchmark and a real file exercise one code path.

export const DEMO_SEED = 20210201;

/** The open villages of a county, and the generator options for the last complete income year. */
export async function demoCountyOptions(
  db: Db,
  countyCode: string,
  households: number,
  seed: number,
): Promise<DemoCountyOptions> {
  const villages = await queryRows<{ code: string }>(
    db,
    sql`SELECT code FROM org_unit
    WHERE county_code = ${countyCodeOf(countyCode)} AND level = 'village' AND valid_to IS NULL ORDER BY code`,
  );
  // Identification months run to December of the income year, so it must be a finished year.
  const year = Number(todayInChina().slice(0, 4)) - 1;
  const params = await resolveAll(db, countyCodeOf(countyCode), `${year}-12`);
  return {
    seed,
    households,
    villageCodes: villages.map((v) => v.code),
    incomeLineFen: numberParam(params, 'monitoring.incomeLineFen'),
    year,
  };
}

/** Household and member rows interleaved, headers first: the pipeline tells the sheets apart by title. */
export function demoSource(options: DemoCountyOptions): LedgerSource {
  return {
    name: `演示县（${options.households} 户，种子 ${options.seed}）`,
    async *rows() {
      yield { sheetTitle: SHEET_TITLES.households, row: 1, cells: householdHeaders() };
      yield { sheetTitle: SHEET_TITLES.members, row: 1, cells: memberHeaders() };
      let memberRow = 1;
      let householdRow = 1;
      for (const { household, members } of generateDemoCounty(options)) {
        yield { sheetTitle: SHEET_TITLES.households, row: ++householdRow, cells: householdCells(household) };
        for (const m of members)
          yield { sheetTitle: SHEET_TITLES.members, row: ++memberRow, cells: memberCells(household.householdNo, m) };
      }
    },
  };
}

/** Loads (or, with the same size and seed, re-confirms unchanged) the demo households of a county. */
export async function loadDemoHouseholds(
  db: Db,
  importer: ImportService,
  countyCode: string,
  households: number,
  seed = DEMO_SEED,
  listener?: Progress,
): Promise<ImportReport> {
  const options = await demoCountyOptions(db, countyCode, households, seed);
  const job = await importer.startSource(
    systemContext('demo'),
    'registry.demo',
    demoSource(options),
    { dryRun: false, skipInvalid: false },
    { progress: listener },
  );
  return job.wait;
}
