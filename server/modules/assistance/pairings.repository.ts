import { and, eq, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { PAIRING_SORTS, UNPAIRED_SORTS } from '#common/contracts/assistance.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { orderBy, type SortColumns } from '#server/lib/paging.ts';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { cadrePairings } from '#server/db/schema/assistance.ts';
import { orgUnits } from '#server/db/schema/org.ts';
import { containsPattern, headName, reachOf, type Reach } from './assistance.reach.ts';

// SQL of 结对帮扶 (cadre_pairing), the cadres one may pair and the monitored households without a cadre.

export type PairingRecord = typeof cadrePairings.$inferSelect;

export async function activePairingOf(db: Db, householdId: number): Promise<PairingRecord | undefined> {
  const [row] = await db
    .select()
    .from(cadrePairings)
    .where(and(eq(cadrePairings.householdId, householdId), isNull(cadrePairings.endOn)));
  return row;
}

export async function insertPairing(tx: Db, p: typeof cadrePairings.$inferInsert): Promise<number> {
  const [row] = await tx.insert(cadrePairings).values(p).returning({ id: cadrePairings.id });
  return row.id;
}

export async function endPairing(tx: Db, id: number, endOn: string, reason: string): Promise<boolean> {
  const rows = await tx
    .update(cadrePairings)
    .set({ endOn, endReason: reason })
    .where(and(eq(cadrePairings.id, id), isNull(cadrePairings.endOn)))
    .returning({ id: cadrePairings.id });
  return rows.length === 1;
}

export async function findPairing(db: Db, id: number, r: Reach) {
  const [row] = await listPairings(db, r, { id, activeOnly: false }, { page: 1, pageSize: 1 });
  return row;
}

export interface PairingFilter {
  id?: number;
  householdId?: number;
  cadreUserId?: number;
  activeOnly: boolean;
  orgPrefix?: string;
  /** Words in the cadre's name, the unit, the household number, the head's name or the village name. */
  q?: string;
}

const HOUSEHOLD_NO = sql<string>`(SELECT h.household_no FROM household h WHERE h.id = ${cadrePairings.householdId})`;
const HEAD_NAME = headName(sql`${cadrePairings.householdId}`);

const PAIRING_SORT_COLUMNS: SortColumns<(typeof PAIRING_SORTS)[number]> = {
  startOn: sql`${cadrePairings.startOn}`,
  householdNo: HOUSEHOLD_NO,
  cadreName: sql`${cadrePairings.cadreName}`,
  village: sql`${cadrePairings.villageCode}`,
};

/** The one where-clause of the pairing list: its page, its total and its export read the same rows. */
function pairingWhere(r: Reach, f: PairingFilter): SQL {
  const where: SQL[] = [reachOf(sql`${cadrePairings.householdId}`, sql`${cadrePairings.villageCode}`, r)];
  if (f.id) where.push(eq(cadrePairings.id, f.id));
  if (f.householdId) where.push(eq(cadrePairings.householdId, f.householdId));
  if (f.cadreUserId) where.push(eq(cadrePairings.cadreUserId, f.cadreUserId));
  if (f.activeOnly) where.push(isNull(cadrePairings.endOn));
  if (f.orgPrefix) where.push(like(cadrePairings.villageCode, f.orgPrefix + '%'));
  if (f.q) {
    const p = containsPattern(f.q);
    where.push(sql`(${cadrePairings.cadreName} LIKE ${p} OR ${cadrePairings.unit} LIKE ${p} OR ${HOUSEHOLD_NO} LIKE ${p}
      OR ${HEAD_NAME} LIKE ${p} OR ${orgUnits.name} LIKE ${p})`);
  }
  return and(...where)!;
}

/** How many pairings the filters match (all pages; the export writes as many rows). */
export async function countPairings(db: Db, r: Reach, f: PairingFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cadrePairings)
    .leftJoin(orgUnits, eq(orgUnits.code, cadrePairings.villageCode))
    .where(pairingWhere(r, f));
  return row.n;
}

