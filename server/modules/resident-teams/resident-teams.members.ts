import type { z } from 'zod';
import type { attendanceInput, leaveInput, logInput, memberInput } from '#common/contracts/resident-teams.ts';
import { attendanceErrors } from '#common/domain/village-support/rules.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './resident-teams.repository.ts';
import { MEMBER, openTeam, TEAM, type ResidentTeamsDeps } from './resident-teams.shared.ts';
import { getTeam } from './resident-teams.teams.ts';

// A team's members (join, leave), 驻村考勤 (days in the village per month) and the work log.

/** A team has one 第一书记 at a time: a second one waits until the first has left. */
async function checkOneFirstSecretary(tx: Db, teamId: number) {
  const current = (await repo.membersOf(tx, teamId)).filter((x) => !x.leftOn && x.role === 'firstSecretary');
  if (current.length)
    throw AppError.validation([
      {
        field: 'role',
        messageZh: `已有第一书记 ${current[0].name}，请先办理其离队`,
        messageEn: 'The team has a first secretary: let him leave first',
      },
    ]);
}

export async function addMember(
  d: ResidentTeamsDeps,
  ctx: RequestContext,
  id: number,
  input: z.infer<typeof memberInput>,
) {
  requirePermission(ctx, 'programmes:write');
  await d.db.transaction(async (tx) => {
    const team = await openTeam(tx, ctx, id);
    const joinedOn = input.joinedOn ?? todayInChina();
    if (joinedOn < team.startedOn || joinedOn > todayInChina())
      throw AppError.validation([
        {
          field: 'joinedOn',
          messageZh: '进驻日期须在工作队进驻之后且不晚于今天',
          messageEn: 'The join date lies between the team’s start and today',
        },
      ]);
    if (input.role === 'firstSecretary') await checkOneFirstSecretary(tx, id);
    const memberId = await repo.insertMember(tx, {
      countyCode: team.countyCode,
      orgCode: team.orgCode,
      teamId: id,
      name: input.name,
      role: input.role,
      unit: input.unit ?? null,
      joinedOn,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'resident_team_member',
      entityId: memberId,
      orgCode: team.orgCode,
      after: { teamId: id, ...input, joinedOn },
    });
  });
  return getTeam(d, ctx, id);
}

export async function leave(
  d: ResidentTeamsDeps,
  ctx: RequestContext,
  memberId: number,
  input: z.infer<typeof leaveInput>,
) {
  requirePermission(ctx, 'programmes:write');
  const teamId = await d.db.transaction(async (tx) => {
    const member = await repo.findMember(tx, ctx.actor.scopePrefix, memberId, true);
    if (!member) throw AppError.notFound(MEMBER);
    if (member.leftOn) throw new AppError('CONFLICT', { zh: '该队员已离队', en: 'The member has left' });
    if (input.leftOn < member.joinedOn || input.leftOn > todayInChina())
      throw AppError.validation([
        {
          field: 'leftOn',
          messageZh: '离队日期须在进驻日期之后且不晚于今天',
          messageEn: 'The leave date lies between the join date and today',
        },
      ]);
    await repo.setMemberLeft(tx, memberId, input.leftOn);
    await recordAudit(tx, ctx, {
      action: 'leave',
      entity: 'resident_team_member',
      entityId: memberId,
      orgCode: member.orgCode,
      before: { leftOn: null },
      after: { leftOn: input.leftOn },
    });
    return member.teamId;
  });
  return getTeam(d, ctx, teamId);
}

/** 驻村考勤: a member's days in the village for a month; a correction replaces the month. */
export async function recordAttendance(
  d: ResidentTeamsDeps,
  ctx: RequestContext,
  id: number,
  input: z.infer<typeof attendanceInput>,
) {
  requirePermission(ctx, 'programmes:write');
  await d.db.transaction(async (tx) => {
    const team = await repo.findTeam(tx, ctx.actor.scopePrefix, id, true);
    if (!team) throw AppError.notFound(TEAM);
    const member = await repo.findMember(tx, ctx.actor.scopePrefix, input.memberId);
    if (!member || member.teamId !== id)
      throw AppError.validation([
        { field: 'memberId', messageZh: '该队员不属于本工作队', messageEn: 'Not a member of this team' },
      ]);
    const errors = attendanceErrors(input, member, todayInChina());
    if (errors.length) throw AppError.validation(errors);
    await repo.upsertAttendance(tx, {
      countyCode: team.countyCode,
      orgCode: team.orgCode,
      teamId: id,
      memberId: input.memberId,
      period: input.period,
      daysInVillage: input.daysInVillage,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'attendance',
      entity: 'resident_team',
      entityId: id,
      orgCode: team.orgCode,
      after: input,
    });
  });
  return getTeam(d, ctx, id);
}

export async function addLog(d: ResidentTeamsDeps, ctx: RequestContext, id: number, input: z.infer<typeof logInput>) {
  requirePermission(ctx, 'programmes:write');
  await d.db.transaction(async (tx) => {
    const team = await openTeam(tx, ctx, id);
    if (input.loggedOn < team.startedOn || input.loggedOn > todayInChina())
      throw AppError.validation([
        {
          field: 'loggedOn',
          messageZh: '日期须在工作队进驻之后且不晚于今天',
          messageEn: 'The date lies between the team’s start and today',
        },
      ]);
    const logId = await repo.insertLog(tx, {
      countyCode: team.countyCode,
      orgCode: team.orgCode,
      teamId: id,
      loggedOn: input.loggedOn,
      content: input.content,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'log',
      entity: 'resident_team',
      entityId: id,
      orgCode: team.orgCode,
      after: { logId, ...input },
    });
  });
  return getTeam(d, ctx, id);
}
