import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { inScope } from '#server/db/scope.ts';

// The household ledger read for export: open households in the actor's scope, in key ranges of
// household id (never OFFSET), with their active members and latest income year.

const openInScope = (scopePrefix: string) =>
  sql`h.closed_on IS NULL AND ${inScope(sql`h.village_code`, { scopePrefix })}`;

export interface LedgerHouseholdRow {
  id: number;
  household_no: string;
  village_code: string;
  kind: string;
  alleviated_attribute: string | null;
  monitoring_type: string | null;
  identification_period: string | null;
  risk_types: string[];
  elimination_period: string | null;
  elimination_mode: string | null;
  whole_household_no_labour: boolean;
  phone_cipher: string | null;
  address: string | null;
  housing_grade: string | null;
  water_safe: boolean | null;
  school_dropout: boolean | null;
  housing_unsafe: boolean | null;
  medical_uninsured: boolean | null;
  extra: Record<string, string> | null;
  head_name: string | null;
  head_id_cipher: string | null;
  /** The latest income year (all null when none), named as in the staging tables. */
  income_year: number | null;
  wage_income: number | null;
  business_income: number | null;
  property_income: number | null;
  transfer_income: number | null;
  business_cost: number | null;
  insurance_payout: number | null;
  eligible_out_of_pocket: number | null;
}

export async function ledgerHouseholds(
  db: Db,
  scopePrefix: string,
  afterId: number,
  limit: number,
): Promise<LedgerHouseholdRow[]> {
  return queryRows<LedgerHouseholdRow>(
    db,
    sql`
    SELECT h.id::int AS id, h.household_no, h.village_code, h.kind, h.alleviated_attribute, h.monitoring_type,
      h.identification_period::text AS identification_period, h.risk_types, h.elimination_period::text AS elimination_period,
      h.elimination_mode, h.whole_household_no_labour, h.phone_cipher, h.address, h.housing_grade::text AS housing_grade,
      h.water_safe, h.school_dropout, h.housing_unsafe, h.medical_uninsured, h.extra,
      head.name AS head_name, head.id_cipher AS head_id_cipher, inc.year AS income_year, inc.wage_income, inc.business_income,
      inc.property_income, inc.transfer_income, inc.business_cost, inc.insurance_payout, inc.eligible_out_of_pocket
    FROM household h
    LEFT JOIN LATERAL (SELECT p.name, p.id_cipher FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
      WHERE m.household_id = h.id AND m.county_code = h.county_code AND m.valid_to IS NULL AND m.relationship = 'head' LIMIT 1) head ON true
    LEFT JOIN LATERAL (SELECT i.year, i.wage_income, i.business_income, i.property_income, i.transfer_income, i.business_cost,
        i.insurance_payout, i.eligible_out_of_pocket
      FROM household_income i WHERE i.household_id = h.id AND i.county_code = h.county_code ORDER BY i.year DESC LIMIT 1) inc ON true
    WHERE h.id > ${afterId} AND ${openInScope(scopePrefix)}
    ORDER BY h.id LIMIT ${limit}`,
  );
}

export interface LedgerMemberRow {
  household_id: number;
  household_no: string;
  name: string;
  id_cipher: string;
  relationship: string;
  ethnicity: string | null;
  political_status: string | null;
  education: string | null;
  schooling: string | null;
  health: string[];
  disability_category: string | null;
  disability_grade: string | null;
  labour_skill: string;
  work_months: number | null;
  work_place: string | null;
  resident_medical_insurance: boolean;
  employee_medical_insurance: boolean;
  minimum_living: boolean;
  destitute_support: boolean;
  public_welfare_post: boolean;
  phone_cipher: string | null;
  extra: Record<string, string> | null;
}

/** Active members of the open in-scope households with id in (afterId, uptoId], household by household. */
export async function ledgerMembers(
  db: Db,
  scopePrefix: string,
  afterId: number,
  uptoId: number,
): Promise<LedgerMemberRow[]> {
  return queryRows<LedgerMemberRow>(
    db,
    sql`
    SELECT h.id::int AS household_id, h.household_no, p.name, p.id_cipher, m.relationship, p.ethnicity, p.political_status,
      p.education, p.schooling, p.health, p.disability_category, p.disability_grade, p.labour_skill, p.work_months, p.work_place,
      p.resident_medical_insurance, p.employee_medical_insurance, p.minimum_living, p.destitute_support, p.public_welfare_post,
      p.phone_cipher, p.extra
    FROM household h
    JOIN membership m ON m.household_id = h.id AND m.county_code = h.county_code AND m.valid_to IS NULL
    JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
    WHERE h.id > ${afterId} AND h.id <= ${uptoId} AND ${openInScope(scopePrefix)}
    ORDER BY h.id, m.id`,
  );
}

/** Last household id of the next key range of `size` households (null when none are left). */
export async function nextRangeEnd(db: Db, scopePrefix: string, afterId: number, size: number): Promise<number | null> {
  const [row] = await queryRows<{ id: number | null }>(
    db,
    sql`SELECT max(id)::int AS id FROM (
    SELECT h.id FROM household h WHERE h.id > ${afterId} AND ${openInScope(scopePrefix)} ORDER BY h.id LIMIT ${size}) r`,
  );
  return row?.id ?? null;
}

export async function ledgerCounts(db: Db, scopePrefix: string): Promise<{ households: number; members: number }> {
  const [row] = await queryRows<{ households: number; members: number }>(
    db,
    sql`
    SELECT count(DISTINCT h.id)::int AS households, count(m.id)::int AS members FROM household h
    LEFT JOIN membership m ON m.household_id = h.id AND m.county_code = h.county_code AND m.valid_to IS NULL
    WHERE ${openInScope(scopePrefix)}`,
  );
  return row;
}

/** Keys of the extra attributes (unknown columns kept at import) of the households and people to export. */
export async function ledgerExtraKeys(
  db: Db,
  scopePrefix: string,
): Promise<{ households: string[]; members: string[] }> {
  const households = await queryRows<{ key: string }>(
    db,
    sql`SELECT DISTINCT jsonb_object_keys(h.extra) AS key
    FROM household h WHERE h.extra IS NOT NULL AND ${openInScope(scopePrefix)} ORDER BY 1`,
  );
  const members = await queryRows<{ key: string }>(
    db,
    sql`SELECT DISTINCT jsonb_object_keys(p.extra) AS key
    FROM household h
    JOIN membership m ON m.household_id = h.id AND m.county_code = h.county_code AND m.valid_to IS NULL
    JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
    WHERE p.extra IS NOT NULL AND ${openInScope(scopePrefix)} ORDER BY 1`,
  );
  return { households: households.map((r) => r.key), members: members.map((r) => r.key) };
}
