import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PagingQuery } from '#common/contracts/paging.ts';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import {
  residentTeamAttendance,
  residentTeamLogs,
  residentTeamMembers,
  residentTeams,
  villageTeamFlags,
} from '#server/db/schema/village-support.ts';
import { inScope } from '#server/db/scope.ts';
import { orderBy } from '#server/lib/paging.ts';

// SQL only. Every query takes the actor's scope prefix (org codes nest by prefix).

const t = residentTeams;
const m = residentTeamMembers;

const villageName = sql<string | null>`(SELECT o.name FROM org_unit o WHERE o.code = resident_team.org_code)`;
const townshipName = sql<
  string | null
>`(SELECT o.name FROM org_unit o WHERE o.code = substr(resident_team.org_code, 1, 9) || '000')`;
const roleName = (role: string) =>
  sql<
    string | null
  >`(SELECT string_agg(x.name, '、' ORDER BY x.id) FROM resident_team_member x WHERE x.team_id = resident_team.id AND x.left_on IS NULL AND x.role = ${role})`;

export interface TeamFilter {
  id?: number;
  orgPrefix?: string;
  status?: 'active' | 'ended';
  q?: string;
}

/** The one where-clause of the team list: page, total and export read the same rows. */
export function teamWhere(scopePrefix: string, f: TeamFilter): SQL {
  const w: (SQL | undefined)[] = [
    inScope(t.orgCode, { scopePrefix }),
    f.id ? eq(t.id, f.id) : undefined,
    f.orgPrefix ? sql`${t.orgCode} LIKE ${f.orgPrefix + '%'}` : undefined,
    f.status === 'active' ? sql`${t.endedOn} IS NULL` : undefined,
    f.status === 'ended' ? sql`${t.endedOn} IS NOT NULL` : undefined,
    f.q
      ? sql`(${t.sendingUnit} LIKE ${'%' + f.q + '%'} OR ${villageName} LIKE ${'%' + f.q + '%'} OR EXISTS (SELECT 1 FROM resident_team_member x WHERE x.team_id = resident_team.id AND x.name LIKE ${'%' + f.q + '%'}))`
      : undefined,
  ];
  return and(...w)!;
}

const teamSorts = {
  orgCode: sql`${t.orgCode}`,
  startedOn: sql`${t.startedOn}`,
  sendingUnit: sql`${t.sendingUnit}`,
};

const teamColumns = {
  team: t,
  villageName,
  townshipName,
  firstSecretary: roleName('firstSecretary'),
  leader: roleName('leader'),
  members: sql<number>`(SELECT count(*)::int FROM resident_team_member x WHERE x.team_id = resident_team.id AND x.left_on IS NULL)`,
  logs: sql<number>`(SELECT count(*)::int FROM resident_team_log x WHERE x.team_id = resident_team.id)`,
};

export async function listTeams(
  db: Db,
  where: SQL,
  q: PagingQuery<keyof typeof teamSorts>,
  w: { pageSize: number; offset: number },
) {
  return db
    .select(teamColumns)
    .from(t)
    .where(where)
    .orderBy(orderBy(teamSorts, q, sql`${t.id}`, 'orgCode'))
    .limit(w.pageSize)
    .offset(w.offset);
}

export async function countTeams(db: Db, where: SQL): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t)
    .where(where);
  return r?.n ?? 0;
}

export async function findTeam(db: Db, scopePrefix: string, id: number, forUpdate = false) {
  const q = db
    .select()
    .from(t)
    .where(and(eq(t.id, id), inScope(t.orgCode, { scopePrefix })));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** The village's team in place (locked: a new team and the check are one step). */
export async function activeTeamOf(tx: Db, orgCode: string) {
  const [row] = await tx
    .select()
    .from(t)
    .where(and(eq(t.orgCode, orgCode), sql`${t.endedOn} IS NULL`))
    .for('update');
  return row;
}

export async function villageExists(db: Db, scopePrefix: string, orgCode: string): Promise<boolean> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`SELECT o.code FROM org_unit o WHERE o.code = ${orgCode} AND o.level = 'village' AND o.valid_to IS NULL AND ${inScope(sql`o.code`, { scopePrefix })}`,
  );
  return rows.length > 0;
}

export async function insertTeam(tx: Db, values: typeof t.$inferInsert): Promise<number> {
  const [row] = await tx.insert(t).values(values).returning({ id: t.id });
  return row.id;
}

export async function endTeam(tx: Db, id: number, set: { endedOn: string; endNote: string | null }) {
  await tx
    .update(t)
    .set(set)
    .where(and(eq(t.id, id), sql`${t.endedOn} IS NULL`));
  // Members still in the village leave with the team.
  await tx
    .update(m)
    .set({ leftOn: set.endedOn })
    .where(and(eq(m.teamId, id), sql`${m.leftOn} IS NULL`));
}

export async function insertMember(tx: Db, values: typeof m.$inferInsert): Promise<number> {
  const [row] = await tx.insert(m).values(values).returning({ id: m.id });
  return row.id;
}

