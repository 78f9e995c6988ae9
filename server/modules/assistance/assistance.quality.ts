import { sql } from 'drizzle-orm';
import { DEVELOPMENT_CATEGORIES, IN_PLACE_STATUSES } from '#common/domain/assistance/categories.ts';
import type { AssistanceSummary } from '#common/domain/registry/quality-rule.ts';
import { queryRows, type Db } from '#server/db/connect.ts';

// What the registry's data-quality checks need from assistance, for a batch of households, as of a day:
// measures in place (the obligations board's reading: under way or done, started by then), the 开发式 ones
// among them, and the 监测联系人 — taken as the active 结对帮扶 cadre, with whether his phone is recorded
// (no separate contact field exists; policy-rules §1.8 rule 1_11_011).

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

export async function assistanceSummaries(
  db: Db,
  householdIds: readonly number[],
  asOf: string,
): Promise<Map<number, AssistanceSummary>> {
  const out = new Map<number, AssistanceSummary>();
  if (householdIds.length === 0) return out;
  const ids = sql.join(
    householdIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await queryRows<{
    household_id: number;
    measures: number;
    development: number;
    cadre_name: string | null;
    has_phone: boolean | null;
  }>(
    db,
    sql`SELECT h.id AS household_id,
        (SELECT count(*)::int FROM assistance_measure m WHERE m.household_id = h.id AND m.county_code = h.county_code
           AND m.status IN (${list(IN_PLACE_STATUSES)}) AND m.start_on <= ${asOf}::date) AS measures,
        (SELECT count(*)::int FROM assistance_measure m WHERE m.household_id = h.id AND m.county_code = h.county_code
           AND m.status IN (${list(IN_PLACE_STATUSES)}) AND m.start_on <= ${asOf}::date AND m.category IN (${list(DEVELOPMENT_CATEGORIES)})) AS development,
        p.cadre_name, p.phone_cipher IS NOT NULL AS has_phone
      FROM household h
      LEFT JOIN cadre_pairing p ON p.household_id = h.id AND p.county_code = h.county_code AND p.end_on IS NULL
      WHERE h.id IN (${ids})`,
  );
  for (const r of rows) {
    out.set(Number(r.household_id), {
      measureCount: r.measures,
      developmentMeasureCount: r.development,
      contact: r.cadre_name === null ? null : { name: r.cadre_name, hasPhone: r.has_phone === true },
    });
  }
  return out;
}
