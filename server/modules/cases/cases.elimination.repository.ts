import { sql } from 'drizzle-orm';
import { IN_PLACE_STATUSES } from '#common/domain/assistance/categories.ts';
import type { IncomeYearRecord } from '#common/domain/monitoring/income-line.ts';
import { queryRows, type Db } from '#server/db/connect.ts';

// The facts the §1.8 elimination check reads that the case tables do not hold: every income year of
// the household (the line is applied per month by common/domain/monitoring/income-line.ts) and its
// measures in place per risk.

export async function incomeRecords(db: Db, householdId: number): Promise<IncomeYearRecord[]> {
  return queryRows<IncomeYearRecord>(
    db,
    sql`SELECT year::int AS year, net_income::float8 AS "netIncome", insurance_payout::float8 AS "insurancePayout",
        eligible_out_of_pocket::float8 AS "eligibleOutOfPocket", household_size::int AS "householdSize"
      FROM household_income WHERE household_id = ${householdId} ORDER BY year`,
  );
}

/**
 * Measures in place on `asOf` per risk type: under way or done (IN_PLACE_STATUSES, the same as the
 * obligations' inPlace) and started by then. A planned or a stopped measure is not 落实.
 */
export async function measuresInPlaceByRisk(
  db: Db,
  householdId: number,
  asOf: string,
): Promise<Record<string, number>> {
  const rows = await queryRows<{ risk_type: string; n: number }>(
    db,
    sql`SELECT risk_type, count(*)::int AS n FROM assistance_measure
      WHERE household_id = ${householdId} AND status = ANY(${`{${IN_PLACE_STATUSES.join(',')}}`}::text[]) AND start_on <= ${asOf}::date
      GROUP BY risk_type`,
  );
  return Object.fromEntries(rows.map((r) => [r.risk_type, r.n]));
}
