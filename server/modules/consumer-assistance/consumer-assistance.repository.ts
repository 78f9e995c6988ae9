import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import { consumerOutlets, consumerProducts, consumerSales } from '#server/db/schema/consumer-assistance.ts';
import { inScope } from '#server/db/scope.ts';
import { orderBy } from '#server/lib/paging.ts';

// SQL only. Every query takes the actor's scope prefix (org codes nest by prefix).

const o = consumerOutlets;
const p = consumerProducts;
const s = consumerSales;

const orgName = (col: SQL) => sql<string | null>`(SELECT u.name FROM org_unit u WHERE u.code = ${col})`;
type Window = { pageSize: number; offset: number };

// ------------------------------------------------------------------ outlets

export interface OutletFilter {
  id?: number;
  kind?: string;
  status?: 'open' | 'closed';
  orgPrefix?: string;
  q?: string;
  today: string;
}

/** The one where-clause of the outlet list: page, total and export read the same rows. */
export function outletWhere(scopePrefix: string, f: OutletFilter): SQL {
  const w: (SQL | undefined)[] = [
    inScope(o.orgCode, { scopePrefix }),
    f.id ? eq(o.id, f.id) : undefined,
    f.kind ? eq(o.kind, f.kind as 'pavilion') : undefined,
    f.status === 'open' ? sql`(${o.closedOn} IS NULL OR ${o.closedOn} > ${f.today})` : undefined,
    f.status === 'closed' ? sql`${o.closedOn} <= ${f.today}` : undefined,
    f.orgPrefix ? sql`${o.orgCode} LIKE ${f.orgPrefix + '%'}` : undefined,
    f.q
      ? sql`(${o.name} LIKE ${'%' + f.q + '%'} OR ${o.location} LIKE ${'%' + f.q + '%'} OR ${o.operator} LIKE ${'%' + f.q + '%'})`
      : undefined,
  ];
  return and(...w)!;
}

const salesYear = (year: number) =>
  sql<number>`(SELECT coalesce(sum(x.amount_fen), 0)::bigint FROM consumer_sale x WHERE x.outlet_id = consumer_outlet.id AND x.period LIKE ${year + '-%'})`.mapWith(
    Number,
  );
const salesTotal =
  sql<number>`(SELECT coalesce(sum(x.amount_fen), 0)::bigint FROM consumer_sale x WHERE x.outlet_id = consumer_outlet.id)`.mapWith(
    Number,
  );

const outletSorts = (year: number) => ({
  openedOn: sql`${o.openedOn}`,
  orgCode: sql`${o.orgCode}`,
  kind: sql`${o.kind}`,
  salesYearFen: salesYear(year),
});

export async function listOutlets(
  db: Db,
  where: SQL,
  q: PagingQuery<'openedOn' | 'orgCode' | 'kind' | 'salesYearFen'>,
  w: Window,
  year: number,
) {
  return db
    .select({
      outlet: o,
      orgName: orgName(sql`consumer_outlet.org_code`),
      salesYearFen: salesYear(year),
      salesTotalFen: salesTotal,
    })
    .from(o)
    .where(where)
    .orderBy(orderBy(outletSorts(year), q, sql`${o.id}`, 'openedOn'))
    .limit(w.pageSize)
    .offset(w.offset);
}

export async function countOutlets(db: Db, where: SQL): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(o)
    .where(where);
  return r?.n ?? 0;
}

/** Every outlet in scope (unit, kind and dates) for the progress against the targets and the cockpit's counts. */
export async function outletSpans(db: Db, scopePrefix: string) {
  return db
    .select({ orgCode: o.orgCode, kind: o.kind, openedOn: o.openedOn, closedOn: o.closedOn })
    .from(o)
    .where(inScope(o.orgCode, { scopePrefix }));
}

