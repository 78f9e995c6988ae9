import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { socialBenefits } from '#server/db/schema/social-assistance.ts';

// SQL only. Reach as in the assistance module: the actor's prefix, and a paired cadre's own households.

export interface Reach {
  scopePrefix: string;
  cadreUserId: number | null;
}

export function reachSql(householdCol: ReturnType<typeof sql>, villageCol: ReturnType<typeof sql>, r: Reach) {
  const scope = r.scopePrefix === '' ? sql`true` : sql`${villageCol} LIKE ${r.scopePrefix + '%'}`;
  if (r.cadreUserId === null) return scope;
  return sql`${scope} AND EXISTS (SELECT 1 FROM cadre_pairing cp WHERE cp.household_id = ${householdCol} AND cp.cadre_user_id = ${r.cadreUserId} AND cp.end_on IS NULL)`;
}

export interface MemberRow {
  person_id: number;
  household_id: number;
  name: string;
  labour_skill: string | null;
  minimum_living: boolean;
  destitute_support: boolean;
}

/** Active members of the households (open), in reach. */
export async function membersOf(db: Db, r: Reach, householdIds: readonly number[]): Promise<MemberRow[]> {
  if (householdIds.length === 0) return [];
  const ids = sql.join(
    householdIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return queryRows<MemberRow>(
    db,
    sql`SELECT p.id AS person_id, h.id AS household_id, p.name, p.labour_skill, p.minimum_living, p.destitute_support
      FROM household h JOIN membership m ON m.household_id = h.id AND m.county_code = h.county_code AND m.valid_to IS NULL JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
      WHERE h.id IN (${ids}) AND h.closed_on IS NULL AND ${reachSql(sql`h.id`, sql`h.village_code`, r)}
      ORDER BY h.id, (m.relationship = 'head') DESC, p.id`,
  );
}

export async function householdOf(db: Db, r: Reach, householdId: number) {
  const [row] = await queryRows<{ id: number; monitoring_status: string; village_code: string }>(
    db,
    sql`SELECT h.id, h.monitoring_status, h.village_code FROM household h
      WHERE h.id = ${householdId} AND ${reachSql(sql`h.id`, sql`h.village_code`, r)}`,
  );
  return row;
}

export async function entriesOf(db: Db, householdIds: readonly number[]) {
  if (householdIds.length === 0) return [];
  return db
    .select()
    .from(socialBenefits)
    .where(
      sql`${socialBenefits.householdId} IN (${sql.join(
        householdIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    )
    .orderBy(socialBenefits.startOn, socialBenefits.id);
}

/**
 * The candidates of the uncovered list: open monitored households in reach where no active member has labour
 * (the pure rule then decides on coverage).
 */
export async function candidatesWithoutLabour(db: Db, r: Reach, orgPrefix: string | undefined) {
  return queryRows<{
    id: number;
    household_no: string;
    village_code: string;
    village_name: string | null;
    monitoring_type: string | null;
    risk_types: string[];
    head_name: string | null;
  }>(
    db,
    sql`SELECT h.id, h.household_no, h.village_code, h.monitoring_type, h.risk_types,
        (SELECT o.name FROM org_unit o WHERE o.code = h.village_code) AS village_name,
        (SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
          WHERE m.household_id = h.id AND m.valid_to IS NULL AND m.relationship = 'head') AS head_name
      FROM household h
      WHERE h.closed_on IS NULL AND h.monitoring_status = 'monitored' AND ${reachSql(sql`h.id`, sql`h.village_code`, r)}
        ${orgPrefix ? sql`AND h.village_code LIKE ${orgPrefix + '%'}` : sql``}
        AND EXISTS (SELECT 1 FROM membership m WHERE m.household_id = h.id AND m.valid_to IS NULL)
        AND NOT EXISTS (SELECT 1 FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
          WHERE m.household_id = h.id AND m.valid_to IS NULL AND p.labour_skill IN ('skilled', 'ordinary', 'weak'))
      ORDER BY h.village_code, h.household_no`,
  );
}

export async function insertBenefit(tx: Db, values: typeof socialBenefits.$inferInsert): Promise<number> {
  const [row] = await tx.insert(socialBenefits).values(values).returning({ id: socialBenefits.id });
  return row.id;
}

export async function findBenefit(tx: Db, id: number, r: Reach) {
  const [row] = await tx
    .select()
    .from(socialBenefits)
    .where(
      and(
        eq(socialBenefits.id, id),
        reachSql(sql`${socialBenefits.householdId}`, sql`${socialBenefits.villageCode}`, r),
      ),
    )
    .for('update');
  return row;
}

export async function endBenefit(tx: Db, id: number, version: number, endOn: string, reason: string) {
  const rows = await tx
    .update(socialBenefits)
    .set({ endOn, endReason: reason, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(socialBenefits.id, id), eq(socialBenefits.version, version)))
    .returning({ id: socialBenefits.id });
  return rows.length === 1;
}

export async function personHousehold(db: Db, personId: number) {
  const [r] = await queryRows<{ household_id: number; village_code: string }>(
    db,
    sql`SELECT h.id AS household_id, h.village_code FROM membership m JOIN household h ON h.id = m.household_id AND h.county_code = m.county_code
      WHERE m.person_id = ${personId} AND m.valid_to IS NULL AND h.closed_on IS NULL LIMIT 1`,
  );
  return r ? { householdId: Number(r.household_id), villageCode: r.village_code } : null;
}
