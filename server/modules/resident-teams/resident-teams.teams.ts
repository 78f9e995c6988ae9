import type { z } from 'zod';
import type { endInput, rotateInput, TeamDetail, TeamRow } from '#common/contracts/resident-teams.ts';
import { countyCodeOf, levelOfCode } from '#common/domain/org-code.ts';
import type { ResidentRole } from '#common/domain/village-support/codes.ts';
import { attendanceShortfall, rotationErrors } from '#common/domain/village-support/rules.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './resident-teams.repository.ts';
import {
  minDays,
  openTeam,
  teamFilter,
  teamInputErrors,
  toTeamRow,
  TEAM,
  type ResidentTeamsDeps,
  type TeamInput,
  type TeamListQuery,
} from './resident-teams.shared.ts';

// 驻村工作队: the list, one team with its members, attendance, log and the village's history; a team sent to a
// village, 轮换 (the team in place ends and the next starts in one step) and 撤离.

export async function listTeams({ db }: ResidentTeamsDeps, ctx: RequestContext, q: TeamListQuery) {
  requirePermission(ctx, 'programmes:read');
  const where = repo.teamWhere(ctx.actor.scopePrefix, teamFilter(q));
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([repo.listTeams(db, where, q, w), repo.countTeams(db, where)]);
  return { items: rows.map(toTeamRow), total, page: w.page ?? 1, pageSize: w.pageSize };
}

type AttendanceRows = Awaited<ReturnType<typeof repo.attendanceOf>>;

/** The attendance rows with the county's minimum of their month and the shortfall. */
async function attendanceWithMinimum(db: Db, county: string, attendance: AttendanceRows) {
  const periods = [...new Set(attendance.map((a) => a.a.period))];
  const minByPeriod = new Map<string, number>();
  for (const p of periods) minByPeriod.set(p, await minDays(db, county, p));
  return attendance.map(({ a, memberName }) => {
    const min = minByPeriod.get(a.period)!;
    return {
      id: a.id,
      memberId: a.memberId,
      memberName,
      period: a.period,
      daysInVillage: a.daysInVillage,
      minDays: min,
      shortfall: attendanceShortfall(a.daysInVillage, min),
    };
  });
}

/** The team's members, attendance, log and the village's teams (history), read together. */
function teamParts(db: Db, ctx: RequestContext, team: TeamRow) {
  return Promise.all([
    repo.membersOf(db, team.id),
    repo.attendanceOf(db, team.id),
    repo.logsOf(db, team.id),
    repo.listTeams(
      db,
      repo.teamWhere(ctx.actor.scopePrefix, { orgPrefix: team.orgCode }),
      { sort: 'startedOn', order: 'desc' },
      { pageSize: 50, offset: 0 },
    ),
  ]);
}

export async function getTeam({ db }: ResidentTeamsDeps, ctx: RequestContext, id: number): Promise<TeamDetail> {
  requirePermission(ctx, 'programmes:read');
  const [row] = await repo.listTeams(db, repo.teamWhere(ctx.actor.scopePrefix, { id }), {}, { pageSize: 1, offset: 0 });
  if (!row) throw AppError.notFound(TEAM);
  const team = toTeamRow(row);
  const [members, attendance, logs, history] = await teamParts(db, ctx, team);
  const county = countyCodeOf(team.orgCode);
  return {
    ...team,
    memberList: members.map((x) => ({
      id: x.id,
      name: x.name,
      role: x.role as ResidentRole,
      unit: x.unit,
      joinedOn: x.joinedOn,
      leftOn: x.leftOn,
    })),
    attendance: await attendanceWithMinimum(db, county, attendance),
    logList: logs.map((l) => ({ id: l.id, loggedOn: l.loggedOn, content: l.content })),
    history: history.map(toTeamRow),
    minDaysPerMonth: await minDays(db, county, todayInChina().slice(0, 7)),
  };
}

