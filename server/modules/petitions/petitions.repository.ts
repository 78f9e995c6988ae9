import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PagingQuery } from '#common/contracts/paging.ts';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { petitionEvents, petitionHouseholds, petitionSteps } from '#server/db/schema/petitions.ts';
import { inScope } from '#server/db/scope.ts';
import { orderBy } from '#server/lib/paging.ts';

// SQL only. Every query takes the actor's scope prefix (org codes nest by prefix). Reads org_unit for names and
// household/membership/person (registry) for a concerned household's 户编号 and head.

const e = petitionEvents;
const s = petitionSteps;
const h = petitionHouseholds;

const villageName = sql<string | null>`(SELECT o.name FROM org_unit o WHERE o.code = petition_event.org_code)`;
const townshipName = sql<
  string | null
>`(SELECT o.name FROM org_unit o WHERE o.code = substr(petition_event.org_code, 1, 9) || '000')`;
const householdCount = sql<number>`(SELECT count(*)::int FROM petition_household x WHERE x.event_id = petition_event.id)`;
const atRiskCount = sql<number>`(SELECT count(*)::int FROM petition_household x WHERE x.event_id = petition_event.id AND x.at_risk)`;

export interface PetitionFilter {
  id?: number;
  orgPrefix?: string;
  kind?: string;
  source?: string;
  level?: string;
  status?: 'open' | 'overdue' | 'closed';
  year?: number;
  householdId?: number;
  q?: string;
  /** The China day the overdue status is judged on. */
  today: string;
}

/** The one where-clause of the register: page, total and export read the same rows. Overdue: open past its deadline. */
export function petitionWhere(scopePrefix: string, f: PetitionFilter): SQL {
  const like = f.q ? '%' + f.q + '%' : '';
  const w: (SQL | undefined)[] = [
    inScope(e.orgCode, { scopePrefix }),
    f.id ? eq(e.id, f.id) : undefined,
    f.orgPrefix ? sql`${e.orgCode} LIKE ${f.orgPrefix + '%'}` : undefined,
    f.kind ? eq(e.kind, f.kind) : undefined,
    f.source ? eq(e.source, f.source) : undefined,
    f.level ? eq(e.level, f.level) : undefined,
    f.status === 'open' ? sql`${e.closedOn} IS NULL` : undefined,
    f.status === 'overdue' ? sql`${e.closedOn} IS NULL AND ${e.deadlineOn} < ${f.today}::date` : undefined,
    f.status === 'closed' ? sql`${e.closedOn} IS NOT NULL` : undefined,
    f.year
      ? sql`${e.receivedOn} >= ${`${f.year}-01-01`}::date AND ${e.receivedOn} <= ${`${f.year}-12-31`}::date`
      : undefined,
    f.householdId
      ? sql`EXISTS (SELECT 1 FROM petition_household x WHERE x.event_id = ${e.id} AND x.household_id = ${f.householdId})`
      : undefined,
    f.q
      ? sql`(${e.title} LIKE ${like} OR ${e.reference} LIKE ${like} OR ${e.petitioner} LIKE ${like} OR ${villageName} LIKE ${like})`
      : undefined,
  ];
  return and(...w)!;
}

const petitionSorts = {
  receivedOn: sql`${e.receivedOn}`,
  deadlineOn: sql`${e.deadlineOn}`,
  orgCode: sql`${e.orgCode}`,
  id: sql`${e.id}`,
};

export async function listPetitions(
  db: Db,
  where: SQL,
  q: PagingQuery<keyof typeof petitionSorts>,
  w: { pageSize: number; offset: number },
) {
  return db
    .select({ event: e, villageName, townshipName, households: householdCount, atRisk: atRiskCount })
    .from(e)
    .where(where)
    .orderBy(orderBy(petitionSorts, q, sql`${e.id}`, 'receivedOn'))
    .limit(w.pageSize)
    .offset(w.offset);
}
export type PetitionDbRow = Awaited<ReturnType<typeof listPetitions>>[number];

