import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PagingQuery } from '#common/contracts/paging.ts';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { socialPairingContributions, socialPairings } from '#server/db/schema/village-support.ts';
import { inScope } from '#server/db/scope.ts';
import { orderBy } from '#server/lib/paging.ts';

// SQL only. Every query takes the actor's scope prefix (org codes nest by prefix).

const p = socialPairings;
const c = socialPairingContributions;

const villageName = sql<string | null>`(SELECT o.name FROM org_unit o WHERE o.code = social_pairing.org_code)`;
const townshipName = sql<
  string | null
>`(SELECT o.name FROM org_unit o WHERE o.code = substr(social_pairing.org_code, 1, 9) || '000')`;
const fundsFen = sql<number>`(SELECT coalesce(sum(x.funds_fen), 0)::bigint FROM social_pairing_contribution x WHERE x.pairing_id = social_pairing.id)`;
const projects = sql<number>`(SELECT count(x.project_name)::int FROM social_pairing_contribution x WHERE x.pairing_id = social_pairing.id)`;
const jobs = sql<number>`(SELECT coalesce(sum(x.jobs), 0)::int FROM social_pairing_contribution x WHERE x.pairing_id = social_pairing.id)`;

export interface PairingFilter {
  id?: number;
  orgPrefix?: string;
  kind?: string;
  status?: 'active' | 'ended';
  q?: string;
}

/** The one where-clause of the pairing list: page, total, totals and export read the same rows. */
export function pairingWhere(scopePrefix: string, f: PairingFilter): SQL {
  const w: (SQL | undefined)[] = [
    inScope(p.orgCode, { scopePrefix }),
    f.id ? eq(p.id, f.id) : undefined,
    f.orgPrefix ? sql`${p.orgCode} LIKE ${f.orgPrefix + '%'}` : undefined,
    f.kind ? eq(p.kind, f.kind) : undefined,
    f.status === 'active' ? sql`${p.endedOn} IS NULL` : undefined,
    f.status === 'ended' ? sql`${p.endedOn} IS NOT NULL` : undefined,
    f.q
      ? sql`(${p.partnerName} LIKE ${'%' + f.q + '%'} OR ${p.leaderName} LIKE ${'%' + f.q + '%'} OR ${villageName} LIKE ${'%' + f.q + '%'})`
      : undefined,
  ];
  return and(...w)!;
}

const pairingSorts = {
  orgCode: sql`${p.orgCode}`,
  startedOn: sql`${p.startedOn}`,
  partnerName: sql`${p.partnerName}`,
  fundsFen,
};

export async function listPairings(
  db: Db,
  where: SQL,
  q: PagingQuery<keyof typeof pairingSorts>,
  w: { pageSize: number; offset: number },
) {
  return db
    .select({
      pairing: p,
      villageName,
      townshipName,
      fundsFen: fundsFen.mapWith(Number),
      projects,
      jobs,
    })
    .from(p)
    .where(where)
    .orderBy(orderBy(pairingSorts, q, sql`${p.id}`, 'orgCode'))
    .limit(w.pageSize)
    .offset(w.offset);
}

export async function countPairings(db: Db, where: SQL): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(p)
    .where(where);
  return r?.n ?? 0;
}

export interface TotalsDbRow {
  key: string;
  name: string | null;
  pairings: number;
  funds_fen: string | number;
  projects: number;
  jobs: number;
}

/** Totals of the pairings the where-clause selects, grouped by kind or by township. */
export async function totals(db: Db, where: SQL, by: 'kind' | 'township'): Promise<TotalsDbRow[]> {
  const key = by === 'kind' ? sql`social_pairing.kind` : sql`substr(social_pairing.org_code, 1, 9) || '000'`;
  const name =
    by === 'kind'
      ? sql`NULL::text`
      : sql`(SELECT o.name FROM org_unit o WHERE o.code = substr(social_pairing.org_code, 1, 9) || '000')`;
  return queryRows<TotalsDbRow>(
    db,
    sql`SELECT k.key, min(k.name) AS name, count(*)::int AS pairings, sum(k.funds_fen)::bigint AS funds_fen,
        sum(k.projects)::int AS projects, sum(k.jobs)::int AS jobs
      FROM (SELECT ${key} AS key, ${name} AS name, ${fundsFen} AS funds_fen, ${projects} AS projects, ${jobs} AS jobs
        FROM social_pairing WHERE ${where}) k
      GROUP BY k.key ORDER BY k.key`,
  );
}

export async function findPairing(db: Db, scopePrefix: string, id: number, forUpdate = false) {
  const q = db
    .select()
    .from(p)
    .where(and(eq(p.id, id), inScope(p.orgCode, { scopePrefix })));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function villageExists(db: Db, scopePrefix: string, orgCode: string): Promise<boolean> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`SELECT o.code FROM org_unit o WHERE o.code = ${orgCode} AND o.level = 'village' AND o.valid_to IS NULL AND ${inScope(sql`o.code`, { scopePrefix })}`,
  );
  return rows.length > 0;
}

export async function insertPairing(tx: Db, values: typeof p.$inferInsert): Promise<number> {
  const [row] = await tx.insert(p).values(values).returning({ id: p.id });
  return row.id;
}

export async function endPairing(tx: Db, id: number, endedOn: string) {
  await tx
    .update(p)
    .set({ endedOn })
    .where(and(eq(p.id, id), sql`${p.endedOn} IS NULL`));
}

export async function contributionsOf(db: Db, pairingIds: number[]) {
  if (pairingIds.length === 0) return [];
  return db
    .select()
    .from(c)
    .where(
      sql`${c.pairingId} IN (${sql.join(
        pairingIds.map((i) => sql`${i}`),
        sql`, `,
      )})`,
    )
    .orderBy(c.contributedOn, c.id);
}

export async function insertContribution(tx: Db, values: typeof c.$inferInsert): Promise<number> {
  const [row] = await tx.insert(c).values(values).returning({ id: c.id });
  return row.id;
}
