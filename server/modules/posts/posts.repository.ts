import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PagingQuery } from '#common/contracts/paging.ts';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { welfarePostHires, welfarePostMonths, welfarePosts } from '#server/db/schema/programmes.ts';
import { inScope } from '#server/db/scope.ts';
import { orderBy, type PageWindow } from '#server/lib/paging.ts';

// SQL only. Every query takes the actor's scope prefix (org codes nest by prefix).

const p = welfarePosts;
const h = welfarePostHires;

const villageName = (col: SQL) => sql<string | null>`(SELECT o.name FROM org_unit o WHERE o.code = ${col})`;
const townshipName = (col: SQL) =>
  sql<string | null>`(SELECT o.name FROM org_unit o WHERE o.code = substr(${col}, 1, 9) || '000')`;
const occupied = sql<number>`(SELECT count(*)::int FROM welfare_post_hire x WHERE x.post_id = welfare_post.id AND x.exited_on IS NULL)`;

export interface PostFilter {
  id?: number;
  orgPrefix?: string;
  postType?: string;
  status?: 'open' | 'closed';
  q?: string;
}

/** The one where-clause of the post list (page and total). */
export function postWhere(scopePrefix: string, f: PostFilter): SQL {
  const w: (SQL | undefined)[] = [
    inScope(p.orgCode, { scopePrefix }),
    f.id ? eq(p.id, f.id) : undefined,
    f.orgPrefix ? sql`${p.orgCode} LIKE ${f.orgPrefix + '%'}` : undefined,
    f.postType ? eq(p.postType, f.postType) : undefined,
    f.status ? eq(p.status, f.status) : undefined,
    f.q ? sql`${p.name} LIKE ${'%' + f.q + '%'}` : undefined,
  ];
  return and(...w)!;
}

const postSorts = {
  orgCode: sql`${p.orgCode}`,
  name: sql`${p.name}`,
  postType: sql`${p.postType}`,
  monthlySubsidyFen: sql`${p.monthlySubsidyFen}`,
};

export async function listPosts(db: Db, where: SQL, q: PagingQuery<keyof typeof postSorts>, w: PageWindow) {
  return db
    .select({
      post: p,
      villageName: villageName(sql`welfare_post.org_code`),
      townshipName: townshipName(sql`welfare_post.org_code`),
      assetName: sql<string | null>`(SELECT a.name FROM asset a WHERE a.id = welfare_post.asset_id)`,
      occupied,
    })
    .from(p)
    .where(where)
    .orderBy(orderBy(postSorts, q, sql`${p.id}`, 'orgCode'))
    .limit(w.pageSize)
    .offset(w.offset);
}

export async function countPosts(db: Db, where: SQL): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(p)
    .where(where);
  return r?.n ?? 0;
}