export async function countPetitions(db: Db, where: SQL): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(e)
    .where(where);
  return r?.n ?? 0;
}

export async function findEvent(db: Db, scopePrefix: string, id: number, forUpdate = false) {
  const q = db
    .select()
    .from(e)
    .where(and(eq(e.id, id), inScope(e.orgCode, { scopePrefix })));
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

export async function insertEvent(tx: Db, values: typeof e.$inferInsert): Promise<number> {
  const [row] = await tx.insert(e).values(values).returning({ id: e.id });
  return row.id;
}

export async function closeEvent(
  tx: Db,
  id: number,
  values: { closedOn: string; closureResult: string; closureNote: string },
): Promise<boolean> {
  const rows = await tx
    .update(e)
    .set(values)
    .where(and(eq(e.id, id), sql`${e.closedOn} IS NULL`))
    .returning({ id: e.id });
  return rows.length === 1;
}

export async function insertStep(tx: Db, values: typeof s.$inferInsert): Promise<number> {
  const [row] = await tx.insert(s).values(values).returning({ id: s.id });
  return row.id;
}

const idList = (ids: number[]) =>
  sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );

export async function stepsOf(db: Db, eventIds: number[]) {
  if (eventIds.length === 0) return [];
  return db
    .select()
    .from(s)
    .where(sql`${s.eventId} IN (${idList(eventIds)})`)
    .orderBy(s.stepOn, s.id);
}

const householdNo = sql<
  string | null
>`(SELECT hh.household_no FROM household hh WHERE hh.id = petition_household.household_id)`;
const headName = sql<
  string | null
>`(SELECT pe.name FROM membership m JOIN person pe ON pe.id = m.person_id AND pe.county_code = m.county_code WHERE m.household_id = petition_household.household_id AND m.valid_to IS NULL AND m.relationship = 'head' LIMIT 1)`;

export async function householdsOf(db: Db, eventIds: number[]) {
  if (eventIds.length === 0) return [];
  return db
    .select({ link: h, householdNo, headName })
    .from(h)
    .where(sql`${h.eventId} IN (${idList(eventIds)})`)
    .orderBy(h.id);
}