export async function findMember(db: Db, scopePrefix: string, id: number, forUpdate = false) {
  const q = db
    .select()
    .from(m)
    .where(and(eq(m.id, id), inScope(m.orgCode, { scopePrefix })));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function setMemberLeft(tx: Db, id: number, leftOn: string) {
  await tx.update(m).set({ leftOn }).where(eq(m.id, id));
}

export async function membersOf(db: Db, teamId: number) {
  return db.select().from(m).where(eq(m.teamId, teamId)).orderBy(m.id);
}

export async function attendanceOf(db: Db, teamId: number) {
  return db
    .select({ a: residentTeamAttendance, memberName: m.name })
    .from(residentTeamAttendance)
    .innerJoin(m, eq(m.id, residentTeamAttendance.memberId))
    .where(eq(residentTeamAttendance.teamId, teamId))
    .orderBy(sql`${residentTeamAttendance.period} DESC`, residentTeamAttendance.memberId);
}

/** Insert or replace a member's month (a correction keeps one row per month; the audit keeps the old values). */
export async function upsertAttendance(tx: Db, values: typeof residentTeamAttendance.$inferInsert) {
  await tx
    .insert(residentTeamAttendance)
    .values(values)
    .onConflictDoUpdate({
      target: [residentTeamAttendance.memberId, residentTeamAttendance.period],
      set: { daysInVillage: values.daysInVillage },
    });
}

export async function logsOf(db: Db, teamId: number) {
  return db
    .select()
    .from(residentTeamLogs)
    .where(eq(residentTeamLogs.teamId, teamId))
    .orderBy(sql`${residentTeamLogs.loggedOn} DESC`, sql`${residentTeamLogs.id} DESC`);
}

export async function insertLog(tx: Db, values: typeof residentTeamLogs.$inferInsert): Promise<number> {
  const [row] = await tx.insert(residentTeamLogs).values(values).returning({ id: residentTeamLogs.id });
  return row.id;
}

// ------------------------------------------------------------------ villages and their flags

export interface VillageFilter {
  orgPrefix?: string;
  required?: boolean;
  lacking?: boolean;
  q?: string;
}

const flagged = sql`(f.key_village OR f.relocation_site OR f.weak_party)`;
const hasTeam = sql`EXISTS (SELECT 1 FROM resident_team x WHERE x.org_code = o.code AND x.ended_on IS NULL)`;

/** The one where-clause of the village list (villages of the org tree in scope, with the county's flags). */
export function villageWhere(scopePrefix: string, f: VillageFilter): SQL {
  const w: (SQL | undefined)[] = [
    sql`o.level = 'village' AND o.valid_to IS NULL`,
    inScope(sql`o.code`, { scopePrefix }),
    f.orgPrefix ? sql`o.code LIKE ${f.orgPrefix + '%'}` : undefined,
    f.required === true ? sql`coalesce(${flagged}, false)` : undefined,
    f.required === false ? sql`NOT coalesce(${flagged}, false)` : undefined,
    f.lacking === true ? sql`coalesce(${flagged}, false) AND NOT ${hasTeam}` : undefined,
    f.lacking === false ? sql`NOT (coalesce(${flagged}, false) AND NOT ${hasTeam})` : undefined,
    f.q ? sql`o.name LIKE ${'%' + f.q + '%'}` : undefined,
  ];
  return sql.join(
    w.filter((x): x is SQL => x !== undefined),
    sql` AND `,
  );
}

export interface VillageDbRow {
  org_code: string;
  village_name: string | null;
  township_name: string | null;
  key_village: boolean | null;
  relocation_site: boolean | null;
  weak_party: boolean | null;
  team_id: number | null;
  sending_unit: string | null;
  first_secretary: string | null;
}

export async function listVillages(
  db: Db,
  where: SQL,
  q: PagingQuery<'orgCode'>,
  w: { pageSize: number; offset: number },
) {
  return queryRows<VillageDbRow>(
    db,
    sql`SELECT o.code AS org_code, o.name AS village_name,
        (SELECT p.name FROM org_unit p WHERE p.code = substr(o.code, 1, 9) || '000') AS township_name,
        f.key_village, f.relocation_site, f.weak_party, tm.id AS team_id, tm.sending_unit,
        (SELECT string_agg(x.name, '、' ORDER BY x.id) FROM resident_team_member x
          WHERE x.team_id = tm.id AND x.left_on IS NULL AND x.role = 'firstSecretary') AS first_secretary
      FROM org_unit o
      LEFT JOIN village_team_flag f ON f.org_code = o.code
      LEFT JOIN resident_team tm ON tm.org_code = o.code AND tm.ended_on IS NULL
      WHERE ${where}
      ORDER BY o.code ${q.order === 'desc' ? sql`DESC` : sql`ASC`}
      LIMIT ${w.pageSize} OFFSET ${w.offset}`,
  );
}

export async function countVillages(db: Db, where: SQL): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM org_unit o LEFT JOIN village_team_flag f ON f.org_code = o.code WHERE ${where}`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function flagsOf(db: Db, orgCode: string) {
  const [row] = await db.select().from(villageTeamFlags).where(eq(villageTeamFlags.orgCode, orgCode));
  return row;
}

export async function upsertFlags(tx: Db, values: typeof villageTeamFlags.$inferInsert) {
  await tx
    .insert(villageTeamFlags)
    .values(values)
    .onConflictDoUpdate({
      target: villageTeamFlags.orgCode,
      set: {
        keyVillage: values.keyVillage,
        relocationSite: values.relocationSite,
        weakParty: values.weakParty,
        updatedBy: values.updatedBy,
        updatedAt: sql`now()`,
      },
    });
}