export async function findPost(db: Db, scopePrefix: string, id: number, forUpdate = false) {
  const q = db
    .select()
    .from(p)
    .where(and(eq(p.id, id), inScope(p.orgCode, { scopePrefix })));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertPost(tx: Db, values: typeof p.$inferInsert): Promise<number> {
  const [row] = await tx.insert(p).values(values).returning({ id: p.id });
  return row.id;
}

/** A photovoltaic asset of the asset ledger, in scope (the post's funding link). */
export async function photovoltaicAsset(db: Db, scopePrefix: string, id: number) {
  const rows = await queryRows<{ id: number; org_code: string; photovoltaic: boolean; status: string }>(
    db,
    sql`SELECT a.id, a.org_code, a.photovoltaic, a.status FROM asset a WHERE a.id = ${id} AND ${inScope(sql`a.org_code`, { scopePrefix })}`,
  );
  return rows[0];
}

// ------------------------------------------------------------------ hires

export interface HireFilter {
  id?: number;
  orgPrefix?: string;
  postType?: string;
  status?: 'active' | 'exited';
  postId?: number;
  householdId?: number;
  q?: string;
}

const personName = sql<string>`(SELECT pe.name FROM person pe WHERE pe.id = welfare_post_hire.person_id)`;
const paidFen = sql<number>`(SELECT coalesce(sum(m.subsidy_fen), 0)::bigint FROM welfare_post_month m WHERE m.hire_id = welfare_post_hire.id AND m.paid_on IS NOT NULL)`;

/** The one where-clause of the hire list: page, total and export read the same rows. */
export function hireWhere(scopePrefix: string, f: HireFilter): SQL {
  const w: (SQL | undefined)[] = [
    inScope(h.orgCode, { scopePrefix }),
    f.id ? eq(h.id, f.id) : undefined,
    f.orgPrefix ? sql`${h.orgCode} LIKE ${f.orgPrefix + '%'}` : undefined,
    f.postType ? sql`${p.postType} = ${f.postType}` : undefined,
    f.status === 'active' ? sql`${h.exitedOn} IS NULL` : undefined,
    f.status === 'exited' ? sql`${h.exitedOn} IS NOT NULL` : undefined,
    f.postId ? eq(h.postId, f.postId) : undefined,
    f.householdId ? eq(h.householdId, f.householdId) : undefined,
    f.q ? sql`(${personName} LIKE ${'%' + f.q + '%'} OR ${p.name} LIKE ${'%' + f.q + '%'})` : undefined,
  ];
  return and(...w)!;
}

const hireSorts = {
  hiredOn: sql`${h.hiredOn}`,
  orgCode: sql`${h.orgCode}`,
  personName,
  paidFen,
};

const hireColumns = {
  hire: h,
  postName: p.name,
  postType: p.postType,
  monthlySubsidyFen: p.monthlySubsidyFen,
  villageName: villageName(sql`welfare_post_hire.org_code`),
  householdNo: sql<
    string | null
  >`(SELECT hh.household_no FROM household hh WHERE hh.id = welfare_post_hire.household_id)`,
  personName,
  paidFen: paidFen.mapWith(Number),
  months: sql<number>`(SELECT count(*)::int FROM welfare_post_month m WHERE m.hire_id = welfare_post_hire.id)`,
};

export async function listHires(
  db: Db,
  where: SQL,
  q: PagingQuery<keyof typeof hireSorts>,
  w: { pageSize: number; offset: number },
) {
  return db
    .select(hireColumns)
    .from(h)
    .innerJoin(p, eq(p.id, h.postId))
    .where(where)
    .orderBy(orderBy(hireSorts, q, sql`${h.id}`, 'hiredOn'))
    .limit(w.pageSize)
    .offset(w.offset);
}

export async function countHires(db: Db, where: SQL): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(h)
    .innerJoin(p, eq(p.id, h.postId))
    .where(where);
  return r?.n ?? 0;
}

