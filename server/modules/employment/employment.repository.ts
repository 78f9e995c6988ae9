import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { employmentFollowUps, employmentRecords, trainingRecords, workshops } from '#server/db/schema/employment.ts';
import { orderBy, type PageWindow } from '#server/lib/paging.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';

// SQL only. Every query takes a Reach: the actor's org prefix and, for a paired cadre, his user id (he reads
// only the households he is actively paired with, as in the assistance module).

export interface Reach {
  scopePrefix: string;
  cadreUserId: number | null;
}

export function reachSql(householdCol: SQL, villageCol: SQL, r: Reach): SQL {
  const scope = r.scopePrefix === '' ? sql`true` : sql`${villageCol} LIKE ${r.scopePrefix + '%'}`;
  if (r.cadreUserId === null) return scope;
  return sql`${scope} AND EXISTS (SELECT 1 FROM cadre_pairing cp WHERE cp.household_id = ${householdCol} AND cp.cadre_user_id = ${r.cadreUserId} AND cp.end_on IS NULL)`;
}

const villageName = (col: SQL) => sql<string | null>`(SELECT o.name FROM org_unit o WHERE o.code = ${col})`;
const householdNo = (col: SQL) => sql<string | null>`(SELECT h.household_no FROM household h WHERE h.id = ${col})`;
const personName = (col: SQL) => sql<string>`(SELECT p.name FROM person p WHERE p.id = ${col})`;

/** The active household of a person (not closed), for a new record. */
export async function personHousehold(db: Db, personId: number) {
  const rows = await queryRows<{ household_id: number; village_code: string; county_code: string }>(
    db,
    sql`SELECT h.id AS household_id, h.village_code, h.county_code FROM membership m JOIN household h ON h.id = m.household_id AND h.county_code = m.county_code
      WHERE m.person_id = ${personId} AND m.valid_to IS NULL AND h.closed_on IS NULL LIMIT 1`,
  );
  const r = rows[0];
  return r ? { householdId: Number(r.household_id), villageCode: r.village_code, countyCode: r.county_code } : null;
}

export async function householdInReach(db: Db, r: Reach, householdId: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`SELECT h.id FROM household h WHERE h.id = ${householdId} AND ${reachSql(sql`h.id`, sql`h.village_code`, r)}`,
  );
  return rows.length > 0;
}

// ---------------------------------------------------------------- jobs

export interface EmploymentFilter {
  id?: number;
  householdId?: number;
  orgPrefix?: string;
  placeKind?: string;
  current?: boolean;
  today?: string;
  q?: string;
}

/** The one where-clause of the job list: its page, its total and its export read the same rows. */
export function employmentWhere(r: Reach, f: EmploymentFilter): SQL {
  const e = employmentRecords;
  const where: SQL[] = [reachSql(sql`${e.householdId}`, sql`${e.villageCode}`, r)];
  if (f.id) where.push(eq(e.id, f.id));
  if (f.householdId) where.push(eq(e.householdId, f.householdId));
  if (f.orgPrefix) where.push(sql`${e.villageCode} LIKE ${f.orgPrefix + '%'}`);
  if (f.placeKind) where.push(sql`${e.placeKind} = ${f.placeKind}`);
  if (f.current && f.today) where.push(sql`(${e.endOn} IS NULL OR ${e.endOn} >= ${f.today})`);
  if (f.q)
    where.push(
      sql`(${e.place} LIKE ${'%' + f.q + '%'} OR ${e.employer} LIKE ${'%' + f.q + '%'} OR ${personName(sql`${e.personId}`)} LIKE ${'%' + f.q + '%'})`,
    );
  return and(...where)!;
}

const employmentSorts = {
  startOn: sql`${employmentRecords.startOn}`,
  village: sql`${employmentRecords.villageCode}`,
  personName: personName(sql`${employmentRecords.personId}`),
  monthlyIncomeFen: sql`${employmentRecords.monthlyIncomeFen}`,
  placeKind: sql`${employmentRecords.placeKind}`,
};

export async function countEmployment(db: Db, r: Reach, f: EmploymentFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(employmentRecords)
    .where(employmentWhere(r, f));
  return row.n;
}

