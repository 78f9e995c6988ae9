import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import {
  RULES,
  evaluationCtes,
  incomeFigure,
  perCapita,
  withinRangeSql,
  type RuleContext,
} from '../monitoring/index.ts';
import { numberParam as numberParamOf } from '../params/index.ts';

// SQL of the deprivation view (deprivation.*.ts): each household's six deprivations in one set-based statement on
// the monitoring engine's facts relation, the names of org units, the households the discovery list shows.

export interface DeprivationRow {
  householdId: number;
  villageCode: string;
  kind: 'alleviated' | 'ordinary';
  monitoringStatus: string;
  d_income: boolean;
  d_food: boolean;
  d_education: boolean;
  d_medical: boolean;
  d_housing: boolean;
  d_water: boolean;
}

/** The six deprivations of each household of `prefix` as booleans d_income … d_water (facts f ⋈ household). */
function deprivationSelect(ctx: RuleContext, foodRatio: number, prefix: string): SQL {
  const line = numberParamOf(ctx.params, 'monitoring.incomeLineFen');
  const alleviatedOop = numberParamOf(ctx.params, 'medical.alleviatedOutOfPocketFen');
  const otherOop = numberParamOf(ctx.params, 'medical.otherOutOfPocketFen');
  const pc = perCapita(incomeFigure(ctx), 'inc');
  // facts of the engine, evaluated for no rule but INCOME_BELOW_LINE (its fired relation is never read).
  const rules = RULES.filter((r) => r.code === 'INCOME_BELOW_LINE');
  return sql`${evaluationCtes(ctx, { countyCode: ctx.countyCode, scopePrefix: prefix, restriction: { kind: 'all' } }, { rules })}
    SELECT f.id::int AS "householdId", f.village_code AS "villageCode", f.kind, f.monitoring_status AS "monitoringStatus",
      coalesce(f.inc_year IS NOT NULL AND ${withinRangeSql(ctx, line)}, false) AS d_income,
      coalesce(f.inc_year IS NOT NULL AND ${pc} < ${Math.round(line * foodRatio)}::bigint, false) AS d_food,
      coalesce(f.school_dropout, false) AS d_education,
      (coalesce(f.medical_uninsured, false)
        OR coalesce(f.inc_oop >= CASE WHEN f.kind = 'alleviated' THEN ${alleviatedOop}::bigint ELSE ${otherOop}::bigint END, false)
        OR EXISTS (SELECT 1 FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
          WHERE m.household_id = f.id AND m.county_code = f.county_code AND m.valid_to IS NULL
            AND NOT p.resident_medical_insurance AND NOT p.employee_medical_insurance)) AS d_medical,
      (coalesce(f.housing_unsafe, false) OR coalesce(f.housing_grade IN ('C', 'D'), false)) AS d_housing,
      (f.water_safe IS FALSE) AS d_water
    FROM facts f`;
}

/** Every household of `prefix` with its deprivations, under the rule context's parameters (its period's). */
export function deprivationRows(db: Db, ctx: RuleContext, foodRatio: number, prefix: string) {
  return queryRows<DeprivationRow>(db, deprivationSelect(ctx, foodRatio, prefix));
}

/** One household of `prefix` with its deprivations and its number (absent: not in `prefix`). */
export async function deprivationRowOf(
  db: Db,
  ctx: RuleContext,
  foodRatio: number,
  prefix: string,
  householdId: number,
): Promise<(DeprivationRow & { householdNo: string }) | undefined> {
  const [row] = await queryRows<DeprivationRow & { householdNo: string }>(
    db,
    sql`SELECT d.*, h.household_no AS "householdNo" FROM (${deprivationSelect(ctx, foodRatio, prefix)}) d
      JOIN household h ON h.id = d."householdId" AND h.county_code = ${ctx.countyCode}
      WHERE d."householdId" = ${householdId}`,
  );
  return row;
}

/** The names of the org units of `codes`: code → name. */
export async function orgNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<{ code: string; name: string }>(
    db,
    sql`SELECT code, name FROM org_unit WHERE code = ANY(${`{${codes.join(',')}}`}::text[])`,
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The number of each household of `ids` and whether it has an open clue. */
export async function householdsWithClue(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return queryRows<{ id: number; householdNo: string; openClue: boolean }>(
    db,
    sql`SELECT h.id::int AS id, h.household_no AS "householdNo",
      EXISTS (SELECT 1 FROM clue c WHERE c.household_id = h.id AND c.status = 'open') AS "openClue"
      FROM household h WHERE h.id = ANY(${`{${ids.join(',')}}`}::bigint[])`,
  );
}