/** The county's current units an outlet may belong to (county, townships, villages), for the cockpit's zeros. */
export async function outletUnits(db: Db, countyCode: string): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`SELECT code FROM org_unit WHERE county_code = ${countyCode} AND valid_to IS NULL
          AND level IN ('county', 'township', 'village')`,
  );
  return rows.map((r) => r.code);
}

export async function findOutlet(db: Db, scopePrefix: string, id: number, forUpdate = false) {
  const q = db
    .select()
    .from(o)
    .where(and(eq(o.id, id), inScope(o.orgCode, { scopePrefix })));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertOutlet(tx: Db, values: typeof o.$inferInsert): Promise<number> {
  const [row] = await tx.insert(o).values(values).returning({ id: o.id });
  return row.id;
}

export async function closeOutlet(tx: Db, id: number, closedOn: string, note: string | null) {
  await tx
    .update(o)
    .set({ closedOn, closeNote: note, version: sql`${o.version} + 1` })
    .where(eq(o.id, id));
}

// ------------------------------------------------------------------ products

export interface ProductFilter {
  id?: number;
  supplierKind?: string;
  category?: string;
  orgPrefix?: string;
  householdId?: number;
  q?: string;
}

const headName = sql<
  string | null
>`(SELECT pe.name FROM membership m JOIN person pe ON pe.id = m.person_id AND pe.county_code = m.county_code WHERE m.household_id = consumer_product.household_id AND m.valid_to IS NULL AND m.relationship = 'head' LIMIT 1)`;

export function productWhere(scopePrefix: string, f: ProductFilter): SQL {
  const w: (SQL | undefined)[] = [
    inScope(p.orgCode, { scopePrefix }),
    f.id ? eq(p.id, f.id) : undefined,
    f.supplierKind ? eq(p.supplierKind, f.supplierKind as 'household') : undefined,
    f.category ? eq(p.category, f.category) : undefined,
    f.orgPrefix ? sql`${p.orgCode} LIKE ${f.orgPrefix + '%'}` : undefined,
    f.householdId ? eq(p.householdId, f.householdId) : undefined,
    f.q ? sql`(${p.name} LIKE ${'%' + f.q + '%'} OR ${p.supplierName} LIKE ${'%' + f.q + '%'})` : undefined,
  ];
  return and(...w)!;
}

const productSales =
  sql<number>`(SELECT coalesce(sum(x.amount_fen), 0)::bigint FROM consumer_sale x WHERE x.product_id = consumer_product.id)`.mapWith(
    Number,
  );
const productSorts = { name: sql`${p.name}`, orgCode: sql`${p.orgCode}`, salesTotalFen: productSales };

export async function listProducts(db: Db, where: SQL, q: PagingQuery<keyof typeof productSorts>, w: Window) {
  return db
    .select({
      product: p,
      orgName: orgName(sql`consumer_product.org_code`),
      householdNo: sql<
        string | null
      >`(SELECT hh.household_no FROM household hh WHERE hh.id = consumer_product.household_id)`,
      headName,
      salesTotalFen: productSales,
    })
    .from(p)
    .where(where)
    .orderBy(orderBy(productSorts, q, sql`${p.id}`, 'orgCode'))
    .limit(w.pageSize)
    .offset(w.offset);
}

export async function countProducts(db: Db, where: SQL): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(p)
    .where(where);
  return r?.n ?? 0;
}

export async function insertProduct(tx: Db, values: typeof p.$inferInsert): Promise<number> {
  const [row] = await tx.insert(p).values(values).returning({ id: p.id });
  return row.id;
}

/** The supplying household's facts, in scope. */
export async function householdFacts(db: Db, scopePrefix: string, id: number) {
  const rows = await queryRows<{
    id: number;
    county_code: string;
    village_code: string;
    kind: string;
    monitoring_status: string | null;
    closed_on: string | null;
  }>(
    db,
    sql`SELECT h.id, h.county_code, h.village_code, h.kind, h.monitoring_status, h.closed_on FROM household h
      WHERE h.id = ${id} AND ${inScope(sql`h.village_code`, { scopePrefix })}`,
  );
  return rows[0];
}