export async function findHire(db: Db, scopePrefix: string, id: number, forUpdate = false) {
  const q = db
    .select()
    .from(h)
    .where(and(eq(h.id, id), inScope(h.orgCode, { scopePrefix })));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertHire(tx: Db, values: typeof h.$inferInsert): Promise<number> {
  const [row] = await tx.insert(h).values(values).returning({ id: h.id });
  return row.id;
}

export async function endHire(
  tx: Db,
  id: number,
  set: { exitedOn: string; exitReason: string; exitNote: string | null },
) {
  const rows = await tx
    .update(h)
    .set(set)
    .where(and(eq(h.id, id), sql`${h.exitedOn} IS NULL`))
    .returning({ id: h.id });
  return rows.length === 1;
}

export async function monthsOf(db: Db, hireIds: number[]) {
  if (hireIds.length === 0) return [];
  return db
    .select()
    .from(welfarePostMonths)
    .where(
      sql`${welfarePostMonths.hireId} IN (${sql.join(
        hireIds.map((i) => sql`${i}`),
        sql`, `,
      )})`,
    )
    .orderBy(welfarePostMonths.period);
}

/** Insert or replace the month of a hire (a correction keeps one row per month; the audit keeps the old values). */
export async function upsertMonth(tx: Db, values: typeof welfarePostMonths.$inferInsert) {
  await tx
    .insert(welfarePostMonths)
    .values(values)
    .onConflictDoUpdate({
      target: [welfarePostMonths.hireId, welfarePostMonths.period],
      set: { daysWorked: values.daysWorked, subsidyFen: values.subsidyFen, paidOn: values.paidOn ?? null },
    });
}

// ------------------------------------------------------------------ people (registry tables, read only)

export interface PersonFacts {
  personId: number;
  name: string;
  birthDate: string | null;
  labourSkill: string;
  householdId: number;
  villageCode: string;
  countyCode: string;
  householdKind: 'alleviated' | 'ordinary';
  monitoringStatus: 'none' | 'monitored' | 'eliminated' | null;
}

const personFactsSql = sql`SELECT pe.id AS person_id, pe.name, pe.birth_date::text AS birth_date, pe.labour_skill,
  hh.id AS household_id, hh.village_code, hh.county_code, hh.kind, hh.monitoring_status
  FROM person pe JOIN membership m ON m.person_id = pe.id AND m.county_code = pe.county_code AND m.valid_to IS NULL
  JOIN household hh ON hh.id = m.household_id AND hh.county_code = m.county_code AND hh.closed_on IS NULL`;

type FactsRow = {
  person_id: number;
  name: string;
  birth_date: string | null;
  labour_skill: string;
  household_id: number;
  village_code: string;
  county_code: string;
  kind: 'alleviated' | 'ordinary';
  monitoring_status: 'none' | 'monitored' | 'eliminated' | null;
};
const toFacts = (r: FactsRow): PersonFacts => ({
  personId: Number(r.person_id),
  name: r.name,
  birthDate: r.birth_date,
  labourSkill: r.labour_skill,
  householdId: Number(r.household_id),
  villageCode: r.village_code,
  countyCode: r.county_code,
  householdKind: r.kind,
  monitoringStatus: r.monitoring_status,
});

/** A person in scope with his active household's facts. */
export async function personFacts(db: Db, scopePrefix: string, personId: number): Promise<PersonFacts | undefined> {
  const rows = await queryRows<FactsRow>(
    db,
    sql`${personFactsSql} WHERE pe.id = ${personId} AND ${inScope(sql`hh.village_code`, { scopePrefix })}`,
  );
  return rows[0] ? toFacts(rows[0]) : undefined;
}

/** A person by the ID number's lookup hash (imports). */
export async function personFactsByHash(db: Db, scopePrefix: string, countyCode: string, idHash: string) {
  const rows = await queryRows<FactsRow>(
    db,
    sql`${personFactsSql} WHERE pe.county_code = ${countyCode} AND pe.id_hash = ${idHash} AND ${inScope(sql`hh.village_code`, { scopePrefix })}`,
  );
  return rows[0] ? toFacts(rows[0]) : undefined;
}

export async function householdMembers(db: Db, scopePrefix: string, householdId: number) {
  return queryRows<{ person_id: number; name: string; birth_date: string | null; labour_skill: string }>(
    db,
    sql`SELECT pe.id AS person_id, pe.name, pe.birth_date::text AS birth_date, pe.labour_skill
      FROM membership m JOIN person pe ON pe.id = m.person_id AND pe.county_code = m.county_code JOIN household hh ON hh.id = m.household_id AND hh.county_code = m.county_code
      WHERE m.household_id = ${householdId} AND m.valid_to IS NULL AND ${inScope(sql`hh.village_code`, { scopePrefix })}
      ORDER BY m.id`,
  );
}

export async function householdInScope(db: Db, scopePrefix: string, householdId: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`SELECT hh.id FROM household hh WHERE hh.id = ${householdId} AND ${inScope(sql`hh.village_code`, { scopePrefix })}`,
  );
  return rows.length > 0;
}

/** Active hires of a household and of a person (locked: the eligibility check and the insert are one step). */
export async function activeHireCounts(tx: Db, householdId: number, personId: number) {
  const rows = await queryRows<{ household: number; person: number }>(
    tx,
    sql`SELECT count(*) FILTER (WHERE household_id = ${householdId})::int AS household,
      count(*) FILTER (WHERE person_id = ${personId})::int AS person
      FROM welfare_post_hire WHERE exited_on IS NULL AND (household_id = ${householdId} OR person_id = ${personId})`,
  );
  return { household: Number(rows[0]?.household ?? 0), person: Number(rows[0]?.person ?? 0) };
}

/** Serialise hires of one household (two hires at once must not both pass the per-household cap). */
export async function lockHousehold(tx: Db, householdId: number): Promise<void> {
  await tx.execute(sql`SELECT id FROM household WHERE id = ${householdId} FOR UPDATE`);
}

/** People on a post at the end of each given day, per org unit of the hire (the indicators' computed source). */
export async function hiresOnDays(db: Db, countyCode: string, days: readonly string[]) {
  if (days.length === 0) return [];
  const list = sql.join(
    days.map((d) => sql`(${d}::date)`),
    sql`, `,
  );
  const rows = await queryRows<{ org_code: string; day: string; n: number }>(
    db,
    sql`SELECT x.org_code, d.day::text AS day, count(*)::int AS n
      FROM welfare_post_hire x CROSS JOIN (VALUES ${list}) AS d(day)
      WHERE x.county_code = ${countyCode} AND x.hired_on <= d.day AND (x.exited_on IS NULL OR x.exited_on > d.day)
      GROUP BY 1, 2`,
  );
  return rows.map((r) => ({ orgCode: r.org_code, day: r.day, n: Number(r.n) }));
}
