import type { z } from 'zod';
import type {
  teamExportQuery,
  teamInput,
  teamListQuery,
  villageListQuery,
  TeamRow,
  VillageRow,
} from '#common/contracts/resident-teams.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import { lacksTeam, teamRequiredFor } from '#common/domain/village-support/rules.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import * as repo from './resident-teams.repository.ts';

// What the 驻村工作队 use cases share (resident-teams.teams.ts, .members.ts, .villages.ts, .ledger.ts): the deps, the
// row shapes of the lists, the county's minimum days, an open team read back in scope, the new team's checks.

export interface ResidentTeamsDeps {
  db: Db;
}

export type TeamListQuery = z.infer<typeof teamListQuery>;
export type TeamExportQuery = z.infer<typeof teamExportQuery>;
export type VillageListQuery = z.infer<typeof villageListQuery>;
export type TeamInput = z.infer<typeof teamInput>;

export const TEAM = { zh: '驻村工作队', en: 'Resident team' };
export const MEMBER = { zh: '驻村队员', en: 'Team member' };

export function toTeamRow(r: Awaited<ReturnType<typeof repo.listTeams>>[number]): TeamRow {
  const x = r.team;
  return {
    id: x.id,
    orgCode: x.orgCode,
    villageName: r.villageName,
    townshipName: r.townshipName,
    sendingUnit: x.sendingUnit,
    startedOn: x.startedOn,
    endedOn: x.endedOn,
    endNote: x.endNote,
    firstSecretary: r.firstSecretary,
    leader: r.leader,
    members: Number(r.members),
    logs: Number(r.logs),
  };
}

export function toVillageRow(r: repo.VillageDbRow): VillageRow {
  const flags = {
    keyVillage: r.key_village === true,
    relocationSite: r.relocation_site === true,
    weakParty: r.weak_party === true,
  };
  const teamId = r.team_id === null ? null : Number(r.team_id);
  return {
    orgCode: r.org_code,
    villageName: r.village_name,
    townshipName: r.township_name,
    ...flags,
    requirements: teamRequiredFor(flags),
    teamId,
    sendingUnit: r.sending_unit,
    firstSecretary: r.first_secretary,
    lacking: lacksTeam(flags, teamId !== null),
  };
}

export const teamFilter = (q: TeamExportQuery) => ({
  orgPrefix: orgFilterPrefix(q.orgCode),
  status: q.status,
  q: q.q,
});

/** The county's minimum days in the village for a month (parameter residentTeams.minDaysPerMonth). */
export async function minDays(tx: Db, countyCode: string, period: string): Promise<number> {
  return numberParam(await resolveAll(tx, countyCode, period), 'residentTeams.minDaysPerMonth');
}

const ENDED = { zh: '该工作队已撤离', en: 'The team has ended' };

/** The team in scope, locked, still in place (404 out of scope, 409 when it has ended). */
export async function openTeam(tx: Db, ctx: RequestContext, id: number) {
  const team = await repo.findTeam(tx, ctx.actor.scopePrefix, id, true);
  if (!team) throw AppError.notFound(TEAM);
  if (team.endedOn) throw new AppError('CONFLICT', ENDED);
  return team;
}

export function teamInputErrors(input: Omit<TeamInput, 'orgCode'>, prefix = '') {
  const errors: { field: string; messageZh: string; messageEn: string }[] = [];
  if (input.startedOn > todayInChina())
    errors.push({
      field: `${prefix}startedOn`,
      messageZh: '进驻日期不能晚于今天',
      messageEn: 'The start date is in the future',
    });
  if (input.members.filter((x) => x.role === 'firstSecretary').length > 1)
    errors.push({
      field: `${prefix}members`,
      messageZh: '一个工作队只有一名第一书记',
      messageEn: 'A team has one first secretary',
    });
  input.members.forEach((x, i) => {
    if (x.joinedOn && x.joinedOn < input.startedOn)
      errors.push({
        field: `${prefix}members[${i}].joinedOn`,
        messageZh: '队员进驻日期不能早于工作队进驻日期',
        messageEn: 'A member joins on or after the team starts',
      });
  });
  return errors;
}
