import { and, asc, desc, eq, gt, inArray, isNull, like, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '#server/db/connect.ts';
import { orgUnits } from '#server/db/schema/org.ts';
import { householdIncomes, households, memberships, persons, registryChanges } from '#server/db/schema/registry.ts';
import { inScope } from '#server/db/scope.ts';
import type { HOUSEHOLD_SORTS } from '#common/contracts/registry.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { orderBy, pageWindow, usesCursor, type SortColumns } from '#server/lib/paging.ts';
import { monitoredAtLeastSql } from './monitored-months.ts';

export type HouseholdRecord = typeof households.$inferSelect;
export type HouseholdInsert = typeof households.$inferInsert;
export type PersonRecord = typeof persons.$inferSelect;
export type PersonInsert = typeof persons.$inferInsert;
export type IncomeRecord = typeof householdIncomes.$inferSelect;
export type IncomeInsert = typeof householdIncomes.$inferInsert;
export type ChangeInsert = typeof registryChanges.$inferInsert;
export type ChangeRecord = typeof registryChanges.$inferSelect;
export type MemberRecord = PersonRecord & { membershipId: number; relationship: string; validFrom: string };

const township = alias(orgUnits, 'township');
const scoped = (prefix: string) => inScope(households.villageCode, { scopePrefix: prefix });

export interface HouseholdFilter extends PagingQuery<(typeof HOUSEHOLD_SORTS)[number]> {
  scopePrefix: string;
  orgPrefix?: string;
  kind?: string;
  monitoringStatus?: string;
  householdNoPrefix?: string;
  /** Households with an active member whose name starts with this. */
  memberNamePrefix?: string;
  /** Households with this person as an active member. */
  personIds?: number[];
  /** Monitored households monitored for at least `months` months by `period` (monitored-months.ts). */
  monitoredAtLeast?: { period: string; months: number };
  afterId: number;
  limit: number;
}

const HEAD_NAME = sql<
  string | null
>`(SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
  WHERE m.household_id = household.id AND m.valid_to IS NULL AND m.relationship = 'head')`;
const SIZE = sql<number>`(SELECT count(*)::int FROM membership m WHERE m.household_id = household.id AND m.valid_to IS NULL)`;

const HOUSEHOLD_SORT_COLUMNS: SortColumns<(typeof HOUSEHOLD_SORTS)[number]> = {
  id: sql`${households.id}`,
  householdNo: sql`${households.householdNo}`,
  township: sql`${township.name}`,
  village: sql`${orgUnits.name}`,
  headName: HEAD_NAME,
  size: SIZE,
  kind: sql`${households.kind}`,
  monitoringStatus: sql`${households.monitoringStatus}`,
};

/** The one where-clause of the household search: its page and its total read the same rows (null: none can match). */
function householdWhere(f: HouseholdFilter): SQL | null {
  // Closed (merged) households keep their rows and history but leave the working list.
  const where: SQL[] = [scoped(f.scopePrefix), isNull(households.closedOn)];
  if (f.orgPrefix) where.push(like(households.villageCode, f.orgPrefix + '%'));
  if (f.kind) where.push(eq(households.kind, f.kind as HouseholdRecord['kind']));
  if (f.monitoringStatus) where.push(sql`${households.monitoringStatus} = ${f.monitoringStatus}`);
  if (f.monitoredAtLeast) where.push(monitoredAtLeastSql(f.monitoredAtLeast.period, f.monitoredAtLeast.months));
  if (f.householdNoPrefix) where.push(like(households.householdNo, f.householdNoPrefix + '%'));
  if (f.memberNamePrefix) {
    where.push(sql`EXISTS (SELECT 1 FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
      WHERE m.household_id = ${households.id} AND m.valid_to IS NULL AND p.name LIKE ${f.memberNamePrefix + '%'})`);
  }
  if (f.personIds) {
    if (f.personIds.length === 0) return null;
    where.push(sql`EXISTS (SELECT 1 FROM membership m WHERE m.household_id = ${households.id} AND m.valid_to IS NULL
      AND m.person_id IN (${sql.join(
        f.personIds.map((id) => sql`${id}`),
        sql`, `,
      )}))`);
  }
  return and(...where)!;
}

/** How many households the search matches (all pages). */
export async function countHouseholds(db: Db, f: HouseholdFilter): Promise<number> {
  const where = householdWhere(f);
  if (!where) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(households)
    .where(where);
  return row.n;
}

/** One page of households in scope (a numbered page, or by id after the cursor), with head and size. */
export async function listHouseholds(db: Db, f: HouseholdFilter) {
  const where = householdWhere(f);
  if (!where) return [];
  const win = pageWindow(f);
  return db
    .select({
      household: households,
      villageName: orgUnits.name,
      townshipName: township.name,
      headName: HEAD_NAME,
      headIdCipher: sql<
        string | null
      >`(SELECT p.id_cipher FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
        WHERE m.household_id = household.id AND m.valid_to IS NULL AND m.relationship = 'head')`,
      size: SIZE,
    })
    .from(households)
    .innerJoin(orgUnits, eq(orgUnits.code, households.villageCode))
    .innerJoin(township, eq(township.code, orgUnits.parentCode))
    .where(and(where, usesCursor(f) ? gt(households.id, f.afterId) : undefined))
    .orderBy(orderBy(HOUSEHOLD_SORT_COLUMNS, f, sql`${households.id}`, 'id'))
    .limit(win.pageSize)
    .offset(win.offset);
}

export async function findHousehold(db: Db, scopePrefix: string, id: number) {
  const [row] = await db
    .select({ household: households, villageName: orgUnits.name, townshipName: township.name })
    .from(households)
    .innerJoin(orgUnits, eq(orgUnits.code, households.villageCode))
    .innerJoin(township, eq(township.code, orgUnits.parentCode))
    .where(and(eq(households.id, id), scoped(scopePrefix)));
  return row;
}

export async function findHouseholdByNo(
  db: Db,
  countyCode: string,
  householdNo: string,
): Promise<HouseholdRecord | undefined> {
  const [row] = await db
    .select()
    .from(households)
    .where(and(eq(households.countyCode, countyCode), eq(households.householdNo, householdNo)));
  return row;
}

export async function insertHousehold(db: Db, row: HouseholdInsert): Promise<number> {
  const [r] = await db.insert(households).values(row).returning({ id: households.id });
  return r.id;
}

/** Optimistic lock: the update only lands on the version the editor saw. */
export async function updateHousehold(
  db: Db,
  id: number,
  version: number,
  patch: Partial<HouseholdInsert>,
): Promise<boolean> {
  const rows = await db
    .update(households)
    .set({ ...patch, version: sql`${households.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(households.id, id), eq(households.version, version)))
    .returning({ id: households.id });
  return rows.length === 1;
}

export async function activeMembers(db: Db, householdId: number): Promise<MemberRecord[]> {
  const rows = await db
    .select({
      person: persons,
      membershipId: memberships.id,
      relationship: memberships.relationship,
      validFrom: memberships.validFrom,
    })
    .from(memberships)
    .innerJoin(persons, and(eq(persons.id, memberships.personId), eq(persons.countyCode, memberships.countyCode)))
    .where(and(eq(memberships.householdId, householdId), isNull(memberships.validTo)))
    .orderBy(asc(memberships.id));
  return rows.map((r) => ({
    ...r.person,
    membershipId: r.membershipId,
    relationship: r.relationship,
    validFrom: r.validFrom,
  }));
}

export async function findPersonsByHash(db: Db, countyCode: string, hashes: string[]): Promise<PersonRecord[]> {
  if (hashes.length === 0) return [];
  return db
    .select()
    .from(persons)
    .where(and(eq(persons.countyCode, countyCode), inArray(persons.idHash, hashes)));
}

/** Active memberships of these persons anywhere in the county, with the household number. */
export async function activeHouseholdsOf(db: Db, countyCode: string, personIds: number[]) {
  if (personIds.length === 0) return [];
  return db
    .select({ personId: memberships.personId, householdId: households.id, householdNo: households.householdNo })
    .from(memberships)
    .innerJoin(
      households,
      and(eq(households.id, memberships.householdId), eq(households.countyCode, memberships.countyCode)),
    )
    .where(
      and(
        eq(memberships.countyCode, countyCode),
        inArray(memberships.personId, personIds),
        isNull(memberships.validTo),
      ),
    );
}

export async function insertPerson(db: Db, row: PersonInsert): Promise<number> {
  const [r] = await db.insert(persons).values(row).returning({ id: persons.id });
  return r.id;
}

export async function updatePerson(db: Db, id: number, patch: Partial<PersonInsert>): Promise<void> {
  await db
    .update(persons)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(persons.id, id));
}

export async function endMemberships(db: Db, membershipIds: number[], on: string, reason: string): Promise<void> {
  if (membershipIds.length === 0) return;
  await db.update(memberships).set({ validTo: on, endReason: reason }).where(inArray(memberships.id, membershipIds));
}

export async function insertMemberships(db: Db, rows: (typeof memberships.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(memberships).values(rows);
}

export async function updateRelationship(db: Db, membershipId: number, relationship: string): Promise<void> {
  await db.update(memberships).set({ relationship }).where(eq(memberships.id, membershipId));
}

export async function incomesOf(db: Db, householdId: number): Promise<IncomeRecord[]> {
  return db
    .select()
    .from(householdIncomes)
    .where(eq(householdIncomes.householdId, householdId))
    .orderBy(desc(householdIncomes.year));
}

export async function upsertIncome(db: Db, row: IncomeInsert): Promise<void> {
  const { countyCode: _c, householdId: _h, year: _y, ...values } = row;
  await db
    .insert(householdIncomes)
    .values(row)
    .onConflictDoUpdate({
      target: [householdIncomes.householdId, householdIncomes.year],
      set: { ...values, updatedAt: sql`now()` },
    });
}

export async function insertChange(db: Db, row: ChangeInsert): Promise<void> {
  await db.insert(registryChanges).values(row);
}

export async function changesOf(db: Db, householdId: number): Promise<ChangeRecord[]> {
  return db
    .select()
    .from(registryChanges)
    .where(eq(registryChanges.householdId, householdId))
    .orderBy(desc(registryChanges.id));
}

export async function pendingChanges(db: Db, scopePrefix: string, limit: number) {
  return db
    .select({ change: registryChanges, householdNo: households.householdNo })
    .from(registryChanges)
    .innerJoin(
      households,
      and(eq(households.id, registryChanges.householdId), eq(households.countyCode, registryChanges.countyCode)),
    )
    .where(and(eq(registryChanges.reviewStatus, 'pending'), inScope(registryChanges.villageCode, { scopePrefix })))
    .orderBy(asc(registryChanges.id))
    .limit(limit);
}

export async function reviewChange(
  db: Db,
  id: number,
  scopePrefix: string,
  patch: Pick<ChangeInsert, 'reviewStatus' | 'reviewedBy' | 'reviewNote'>,
) {
  return db
    .update(registryChanges)
    .set({ ...patch, reviewedAt: sql`now()` })
    .where(
      and(
        eq(registryChanges.id, id),
        eq(registryChanges.reviewStatus, 'pending'),
        inScope(registryChanges.villageCode, { scopePrefix }),
      ),
    )
    .returning();
}
