import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { assetIncomes, assets } from '#server/db/schema/assets.ts';
import { deliberations } from '#server/db/schema/deliberation.ts';
import { orgUnits } from '#server/db/schema/org.ts';
import { projects } from '#server/db/schema/projects.ts';
import { inScope } from '#server/db/scope.ts';
import type { AssetSort } from '#common/contracts/assets.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { orderBy, pageWindow, type SortColumns } from '#server/lib/paging.ts';

export type AssetRecord = typeof assets.$inferSelect;
export type AssetInsert = typeof assets.$inferInsert;

export interface AssetFilter {
  category?: AssetRecord['category'];
  ownerLevel?: AssetRecord['ownerLevel'];
  orgPrefix?: string;
  status?: AssetRecord['status'];
  q?: string;
  id?: number;
}

const incomeSum =
  sql<number>`coalesce((SELECT sum(i.amount_fen) FROM asset_income i WHERE i.asset_id = ${assets.id}), 0)::bigint`.mapWith(
    Number,
  );
const townshipName = sql<
  string | null
>`(SELECT t.name FROM org_unit t WHERE t.code = substr(${assets.orgCode}, 1, 9) || '000')`;

const ASSET_SORT_COLUMNS: SortColumns<AssetSort> = {
  code: sql`${assets.code}`,
  name: sql`${assets.name}`,
  category: sql`${assets.category}`,
  orgCode: sql`${assets.orgCode}`,
  originYear: sql`${assets.originYear}`,
  originalValueFen: sql`${assets.originalValueFen}`,
  bookValueFen: sql`${assets.bookValueFen}`,
  incomeFen: incomeSum,
};

/** The one where-clause of the asset ledger: its page, its total and its export read the same rows. */
export function assetWhere(scopePrefix: string, f: AssetFilter): SQL {
  return and(
    inScope(assets.orgCode, { scopePrefix }),
    f.category ? eq(assets.category, f.category) : undefined,
    f.ownerLevel ? eq(assets.ownerLevel, f.ownerLevel) : undefined,
    f.status ? eq(assets.status, f.status) : undefined,
    f.orgPrefix ? sql`${assets.orgCode} LIKE ${f.orgPrefix + '%'}` : undefined,
    f.q ? sql`(${assets.name} LIKE ${'%' + f.q + '%'} OR ${assets.code} LIKE ${'%' + f.q + '%'})` : undefined,
    f.id ? eq(assets.id, f.id) : undefined,
  )!;
}

/** How many assets the filters match (all pages). */
export async function countAssets(db: Db, scopePrefix: string, f: AssetFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(assets)
    .where(assetWhere(scopePrefix, f));
  return row.n;
}

/**
 * The filtered assets: one numbered page when `page` is given, else all of them (no cap). Without a
 * sort key: by unit, then asset code.
 */
export async function listAssets(db: Db, scopePrefix: string, f: AssetFilter, q: PagingQuery<AssetSort> = {}) {
  const query = db
    .select({ a: assets, orgName: orgUnits.name, projectName: projects.name, incomeFen: incomeSum, townshipName })
    .from(assets)
    .leftJoin(orgUnits, eq(orgUnits.code, assets.orgCode))
    .leftJoin(projects, eq(projects.id, assets.projectId))
    .where(assetWhere(scopePrefix, f))
    .orderBy(
      q.sort
        ? orderBy(ASSET_SORT_COLUMNS, q, sql`${assets.id}`, 'code')
        : sql`${assets.orgCode} ASC, ${assets.code} ASC, ${assets.id} ASC`,
    );
  if (q.page === undefined) return query;
  const win = pageWindow(q);
  return query.limit(win.pageSize).offset(win.offset);
}

export async function findAsset(
  db: Db,
  id: number,
  scopePrefix: string,
  forUpdate = false,
): Promise<AssetRecord | undefined> {
  const q = db
    .select()
    .from(assets)
    .where(and(eq(assets.id, id), inScope(assets.orgCode, { scopePrefix })));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertAsset(tx: Db, values: AssetInsert): Promise<number> {
  const [row] = await tx.insert(assets).values(values).returning({ id: assets.id });
  return row.id;
}

export async function updateAsset(tx: Db, id: number, version: number, set: Partial<AssetInsert>): Promise<boolean> {
  const rows = await tx
    .update(assets)
    .set({ ...set, version: version + 1 })
    .where(and(eq(assets.id, id), eq(assets.version, version)))
    .returning({ id: assets.id });
  return rows.length === 1;
}

export async function nextAssetSerial(tx: Db, countyCode: string, prefix: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(assets)
    .where(and(eq(assets.countyCode, countyCode), sql`${assets.code} LIKE ${prefix + '%'}`));
  return (row?.n ?? 0) + 1;
}

export async function insertIncome(tx: Db, values: typeof assetIncomes.$inferInsert): Promise<number> {
  const [row] = await tx.insert(assetIncomes).values(values).returning({ id: assetIncomes.id });
  return row.id;
}

export async function incomesOf(db: Db, assetId: number) {
  return db
    .select({ i: assetIncomes, subject: deliberations.subject })
    .from(assetIncomes)
    .leftJoin(deliberations, eq(deliberations.id, assetIncomes.deliberationId))
    .where(eq(assetIncomes.assetId, assetId))
    .orderBy(desc(assetIncomes.receivedOn), desc(assetIncomes.id));
}

export async function summary(db: Db, scopePrefix: string) {
  const byCategory = await db
    .select({
      category: assets.category,
      count: sql<number>`count(*)::int`,
      originalValueFen: sql<number>`coalesce(sum(${assets.originalValueFen}),0)::bigint`.mapWith(Number),
      bookValueFen: sql<number>`coalesce(sum(${assets.bookValueFen}),0)::bigint`.mapWith(Number),
    })
    .from(assets)
    .where(and(inScope(assets.orgCode, { scopePrefix }), eq(assets.status, 'inUse')))
    .groupBy(assets.category);
  const byOwner = await db
    .select({
      ownerLevel: assets.ownerLevel,
      count: sql<number>`count(*)::int`,
      originalValueFen: sql<number>`coalesce(sum(${assets.originalValueFen}),0)::bigint`.mapWith(Number),
    })
    .from(assets)
    .where(and(inScope(assets.orgCode, { scopePrefix }), eq(assets.status, 'inUse')))
    .groupBy(assets.ownerLevel);
  return { byCategory, byOwner };
}