/** One page of pairings; newest start first unless a sort is asked. */
export async function listPairings(
  db: Db,
  r: Reach,
  f: PairingFilter,
  p: PagingQuery<(typeof PAIRING_SORTS)[number]> & { page: number; pageSize: number },
) {
  const sorting = p.sort ? p : { sort: 'startOn' as const, order: 'desc' as const };
  return db
    .select({ pairing: cadrePairings, householdNo: HOUSEHOLD_NO, headName: HEAD_NAME, villageName: orgUnits.name })
    .from(cadrePairings)
    .leftJoin(orgUnits, eq(orgUnits.code, cadrePairings.villageCode))
    .where(pairingWhere(r, f))
    .orderBy(orderBy(PAIRING_SORT_COLUMNS, sorting, sql`${cadrePairings.id}`, 'startOn'))
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize);
}

export async function cadreUsers(db: Db, countyCode: string) {
  return queryRows<{ id: number; display_name: string; org_code: string; org_name: string | null }>(
    db,
    sql`SELECT u.id, u.display_name, u.org_code, o.name AS org_name FROM app_user u LEFT JOIN org_unit o ON o.code = u.org_code
      WHERE u.role = 'cadre' AND u.active AND u.org_code LIKE ${countyCode + '%'} ORDER BY u.display_name, u.id`,
  );
}

// ---------------------------------------------------------------- monitored households without a cadre

/** Monitored households in reach without an active 结对帮扶 cadre (县乡干部与监测对象结对帮扶, 沁发〔2021〕17号). */
function unpairedWhere(r: Reach, orgPrefix?: string): SQL {
  return sql`h.monitoring_status = 'monitored' AND h.closed_on IS NULL AND ${reachOf(sql`h.id`, sql`h.village_code`, r)}
    ${orgPrefix ? sql`AND h.village_code LIKE ${orgPrefix + '%'}` : sql``}
    AND NOT EXISTS (SELECT 1 FROM cadre_pairing cp WHERE cp.household_id = h.id AND cp.end_on IS NULL)`;
}

export async function countUnpaired(db: Db, r: Reach, orgPrefix?: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM household h WHERE ${unpairedWhere(r, orgPrefix)}`,
  );
  return row?.n ?? 0;
}

export interface UnpairedRow {
  householdId: number;
  householdNo: string;
  headName: string | null;
  villageCode: string;
  villageName: string | null;
  townshipName: string | null;
  identificationPeriod: string | null;
}

const UNPAIRED_SORT_COLUMNS: SortColumns<(typeof UNPAIRED_SORTS)[number]> = {
  householdNo: sql`h.household_no`,
  village: sql`h.village_code`,
  identified: sql`h.identification_period`,
};

/** One page of the households `countUnpaired` counts, by village and household number unless a sort is asked. */
export async function listUnpaired(
  db: Db,
  r: Reach,
  orgPrefix: string | undefined,
  p: PagingQuery<(typeof UNPAIRED_SORTS)[number]> & { page: number; pageSize: number },
): Promise<UnpairedRow[]> {
  const order = p.sort
    ? orderBy(UNPAIRED_SORT_COLUMNS, p, sql`h.id`, 'village')
    : sql`h.village_code, h.household_no, h.id`;
  return queryRows<UnpairedRow>(
    db,
    sql`SELECT h.id::int AS "householdId", h.household_no AS "householdNo",
        (SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
          WHERE m.household_id = h.id AND m.valid_to IS NULL AND m.relationship = 'head' LIMIT 1) AS "headName",
        h.village_code AS "villageCode", v.name AS "villageName", t.name AS "townshipName",
        h.identification_period AS "identificationPeriod"
      FROM household h LEFT JOIN org_unit v ON v.code = h.village_code LEFT JOIN org_unit t ON t.code = v.parent_code
      WHERE ${unpairedWhere(r, orgPrefix)} ORDER BY ${order} LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`,
  );
}