export async function listEmployment(
  db: Db,
  r: Reach,
  f: EmploymentFilter,
  page: PageWindow,
  q: PagingQuery<keyof typeof employmentSorts>,
) {
  const e = employmentRecords;
  return db
    .select({
      e,
      householdNo: householdNo(sql`${e.householdId}`),
      personName: personName(sql`${e.personId}`),
      labourSkill: sql<string | null>`(SELECT p.labour_skill FROM person p WHERE p.id = ${e.personId})`,
      villageName: villageName(sql`${e.villageCode}`),
      workshopName: sql<string | null>`(SELECT w.name FROM employment_workshop w WHERE w.id = ${e.workshopId})`,
      lastFollowUpOn: sql<
        string | null
      >`(SELECT max(fu.on)::text FROM employment_follow_up fu WHERE fu.employment_id = ${e.id})`,
      lastFollowUpStatus: sql<
        string | null
      >`(SELECT fu.status FROM employment_follow_up fu WHERE fu.employment_id = ${e.id} ORDER BY fu.on DESC, fu.id DESC LIMIT 1)`,
    })
    .from(e)
    .where(employmentWhere(r, f))
    .orderBy(orderBy(employmentSorts, q, sql`${e.id}`, 'startOn'))
    .limit(page.pageSize)
    .offset(page.offset);
}