async function insertTeamInTx(tx: Db, ctx: RequestContext, orgCode: string, input: Omit<TeamInput, 'orgCode'>) {
  const id = await repo.insertTeam(tx, {
    countyCode: countyCodeOf(orgCode),
    orgCode,
    sendingUnit: input.sendingUnit,
    startedOn: input.startedOn,
    createdBy: ctx.actor.id || null,
  });
  for (const mem of input.members)
    await repo.insertMember(tx, {
      countyCode: countyCodeOf(orgCode),
      orgCode,
      teamId: id,
      name: mem.name,
      role: mem.role,
      unit: mem.unit ?? null,
      joinedOn: mem.joinedOn ?? input.startedOn,
      createdBy: ctx.actor.id || null,
    });
  await recordAudit(tx, ctx, { action: 'create', entity: 'resident_team', entityId: id, orgCode, after: input });
  return id;
}

/** A team for a village that has none in place (a village with a team rotates instead). */
export async function createTeam(d: ResidentTeamsDeps, ctx: RequestContext, input: TeamInput): Promise<TeamDetail> {
  const { db } = d;
  requirePermission(ctx, 'programmes:write');
  requireInScope(ctx, input.orgCode);
  if (levelOfCode(input.orgCode) !== 'village' || !(await repo.villageExists(db, ctx.actor.scopePrefix, input.orgCode)))
    throw AppError.validation([
      { field: 'orgCode', messageZh: '驻村工作队派驻到行政村', messageEn: 'A team is sent to a village' },
    ]);
  const errors = teamInputErrors(input);
  if (errors.length) throw AppError.validation(errors);
  const id = await db.transaction(async (tx) => {
    if (await repo.activeTeamOf(tx, input.orgCode))
      throw AppError.validation([
        {
          field: 'orgCode',
          messageZh: '该村已有在驻工作队，请使用“轮换”',
          messageEn: 'The village has a team in place: rotate it',
        },
      ]);
    return insertTeamInTx(tx, ctx, input.orgCode, input);
  });
  return getTeam(d, ctx, id);
}

/** The team ends on `input.endedOn` (audited as `action`: rotate or end). */
async function endTeamInTx(
  tx: Db,
  ctx: RequestContext,
  team: { id: number; orgCode: string },
  action: 'rotate' | 'end',
  input: z.infer<typeof endInput>,
) {
  await repo.endTeam(tx, team.id, { endedOn: input.endedOn, endNote: input.endNote ?? null });
  await recordAudit(tx, ctx, {
    action,
    entity: 'resident_team',
    entityId: team.id,
    orgCode: team.orgCode,
    before: { endedOn: null },
    after: { endedOn: input.endedOn, endNote: input.endNote ?? null },
  });
}

/** 轮换: the team in place ends (its members leave with it) and the next team starts, in one transaction. */
export async function rotate(
  d: ResidentTeamsDeps,
  ctx: RequestContext,
  id: number,
  input: z.infer<typeof rotateInput>,
): Promise<TeamDetail> {
  requirePermission(ctx, 'programmes:write');
  const nextId = await d.db.transaction(async (tx) => {
    const team = await openTeam(tx, ctx, id);
    const errors = [
      ...rotationErrors(team, { endedOn: input.endedOn, nextStartedOn: input.next.startedOn }, todayInChina()),
      ...teamInputErrors(input.next, 'next.'),
    ];
    if (errors.length) throw AppError.validation(errors);
    await endTeamInTx(tx, ctx, team, 'rotate', input);
    return insertTeamInTx(tx, ctx, team.orgCode, input.next);
  });
  return getTeam(d, ctx, nextId);
}

/** 撤离 without a successor (the village's flags then show it lacking a team when one is required). */
export async function end(
  d: ResidentTeamsDeps,
  ctx: RequestContext,
  id: number,
  input: z.infer<typeof endInput>,
): Promise<TeamDetail> {
  requirePermission(ctx, 'programmes:write');
  await d.db.transaction(async (tx) => {
    const team = await openTeam(tx, ctx, id);
    const errors = rotationErrors(team, { endedOn: input.endedOn }, todayInChina());
    if (errors.length) throw AppError.validation(errors);
    await endTeamInTx(tx, ctx, team, 'end', input);
  });
  return getTeam(d, ctx, id);
}
