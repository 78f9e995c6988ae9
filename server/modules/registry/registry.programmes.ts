import { sql } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { recordChange } from './registry.guard.ts';

// What the programme ledgers write into the registry, each in the caller's transaction (`tx`) and through here only
// (the registry owns `household_income` and `person`):
// - 防贫保险: a paid claim adds its amount to the household's 理赔收入 (household_income.insurance_payout) of the year
//   paid, with a registry change on the household's timeline (docs/insurance.md). No income row for that year: nothing
//   is added (a row of zeros would read as "no income" to the monitoring rules) and the caller is told.
// - 公益岗位: person.public_welfare_post follows the person's active hires.

export interface PayoutApplied {
  applied: boolean;
  year: number;
  beforeFen: number | null;
  afterFen: number | null;
}

/** 理赔收入 of `year` on the household's income record (null: no record), the row locked for the caller's update. */
export async function insurancePayoutOf(tx: Db, householdId: number, year: number): Promise<number | null> {
  const [row] = await queryRows<{ payout: number }>(
    tx,
    sql`SELECT insurance_payout::float8 AS payout FROM household_income
      WHERE household_id = ${householdId} AND year = ${year} FOR UPDATE`,
  );
  return row ? Number(row.payout) : null;
}

/** Adds a paid claim to 理赔收入 of `year`, when the household has an income record for that year. */
export async function addInsurancePayout(
  tx: Db,
  ctx: RequestContext,
  householdId: number,
  year: number,
  amountFen: number,
  reason: string,
): Promise<PayoutApplied> {
  const [row] = await queryRows<{
    id: number;
    county_code: string;
    village_code: string;
    household_no: string;
    payout: number;
  }>(
    tx,
    sql`SELECT h.id, h.county_code, h.village_code, h.household_no, i.insurance_payout::float8 AS payout
      FROM household h JOIN household_income i ON i.household_id = h.id AND i.county_code = h.county_code AND i.year = ${year}
      WHERE h.id = ${householdId} FOR UPDATE OF i`,
  );
  if (!row) return { applied: false, year, beforeFen: null, afterFen: null };
  const before = Number(row.payout);
  const after = before + amountFen;
  await tx.execute(
    sql`UPDATE household_income SET insurance_payout = ${after}, updated_at = now() WHERE household_id = ${householdId} AND year = ${year}`,
  );
  await recordChange(
    tx,
    ctx,
    { id: Number(row.id), countyCode: row.county_code, villageCode: row.village_code, householdNo: row.household_no },
    'income',
    reason,
    { year, insurancePayout: before },
    { year, insurancePayout: after },
  );
  return { applied: true, year, beforeFen: before, afterFen: after };
}

/** person.public_welfare_post = whether the person holds an active 公益岗位 hire (the posts module says which). */
export async function setPublicWelfarePost(tx: Db, personId: number, onPost: boolean): Promise<void> {
  await tx.execute(
    sql`UPDATE person SET public_welfare_post = ${onPost}, updated_at = now() WHERE id = ${personId} AND public_welfare_post <> ${onPost}`,
  );
}