export async function supplierCounts(db: Db, scopePrefix: string) {
  const [r] = await queryRows<{ households: number; cooperatives: number }>(
    db,
    sql`SELECT count(DISTINCT household_id)::int AS households,
        count(DISTINCT supplier_name) FILTER (WHERE supplier_kind = 'cooperative')::int AS cooperatives
      FROM consumer_product WHERE ${inScope(sql`org_code`, { scopePrefix })}`,
  );
  return r ?? { households: 0, cooperatives: 0 };
}

// ------------------------------------------------------------------ sales

export interface SaleFilter {
  year?: number;
  period?: string;
  outletId?: number;
  productId?: number;
  orgPrefix?: string;
}

export function saleWhere(scopePrefix: string, f: SaleFilter): SQL {
  const w: (SQL | undefined)[] = [
    inScope(s.orgCode, { scopePrefix }),
    f.year ? sql`${s.period} LIKE ${f.year + '-%'}` : undefined,
    f.period ? eq(s.period, f.period) : undefined,
    f.outletId ? eq(s.outletId, f.outletId) : undefined,
    f.productId ? eq(s.productId, f.productId) : undefined,
    f.orgPrefix ? sql`${s.orgCode} LIKE ${f.orgPrefix + '%'}` : undefined,
  ];
  return and(...w)!;
}

const saleSorts = { period: sql`${s.period}`, amountFen: sql`${s.amountFen}` };

export async function listSales(db: Db, where: SQL, q: PagingQuery<keyof typeof saleSorts>, w: Window) {
  return db
    .select({
      sale: s,
      outletName: o.name,
      outletKind: o.kind,
      productName: p.name,
      supplierKind: p.supplierKind,
      supplierName: sql<
        string | null
      >`coalesce(${p.supplierName}, (SELECT pe.name FROM membership m JOIN person pe ON pe.id = m.person_id AND pe.county_code = m.county_code WHERE m.household_id = ${p.householdId} AND m.valid_to IS NULL AND m.relationship = 'head' LIMIT 1))`,
    })
    .from(s)
    .innerJoin(o, eq(o.id, s.outletId))
    .innerJoin(p, eq(p.id, s.productId))
    .where(where)
    .orderBy(orderBy(saleSorts, q, sql`${s.id}`, 'period'))
    .limit(w.pageSize)
    .offset(w.offset);
}

export async function saleTotals(db: Db, where: SQL) {
  const [r] = await db
    .select({
      n: sql<number>`count(*)::int`,
      fen: sql<number>`coalesce(sum(${s.amountFen}), 0)::bigint`.mapWith(Number),
    })
    .from(s)
    .where(where);
  return { count: r?.n ?? 0, totalFen: r?.fen ?? 0 };
}

export async function salesByMonth(db: Db, scopePrefix: string, year: number) {
  const rows = await db
    .select({ period: s.period, amountFen: sql<number>`sum(${s.amountFen})::bigint`.mapWith(Number) })
    .from(s)
    .where(saleWhere(scopePrefix, { year }))
    .groupBy(s.period)
    .orderBy(s.period);
  return rows;
}

export async function findSale(tx: Db, outletId: number, productId: number, period: string) {
  const [row] = await tx
    .select()
    .from(s)
    .where(and(eq(s.outletId, outletId), eq(s.productId, productId), eq(s.period, period)))
    .for('update');
  return row;
}

export async function upsertSale(tx: Db, values: typeof s.$inferInsert): Promise<number> {
  const [row] = await tx
    .insert(s)
    .values(values)
    .onConflictDoUpdate({
      target: [s.outletId, s.productId, s.period],
      set: { amountFen: values.amountFen, updatedAt: sql`now()`, createdBy: values.createdBy },
    })
    .returning({ id: s.id });
  return row.id;
}