export async function findEmployment(db: Db, id: number, r: Reach, forUpdate = false) {
  const q = db.select().from(employmentRecords).where(employmentWhere(r, { id }));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertEmployment(tx: Db, values: typeof employmentRecords.$inferInsert): Promise<number> {
  const [row] = await tx.insert(employmentRecords).values(values).returning({ id: employmentRecords.id });
  return row.id;
}

export async function updateEmployment(
  tx: Db,
  id: number,
  version: number,
  set: Partial<typeof employmentRecords.$inferInsert>,
): Promise<boolean> {
  const rows = await tx
    .update(employmentRecords)
    .set({ ...set, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(employmentRecords.id, id), eq(employmentRecords.version, version)))
    .returning({ id: employmentRecords.id });
  return rows.length === 1;
}

export async function insertFollowUp(tx: Db, values: typeof employmentFollowUps.$inferInsert): Promise<number> {
  const [row] = await tx.insert(employmentFollowUps).values(values).returning({ id: employmentFollowUps.id });
  return row.id;
}

export async function followUpsOf(db: Db, employmentIds: number[]) {
  if (employmentIds.length === 0) return [];
  return db
    .select()
    .from(employmentFollowUps)
    .where(inArray(employmentFollowUps.employmentId, employmentIds))
    .orderBy(sql`${employmentFollowUps.on} DESC, ${employmentFollowUps.id} DESC`);
}

// ---------------------------------------------------------------- training

export interface TrainingFilter {
  householdId?: number;
  orgPrefix?: string;
  kind?: string;
  certified?: 'yes' | 'no';
  q?: string;
}

export function trainingWhere(r: Reach, f: TrainingFilter): SQL {
  const t = trainingRecords;
  const where: SQL[] = [reachSql(sql`${t.householdId}`, sql`${t.villageCode}`, r)];
  if (f.householdId) where.push(eq(t.householdId, f.householdId));
  if (f.orgPrefix) where.push(sql`${t.villageCode} LIKE ${f.orgPrefix + '%'}`);
  if (f.kind) where.push(sql`${t.kind} = ${f.kind}`);
  if (f.certified === 'yes') where.push(sql`${t.certificateKind} IS NOT NULL`);
  if (f.certified === 'no') where.push(sql`${t.certificateKind} IS NULL`);
  if (f.q)
    where.push(sql`(${t.course} LIKE ${'%' + f.q + '%'} OR ${personName(sql`${t.personId}`)} LIKE ${'%' + f.q + '%'})`);
  return and(...where)!;
}

const trainingSorts = {
  startOn: sql`${trainingRecords.startOn}`,
  village: sql`${trainingRecords.villageCode}`,
  personName: personName(sql`${trainingRecords.personId}`),
  kind: sql`${trainingRecords.kind}`,
};

export async function countTraining(db: Db, r: Reach, f: TrainingFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(trainingRecords)
    .where(trainingWhere(r, f));
  return row.n;
}

export async function listTraining(
  db: Db,
  r: Reach,
  f: TrainingFilter,
  page: PageWindow,
  q: PagingQuery<keyof typeof trainingSorts>,
) {
  const t = trainingRecords;
  return db
    .select({
      t,
      householdNo: householdNo(sql`${t.householdId}`),
      personName: personName(sql`${t.personId}`),
      villageName: villageName(sql`${t.villageCode}`),
    })
    .from(t)
    .where(trainingWhere(r, f))
    .orderBy(orderBy(trainingSorts, q, sql`${t.id}`, 'startOn'))
    .limit(page.pageSize)
    .offset(page.offset);
}

export async function insertTraining(tx: Db, values: typeof trainingRecords.$inferInsert): Promise<number> {
  const [row] = await tx.insert(trainingRecords).values(values).returning({ id: trainingRecords.id });
  return row.id;
}

// ---------------------------------------------------------------- workshops

export interface WorkshopFilter {
  id?: number;
  orgPrefix?: string;
  status?: string;
  q?: string;
}

export function workshopWhere(scopePrefix: string, f: WorkshopFilter): SQL {
  const w = workshops;
  const where: SQL[] = [scopePrefix === '' ? sql`true` : sql`${w.villageCode} LIKE ${scopePrefix + '%'}`];
  if (f.id) where.push(eq(w.id, f.id));
  if (f.orgPrefix) where.push(sql`${w.villageCode} LIKE ${f.orgPrefix + '%'}`);
  if (f.status) where.push(sql`${w.status} = ${f.status}`);
  if (f.q) where.push(sql`(${w.name} LIKE ${'%' + f.q + '%'} OR ${w.operator} LIKE ${'%' + f.q + '%'})`);
  return and(...where)!;
}

const workshopSorts = {
  name: sql`${workshops.name}`,
  village: sql`${workshops.villageCode}`,
  employeesTotal: sql`${workshops.employeesTotal}`,
  subsidyFen: sql`${workshops.subsidyFen}`,
};

export async function countWorkshops(db: Db, scopePrefix: string, f: WorkshopFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(workshops)
    .where(workshopWhere(scopePrefix, f));
  return row.n;
}

export async function listWorkshops(
  db: Db,
  scopePrefix: string,
  f: WorkshopFilter,
  page: PageWindow,
  q: PagingQuery<keyof typeof workshopSorts>,
) {
  const w = workshops;
  return db
    .select({ w, villageName: villageName(sql`${w.villageCode}`) })
    .from(w)
    .where(workshopWhere(scopePrefix, f))
    .orderBy(orderBy(workshopSorts, q, sql`${w.id}`, 'village'))
    .limit(page.pageSize)
    .offset(page.offset);
}

export async function findWorkshop(db: Db, id: number, scopePrefix: string, forUpdate = false) {
  const q = db.select().from(workshops).where(workshopWhere(scopePrefix, { id }));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertWorkshop(tx: Db, values: typeof workshops.$inferInsert): Promise<number> {
  const [row] = await tx.insert(workshops).values(values).returning({ id: workshops.id });
  return row.id;
}

export async function updateWorkshop(
  tx: Db,
  id: number,
  version: number,
  set: Partial<typeof workshops.$inferInsert>,
): Promise<boolean> {
  const rows = await tx
    .update(workshops)
    .set({ ...set, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(workshops.id, id), eq(workshops.version, version)))
    .returning({ id: workshops.id });
  return rows.length === 1;
}

// ---------------------------------------------------------------- people and their facts

export interface PersonFactsRow {
  person_id: number;
  household_id: number;
  name: string;
  relationship: string;
  labour_skill: string | null;
}

type PeopleFilter = { orgPrefix?: string; householdId?: number };

/** Active members of open 脱贫户 and monitored households in reach (the programme's people), or of one household. */
function peopleFrom(r: Reach, f: PeopleFilter): SQL {
  const filter = f.householdId
    ? sql`h.id = ${f.householdId}`
    : sql`(h.kind = 'alleviated' OR h.monitoring_status = 'monitored')`;
  return sql`FROM household h JOIN membership m ON m.household_id = h.id AND m.county_code = h.county_code AND m.valid_to IS NULL
      JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
      WHERE h.closed_on IS NULL AND ${filter} AND ${reachSql(sql`h.id`, sql`h.village_code`, r)}
      ${f.orgPrefix ? sql`AND h.village_code LIKE ${f.orgPrefix + '%'}` : sql``}`;
}

export async function programmePeople(db: Db, r: Reach, f: PeopleFilter) {
  return queryRows<PersonFactsRow>(
    db,
    sql`SELECT p.id AS person_id, h.id AS household_id, p.name, m.relationship, p.labour_skill
      ${peopleFrom(r, f)} ORDER BY h.id, (m.relationship = 'head') DESC, p.id`,
  );
}

/** Jobs and training of the same people (any household's records: a job follows the person). */
export async function factsOfPeople(db: Db, r: Reach, f: PeopleFilter) {
  const ids = sql`SELECT p.id ${peopleFrom(r, f)}`;
  const jobs = await queryRows<{ person_id: number; start_on: string; end_on: string | null; place_kind: string }>(
    db,
    sql`SELECT person_id, start_on::text AS start_on, end_on::text AS end_on, place_kind FROM employment_record WHERE person_id IN (${ids})`,
  );
  const trainings = await queryRows<{ person_id: number; certified: boolean }>(
    db,
    sql`SELECT person_id, bool_or(certificate_kind IS NOT NULL) AS certified FROM training_record WHERE person_id IN (${ids}) GROUP BY person_id`,
  );
  return { jobs, trainings };
}

/** Active members of the given open households with their jobs (any household's records), for another module's check. */
export async function membersAndJobsOf(db: Db, householdIds: readonly number[]) {
  if (householdIds.length === 0) return { members: [], jobs: [] };
  const ids = sql.join(
    householdIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const members = await queryRows<PersonFactsRow>(
    db,
    sql`SELECT p.id AS person_id, h.id AS household_id, p.name, m.relationship, p.labour_skill
      FROM household h JOIN membership m ON m.household_id = h.id AND m.county_code = h.county_code AND m.valid_to IS NULL JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
      WHERE h.id IN (${ids}) AND h.closed_on IS NULL ORDER BY h.id, (m.relationship = 'head') DESC, p.id`,
  );
  const jobs = await queryRows<{ person_id: number; start_on: string; end_on: string | null; place_kind: string }>(
    db,
    sql`SELECT e.person_id, e.start_on::text AS start_on, e.end_on::text AS end_on, e.place_kind FROM employment_record e
      WHERE e.person_id IN (SELECT m.person_id FROM membership m WHERE m.household_id IN (${ids}) AND m.valid_to IS NULL)`,
  );
  return { members, jobs };
}

/**
 * The programme's people of a whole county with their village, jobs and training (the indicators' computed source:
 * the same people as `programmePeople` — active members of open 脱贫户 and monitored households).
 */
export async function programmeFactsOfCounty(db: Db, countyCode: string) {
  const from = sql`FROM household h JOIN membership m ON m.household_id = h.id AND m.county_code = h.county_code AND m.valid_to IS NULL
      JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
      WHERE h.closed_on IS NULL AND h.county_code = ${countyCode}
        AND (h.kind = 'alleviated' OR h.monitoring_status = 'monitored')`;
  const people = await queryRows<{ person_id: number; village_code: string; labour_skill: string | null }>(
    db,
    sql`SELECT p.id AS person_id, h.village_code, p.labour_skill ${from}`,
  );
  const ids = sql`SELECT p.id ${from}`;
  const jobs = await queryRows<{ person_id: number; start_on: string; end_on: string | null; place_kind: string }>(
    db,
    sql`SELECT person_id, start_on::text AS start_on, end_on::text AS end_on, place_kind FROM employment_record WHERE person_id IN (${ids})`,
  );
  const trainings = await queryRows<{ person_id: number; certified: boolean }>(
    db,
    sql`SELECT person_id, bool_or(certificate_kind IS NOT NULL) AS certified FROM training_record WHERE person_id IN (${ids}) GROUP BY person_id`,
  );
  return { people, jobs, trainings };
}
