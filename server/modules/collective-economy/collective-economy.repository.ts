import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import { collectiveIncomes } from '#server/db/schema/collective-economy.ts';
import { inScope } from '#server/db/scope.ts';
import { orderBy } from '#server/lib/paging.ts';

// SQL only. Every query takes the actor's scope prefix. The list is over the villages (org_unit, level village, in
// force during the year) left-joined to their current entry of the year: a village that entered nothing is listed
// as 未填报.

const c = collectiveIncomes;

export interface VillageFilter {
  year: number;
  weakLineFen: number;
  orgPrefix?: string;
  status?: 'entered' | 'missing' | 'weak';
  q?: string;
}

const total = sql`(coalesce(c.asset_fen, 0) + coalesce(c.photovoltaic_fen, 0) + coalesce(c.land_fen, 0) + coalesce(c.operations_fen, 0) + coalesce(c.other_fen, 0))`;

/** FROM and WHERE of the village list: its page, its township totals and its export read the same rows. */
export function villageFrom(scopePrefix: string, f: VillageFilter): SQL {
  const conditions: SQL[] = [
    sql`o.level = 'village'`,
    inScope(sql`o.code`, { scopePrefix }),
    sql`o.valid_from <= ${`${f.year}-12-31`}::date`,
    sql`(o.valid_to IS NULL OR o.valid_to > ${`${f.year}-01-01`}::date)`,
  ];
  if (f.orgPrefix) conditions.push(sql`o.code LIKE ${f.orgPrefix + '%'}`);
  if (f.q) conditions.push(sql`o.name LIKE ${'%' + f.q + '%'}`);
  if (f.status === 'entered') conditions.push(sql`c.id IS NOT NULL`);
  if (f.status === 'missing') conditions.push(sql`c.id IS NULL`);
  if (f.status === 'weak') conditions.push(sql`c.id IS NOT NULL AND ${total} < ${f.weakLineFen}`);
  return sql`FROM org_unit o
    LEFT JOIN collective_income c ON c.org_code = o.code AND c.year = ${f.year} AND c.superseded_at IS NULL
    WHERE ${sql.join(conditions, sql` AND `)}`;
}

const sorts = { orgCode: sql`o.code`, totalFen: total };

export interface VillageRowDb {
  code: string;
  name: string;
  township_name: string | null;
  id: number | null;
  asset_fen: string | number | null;
  photovoltaic_fen: string | number | null;
  land_fen: string | number | null;
  operations_fen: string | number | null;
  other_fen: string | number | null;
  total_fen: string | number;
  note: string | null;
  created_at: string | Date | null;
}

export async function listVillages(
  db: Db,
  from: SQL,
  q: PagingQuery<keyof typeof sorts>,
  w: { pageSize: number; offset: number },
): Promise<VillageRowDb[]> {
  return queryRows<VillageRowDb>(
    db,
    sql`SELECT o.code, o.name,
        (SELECT t.name FROM org_unit t WHERE t.code = substr(o.code, 1, 9) || '000') AS township_name,
        c.id, c.asset_fen, c.photovoltaic_fen, c.land_fen, c.operations_fen, c.other_fen,
        ${total}::bigint AS total_fen, c.note, c.created_at
      ${from}
      ORDER BY ${orderBy(sorts, q, sql`o.code`, 'orgCode')}
      LIMIT ${w.pageSize} OFFSET ${w.offset}`,
  );
}

export async function townshipTotals(db: Db, from: SQL, weakLineFen: number) {
  const rows = await queryRows<{
    code: string;
    name: string | null;
    villages: number;
    entered: number;
    weak: number;
    total_fen: string | number;
  }>(
    db,
    sql`SELECT x.*, (SELECT t.name FROM org_unit t WHERE t.code = x.code) AS name FROM (
        SELECT substr(o.code, 1, 9) || '000' AS code,
          count(*)::int AS villages, count(c.id)::int AS entered,
          count(*) FILTER (WHERE c.id IS NOT NULL AND ${total} < ${weakLineFen})::int AS weak,
          coalesce(sum(${total}), 0)::bigint AS total_fen
        ${from}
        GROUP BY 1) x
      ORDER BY x.code`,
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    villages: r.villages,
    entered: r.entered,
    weak: r.weak,
    totalFen: Number(r.total_fen),
  }));
}

/** The village (level village, in scope), or undefined. */
export async function findVillage(db: Db, scopePrefix: string, code: string) {
  const rows = await queryRows<{ code: string; name: string; county_code: string; level: string }>(
    db,
    sql`SELECT code, name, county_code, level FROM org_unit o WHERE o.code = ${code} AND ${inScope(sql`o.code`, { scopePrefix })}`,
  );
  return rows[0];
}

export async function currentEntry(tx: Db, orgCode: string, year: number, forUpdate = false) {
  const q = tx
    .select()
    .from(c)
    .where(and(eq(c.orgCode, orgCode), eq(c.year, year), isNull(c.supersededAt)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function supersede(tx: Db, id: number): Promise<void> {
  await tx
    .update(c)
    .set({ supersededAt: sql`now()` })
    .where(eq(c.id, id));
}

export async function insertEntry(tx: Db, values: typeof c.$inferInsert): Promise<number> {
  const [row] = await tx.insert(c).values(values).returning({ id: c.id });
  return row.id;
}

export async function entriesOf(db: Db, orgCode: string) {
  return db
    .select({
      entry: c,
      createdByName: sql<string | null>`(SELECT u.display_name FROM app_user u WHERE u.id = ${c.createdBy})`,
    })
    .from(c)
    .where(eq(c.orgCode, orgCode))
    .orderBy(desc(c.year), desc(c.id));
}

/** Current totals per village of a year within a prefix (fen): what other modules read through index.ts. */
export async function villageTotals(db: Db, scopePrefix: string, year: number) {
  const rows = await queryRows<{ org_code: string; total_fen: string | number }>(
    db,
    sql`SELECT c.org_code, ${total}::bigint AS total_fen FROM collective_income c
      WHERE c.year = ${year} AND c.superseded_at IS NULL AND ${inScope(sql`c.org_code`, { scopePrefix })}`,
  );
  return new Map(rows.map((r) => [r.org_code, Number(r.total_fen)]));
}

/** Current totals per village and year of a county, for the years asked (the indicators' computed source). */
export async function countyTotalsByYear(db: Db, countyCode: string, years: number[]) {
  if (years.length === 0) return [];
  const rows = await queryRows<{ org_code: string; year: number; total_fen: string | number }>(
    db,
    sql`SELECT c.org_code, c.year::int AS year, ${total}::bigint AS total_fen FROM collective_income c
      WHERE c.county_code = ${countyCode} AND c.superseded_at IS NULL
        AND c.year IN (${sql.join(
          years.map((y) => sql`${y}`),
          sql`, `,
        )})`,
  );
  return rows.map((r) => ({ orgCode: r.org_code, year: r.year, totalFen: Number(r.total_fen) }));
}
