import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import { relocatedHouseholds, relocationSites } from '#server/db/schema/relocation.ts';
import { orderBy, type PageWindow } from '#server/lib/paging.ts';

// SQL only. Sites are scoped by their own org code, relocated households by the household's village code (org_code),
// both with the actor's prefix.

const like = (col: SQL, prefix: string) => (prefix === '' ? sql`true` : sql`${col} LIKE ${prefix + '%'}`);

export function siteWhere(scopePrefix: string, orgPrefix: string | undefined): SQL {
  return sql`${like(sql`s.org_code`, scopePrefix)} AND ${orgPrefix ? like(sql`s.org_code`, orgPrefix) : sql`true`}`;
}

export async function countSites(db: Db, where: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM relocation_site s WHERE ${where}`,
  );
  return Number(row.n);
}

export interface SiteDbRow {
  id: number;
  org_code: string;
  org_name: string | null;
  name: string;
  planned_households: number;
  planned_people: number | null;
  completed_on: string | null;
  note: string | null;
}

export async function listSites(
  db: Db,
  where: SQL,
  w: PageWindow,
  q: PagingQuery<'name' | 'village'>,
): Promise<SiteDbRow[]> {
  return queryRows<SiteDbRow>(
    db,
    sql`SELECT s.id, s.org_code, (SELECT o.name FROM org_unit o WHERE o.code = s.org_code) AS org_name, s.name,
        s.planned_households, s.planned_people, s.completed_on::text AS completed_on, s.note
      FROM relocation_site s WHERE ${where}
      ORDER BY ${orderBy({ name: sql`s.name`, village: sql`s.org_code` }, q, sql`s.id`, 'village')}
      LIMIT ${w.pageSize} OFFSET ${w.offset}`,
  );
}

export async function findSite(db: Db, id: number) {
  const [row] = await db.select().from(relocationSites).where(eq(relocationSites.id, id));
  return row;
}

export async function siteNameTaken(db: Db, countyCode: string, name: string): Promise<boolean> {
  const rows = await db
    .select({ id: relocationSites.id })
    .from(relocationSites)
    .where(and(eq(relocationSites.countyCode, countyCode), eq(relocationSites.name, name)));
  return rows.length > 0;
}

export async function insertSite(tx: Db, values: typeof relocationSites.$inferInsert): Promise<number> {
  const [row] = await tx.insert(relocationSites).values(values).returning({ id: relocationSites.id });
  return row.id;
}

export interface RelocatedDbRow {
  id: number;
  household_id: number;
  household_no: string;
  head_name: string | null;
  village_code: string;
  village_name: string | null;
  site_id: number;
  site_name: string;
  moved_on: string;
}

/** Active relocations of households in scope (open households), optionally of one site or one household. */
export async function relocatedRows(
  db: Db,
  f: { scopePrefix: string; orgPrefix?: string; siteIds?: readonly number[]; householdId?: number },
): Promise<RelocatedDbRow[]> {
  const sites =
    f.siteIds === undefined
      ? sql`true`
      : f.siteIds.length === 0
        ? sql`false`
        : sql`r.site_id IN (${sql.join(
            f.siteIds.map((id) => sql`${id}`),
            sql`, `,
          )})`;
  return queryRows<RelocatedDbRow>(
    db,
    sql`SELECT r.id, r.household_id, h.household_no,
        (SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
          WHERE m.household_id = h.id AND m.valid_to IS NULL AND m.relationship = 'head' LIMIT 1) AS head_name,
        h.village_code, (SELECT o.name FROM org_unit o WHERE o.code = h.village_code) AS village_name,
        r.site_id, s.name AS site_name, r.moved_on::text AS moved_on
      FROM relocated_household r JOIN household h ON h.id = r.household_id AND h.county_code = r.county_code JOIN relocation_site s ON s.id = r.site_id
      WHERE r.ended_on IS NULL AND h.closed_on IS NULL AND ${like(sql`r.org_code`, f.scopePrefix)}
        AND ${f.orgPrefix ? like(sql`r.org_code`, f.orgPrefix) : sql`true`} AND ${sites}
        AND ${f.householdId === undefined ? sql`true` : sql`r.household_id = ${f.householdId}`}
      ORDER BY h.household_no, r.id`,
  );
}

/** An open household in scope, for a new relocation. */
export async function householdInScope(db: Db, scopePrefix: string, householdId: number) {
  const [row] = await queryRows<{ id: number; village_code: string; county_code: string }>(
    db,
    sql`SELECT h.id, h.village_code, h.county_code FROM household h
      WHERE h.id = ${householdId} AND h.closed_on IS NULL AND ${like(sql`h.village_code`, scopePrefix)}`,
  );
  return row;
}

export async function activeRelocationOf(db: Db, countyCode: string, householdId: number) {
  const [row] = await db
    .select()
    .from(relocatedHouseholds)
    .where(
      and(
        eq(relocatedHouseholds.countyCode, countyCode),
        eq(relocatedHouseholds.householdId, householdId),
        isNull(relocatedHouseholds.endedOn),
      ),
    );
  return row;
}

export async function insertRelocated(tx: Db, values: typeof relocatedHouseholds.$inferInsert): Promise<number> {
  const [row] = await tx.insert(relocatedHouseholds).values(values).returning({ id: relocatedHouseholds.id });
  return row.id;
}

/** The villages (communities) holding a relocation site, in scope: for other modules (驻村工作队 required at 安置点). */
export async function siteVillages(db: Db, scopePrefix: string): Promise<{ orgCode: string; siteName: string }[]> {
  const rows = await queryRows<{ org_code: string; name: string }>(
    db,
    sql`SELECT s.org_code, s.name FROM relocation_site s WHERE ${like(sql`s.org_code`, scopePrefix)} ORDER BY s.org_code, s.id`,
  );
  return rows.map((r) => ({ orgCode: r.org_code, siteName: r.name }));
}

/** Active relocations of a county's open households with their village (the indicators' computed source). */
export async function relocatedOfCounty(db: Db, countyCode: string) {
  return queryRows<{ household_id: number; village_code: string; moved_on: string }>(
    db,
    sql`SELECT r.household_id, h.village_code, r.moved_on::text AS moved_on
      FROM relocated_household r JOIN household h ON h.id = r.household_id AND h.county_code = r.county_code
      WHERE r.county_code = ${countyCode} AND r.ended_on IS NULL AND h.closed_on IS NULL`,
  );
}

/** A relocated-household entry in scope (by its household's village code), locked for an end or a correction. */
export async function relocatedForUpdate(tx: Db, scopePrefix: string, id: number) {
  const [row] = await queryRows<{
    id: number;
    county_code: string;
    org_code: string;
    site_id: number;
    household_id: number;
    moved_on: string;
    ended_on: string | null;
    note: string | null;
  }>(
    tx,
    sql`SELECT r.id, r.county_code, r.org_code, r.site_id, r.household_id, r.moved_on::text AS moved_on,
        r.ended_on::text AS ended_on, r.note
      FROM relocated_household r WHERE r.id = ${id} AND ${like(sql`r.org_code`, scopePrefix)} FOR UPDATE`,
  );
  return row;
}

/** Ends an active entry (the reason's code, then the free note after a newline); false when already ended. */
export async function endRelocated(tx: Db, id: number, endedOn: string, endReason: string): Promise<boolean> {
  const rows = await tx
    .update(relocatedHouseholds)
    .set({ endedOn, endReason })
    .where(and(eq(relocatedHouseholds.id, id), isNull(relocatedHouseholds.endedOn)))
    .returning({ id: relocatedHouseholds.id });
  return rows.length === 1;
}

export interface RelocationEntryDbRow {
  id: number;
  site_id: number;
  site_name: string;
  moved_on: string;
  ended_on: string | null;
  end_reason: string | null;
  note: string | null;
}

/** Every entry of a household (active and ended), newest first. */
export async function entriesOfHousehold(db: Db, householdId: number): Promise<RelocationEntryDbRow[]> {
  return queryRows<RelocationEntryDbRow>(
    db,
    sql`SELECT r.id, r.site_id, s.name AS site_name, r.moved_on::text AS moved_on, r.ended_on::text AS ended_on,
        r.end_reason, r.note
      FROM relocated_household r JOIN relocation_site s ON s.id = r.site_id
      WHERE r.household_id = ${householdId}
      ORDER BY (r.ended_on IS NULL) DESC, r.id DESC`,
  );
}

/** A county's site by its exact name (a department sheet names the site). */
export async function siteByName(db: Db, countyCode: string, name: string) {
  const [row] = await db
    .select()
    .from(relocationSites)
    .where(and(eq(relocationSites.countyCode, countyCode), eq(relocationSites.name, name)));
  return row;
}

/** The open household in scope where a person (head or member, by ID hash) is an active member, with the name. */
export async function householdOfPerson(db: Db, scopePrefix: string, idHash: string) {
  const [row] = await queryRows<{
    household_id: number;
    household_no: string;
    village_code: string;
    county_code: string;
    person_name: string;
  }>(
    db,
    sql`SELECT h.id AS household_id, h.household_no, h.village_code, h.county_code, p.name AS person_name
      FROM person p JOIN membership m ON m.person_id = p.id AND m.county_code = p.county_code AND m.valid_to IS NULL
        JOIN household h ON h.id = m.household_id AND h.county_code = m.county_code AND h.closed_on IS NULL
      WHERE p.id_hash = ${idHash} AND ${like(sql`h.village_code`, scopePrefix)} LIMIT 1`,
  );
  return row;
}
