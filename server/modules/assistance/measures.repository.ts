import { and, asc, desc, eq, gt, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { assistanceMeasures, measureSubtypes } from '#server/db/schema/assistance.ts';
import { orderBy, pageWindow, type SortColumns } from '#server/lib/paging.ts';
import type { MeasureSort } from '#common/contracts/assistance.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { headName, reachOf, type Reach } from './assistance.reach.ts';

// SQL of 帮扶措施 (assistance_measure) and the per-county sub-type code list (measure_subtype).

export type MeasureRecord = typeof assistanceMeasures.$inferSelect;

export async function insertMeasure(tx: Db, m: typeof assistanceMeasures.$inferInsert): Promise<number> {
  const [row] = await tx.insert(assistanceMeasures).values(m).returning({ id: assistanceMeasures.id });
  return row.id;
}

export async function updateMeasure(
  tx: Db,
  id: number,
  version: number,
  set: Partial<typeof assistanceMeasures.$inferInsert>,
): Promise<boolean> {
  const rows = await tx
    .update(assistanceMeasures)
    .set({ ...set, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(assistanceMeasures.id, id), eq(assistanceMeasures.version, version)))
    .returning({ id: assistanceMeasures.id });
  return rows.length === 1;
}

export interface MeasureFilter extends PagingQuery<MeasureSort> {
  id?: number;
  householdId?: number;
  orgPrefix?: string;
  category?: string;
  status?: string;
  afterId?: number;
  limit: number;
}

/** The one where-clause of the measure list: its page, its total and its export read the same rows. */
function measureWhere(r: Reach, f: Omit<MeasureFilter, 'afterId' | 'limit' | keyof PagingQuery>): SQL[] {
  const where: SQL[] = [reachOf(sql`${assistanceMeasures.householdId}`, sql`${assistanceMeasures.villageCode}`, r)];
  if (f.id) where.push(eq(assistanceMeasures.id, f.id));
  if (f.householdId) where.push(eq(assistanceMeasures.householdId, f.householdId));
  if (f.orgPrefix) where.push(like(assistanceMeasures.villageCode, f.orgPrefix + '%'));
  if (f.category) where.push(eq(assistanceMeasures.category, f.category));
  if (f.status) where.push(sql`${assistanceMeasures.status} = ${f.status}`);
  return where;
}

/** How many measures the filters match (all pages; the export writes as many rows). */
export async function countMeasures(
  db: Db,
  r: Reach,
  f: Omit<MeasureFilter, 'afterId' | 'limit' | keyof PagingQuery>,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(assistanceMeasures)
    .where(and(...measureWhere(r, f)));
  return row.n;
}

const MEASURE_SORT_COLUMNS: SortColumns<MeasureSort> = {
  id: sql`${assistanceMeasures.id}`,
  category: sql`${assistanceMeasures.category}`,
  startOn: sql`${assistanceMeasures.startOn}`,
  endOn: sql`${assistanceMeasures.endOn}`,
  amountFen: sql`${assistanceMeasures.amountFen}`,
  status: sql`${assistanceMeasures.status}`,
};

/**
 * Measures in scope: a numbered page (`page`, sorted by the whitelist) or the `limit` after the `afterId` cursor
 * (a household's own measures newest first).
 */
export async function listMeasures(db: Db, r: Reach, f: MeasureFilter) {
  const where = measureWhere(r, f);
  const numbered = f.page !== undefined;
  if (!numbered && f.afterId) where.push(gt(assistanceMeasures.id, f.afterId));
  const win = pageWindow(numbered ? f : { limit: f.limit });
  const order = numbered
    ? [orderBy(MEASURE_SORT_COLUMNS, f, sql`${assistanceMeasures.id}`, 'id')]
    : [f.householdId ? desc(assistanceMeasures.startOn) : asc(assistanceMeasures.id), asc(assistanceMeasures.id)];
  return db
    .select({
      measure: assistanceMeasures,
      householdNo: sql<
        string | null
      >`(SELECT h.household_no FROM household h WHERE h.id = ${assistanceMeasures.householdId})`,
      headName: headName(sql`${assistanceMeasures.householdId}`),
      subTypeLabel: measureSubtypes.labelZh,
      continuation: measureSubtypes.continuesAfterElimination,
    })
    .from(assistanceMeasures)
    .leftJoin(
      measureSubtypes,
      and(
        eq(measureSubtypes.countyCode, assistanceMeasures.countyCode),
        eq(measureSubtypes.category, assistanceMeasures.category),
        eq(measureSubtypes.code, assistanceMeasures.subType),
      ),
    )
    .where(and(...where))
    .orderBy(...order)
    .limit(win.pageSize)
    .offset(win.offset);
}

// ---------------------------------------------------------------- sub-types

export async function seedSubtypes(
  db: Db,
  countyCode: string,
  rows: Omit<typeof measureSubtypes.$inferInsert, 'countyCode'>[],
): Promise<void> {
  if (rows.length)
    await db
      .insert(measureSubtypes)
      .values(rows.map((r) => ({ ...r, countyCode })))
      .onConflictDoNothing();
}

export async function listSubtypes(db: Db, countyCode: string) {
  return db
    .select()
    .from(measureSubtypes)
    .where(eq(measureSubtypes.countyCode, countyCode))
    .orderBy(asc(measureSubtypes.category), asc(measureSubtypes.sort), asc(measureSubtypes.id));
}

export async function upsertSubtype(tx: Db, row: typeof measureSubtypes.$inferInsert) {
  const [saved] = await tx
    .insert(measureSubtypes)
    .values(row)
    .onConflictDoUpdate({
      target: [measureSubtypes.countyCode, measureSubtypes.category, measureSubtypes.code],
      set: {
        labelZh: row.labelZh,
        continuesAfterElimination: row.continuesAfterElimination,
        active: row.active,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  return saved;
}