export async function findHouseholdLink(tx: Db, eventId: number, householdId: number, forUpdate = false) {
  const q = tx
    .select()
    .from(h)
    .where(and(eq(h.eventId, eventId), eq(h.householdId, householdId)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertHouseholdLink(tx: Db, values: typeof h.$inferInsert): Promise<number> {
  const [row] = await tx.insert(h).values(values).returning({ id: h.id });
  return row.id;
}

/** A household found at risk: the risks and the clue ids are added to what it had. */
export async function markAtRisk(tx: Db, linkId: number, riskTypes: string[], clueIds: number[]) {
  await tx
    .update(h)
    .set({
      atRisk: true,
      riskTypes: sql`(SELECT array_agg(DISTINCT r ORDER BY r) FROM unnest(${h.riskTypes} || ${sql`ARRAY[${sql.join(
        riskTypes.map((r) => sql`${r}`),
        sql`, `,
      )}]::text[]`}) r)`,
      clueIds: sql`(SELECT array_agg(DISTINCT c ORDER BY c) FROM unnest(${h.clueIds} || ${sql`ARRAY[${idList(clueIds)}]::bigint[]`}) c)`,
    })
    .where(eq(h.id, linkId));
}

export interface ZeroFilter {
  year: number;
  orgPrefix?: string;
  zero?: boolean;
}

export interface ZeroDbRow {
  org_code: string;
  village_name: string;
  township_code: string;
  township_name: string | null;
  petitions: number;
  public_opinion: number;
  open_petitions: number;
}

/** Open villages in scope with their 信访 and 舆情 counts in the year (零上访: no 信访 that year). */
function zeroBase(scopePrefix: string, f: ZeroFilter): SQL {
  const from = `${f.year}-01-01`;
  const to = `${f.year}-12-31`;
  return sql`SELECT v.code AS org_code, v.name AS village_name, substr(v.code, 1, 9) || '000' AS township_code,
      (SELECT t.name FROM org_unit t WHERE t.code = substr(v.code, 1, 9) || '000') AS township_name,
      count(pe.id) FILTER (WHERE pe.kind = 'petition')::int AS petitions,
      count(pe.id) FILTER (WHERE pe.kind = 'publicOpinion')::int AS public_opinion,
      count(pe.id) FILTER (WHERE pe.kind = 'petition' AND pe.closed_on IS NULL)::int AS open_petitions
    FROM org_unit v
    LEFT JOIN petition_event pe ON pe.org_code = v.code AND pe.received_on BETWEEN ${from}::date AND ${to}::date
    WHERE v.level = 'village' AND v.valid_to IS NULL AND ${inScope(sql`v.code`, { scopePrefix })}
      ${f.orgPrefix ? sql`AND v.code LIKE ${f.orgPrefix + '%'}` : sql``}
    GROUP BY v.code, v.name`;
}

function zeroWhere(f: ZeroFilter): SQL {
  if (f.zero === true) return sql`WHERE z.petitions = 0`;
  if (f.zero === false) return sql`WHERE z.petitions > 0`;
  return sql``;
}

export async function zeroPetitionRows(
  db: Db,
  scopePrefix: string,
  f: ZeroFilter,
  q: { sort?: 'orgCode' | 'petitions'; order?: 'asc' | 'desc' },
  w: { pageSize: number; offset: number },
): Promise<ZeroDbRow[]> {
  const dir = q.order === 'desc' ? sql`DESC` : sql`ASC`;
  const key = q.sort === 'petitions' ? sql`z.petitions` : sql`z.org_code`;
  return queryRows<ZeroDbRow>(
    db,
    sql`SELECT z.* FROM (${zeroBase(scopePrefix, f)}) z ${zeroWhere(f)}
      ORDER BY ${key} ${dir}, z.org_code ASC LIMIT ${w.pageSize} OFFSET ${w.offset}`,
  );
}

export async function zeroPetitionCount(db: Db, scopePrefix: string, f: ZeroFilter): Promise<number> {
  const [r] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (${zeroBase(scopePrefix, f)}) z ${zeroWhere(f)}`,
  );
  return r?.n ?? 0;
}

/** Per township of the villages (the 零上访 filter aside): villages, 零上访 villages, 信访 events. */
export async function zeroPetitionTownships(db: Db, scopePrefix: string, f: ZeroFilter) {
  return queryRows<{
    township_code: string;
    township_name: string | null;
    villages: number;
    zero_villages: number;
    petitions: number;
  }>(
    db,
    sql`SELECT z.township_code, min(z.township_name) AS township_name, count(*)::int AS villages,
        count(*) FILTER (WHERE z.petitions = 0)::int AS zero_villages, sum(z.petitions)::int AS petitions
      FROM (${zeroBase(scopePrefix, { ...f, zero: undefined })}) z
      GROUP BY z.township_code ORDER BY z.township_code`,
  );
}

/** The cockpit's 零上访村: per current village of the county, its 信访 events received in each year (the page's rows). */
export async function petitionsPerVillageAndYear(db: Db, countyPrefix: string, years: readonly number[]) {
  const out: { orgCode: string; year: number; petitions: number }[] = [];
  for (const year of years)
    for (const r of await queryRows<{ org_code: string; petitions: number }>(
      db,
      sql`SELECT z.org_code, z.petitions FROM (${zeroBase(countyPrefix, { year })}) z`,
    ))
      out.push({ orgCode: r.org_code, year, petitions: Number(r.petitions) });
  return out;
}

/** The first day a 信访 or 舆情 event of the county was received (null: the register is empty). */
export async function firstReceivedOn(db: Db, countyCode: string): Promise<string | null> {
  const [r] = await queryRows<{ first: string | null }>(
    db,
    sql`SELECT min(received_on)::text AS first FROM petition_event WHERE county_code = ${countyCode}`,
  );
  return r?.first ?? null;
}
