import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type {
  attendanceInput,
  endInput,
  flagsInput,
  leaveInput,
  logInput,
  memberInput,
  rotateInput,
  teamExportQuery,
  teamInput,
  teamListQuery,
  villageListQuery,
  TeamDetail,
  TeamRow,
  VillageRow,
} from '../../../common/contracts/resident-teams.ts';
import { countyCodeOf, levelOfCode, orgFilterPrefix } from '../../../common/domain/org-code.ts';
import {
  RESIDENT_ROLES,
  TEAM_REQUIREMENTS,
  zhOf,
  type ResidentRole,
} from '../../../common/domain/village-support/codes.ts';
import {
  attendanceErrors,
  attendanceShortfall,
  lacksTeam,
  rotationErrors,
  teamRequiredFor,
} from '../../../common/domain/village-support/rules.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import * as repo from './resident-teams.repository.ts';

// 驻村工作队 and 第一书记 (沁发〔2021〕17号 §三(二) 健全常态化驻村帮扶工作机制, §三(一)). A team is sent to a village by a
// unit with its members (第一书记 / 队长 / 队员); rotation ends the team in place and starts the next in one step (the
// village keeps its history); members' monthly days in the village are checked against the county's minimum
// (parameter residentTeams.minDaysPerMonth, "not found" in the plan); a work log. The county flags the villages the
// plan requires a team for (重点帮扶村, 易地搬迁安置点, 软弱涣散村: village_team_flag, kept here until the key-village
// and relocation modules own those facts); the village list shows those lacking one. Every write audited.

type TeamListQuery = z.infer<typeof teamListQuery>;
type TeamExportQuery = z.infer<typeof teamExportQuery>;
type VillageListQuery = z.infer<typeof villageListQuery>;
type TeamInput = z.infer<typeof teamInput>;

const TEAM = { zh: '驻村工作队', en: 'Resident team' };
const MEMBER = { zh: '驻村队员', en: 'Team member' };

function toTeamRow(r: Awaited<ReturnType<typeof repo.listTeams>>[number]): TeamRow {
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

function toVillageRow(r: repo.VillageDbRow): VillageRow {
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

const teamFilter = (q: TeamExportQuery) => ({ orgPrefix: orgFilterPrefix(q.orgCode), status: q.status, q: q.q });

export function createResidentTeamsService(db: Db) {
  async function minDays(tx: Db, countyCode: string, period: string): Promise<number> {
    return numberParam(await resolveAll(tx, countyCode, period), 'residentTeams.minDaysPerMonth');
  }

  async function listTeams(ctx: RequestContext, q: TeamListQuery) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.teamWhere(ctx.actor.scopePrefix, teamFilter(q));
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([repo.listTeams(db, where, q, w), repo.countTeams(db, where)]);
    return { items: rows.map(toTeamRow), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  async function getTeam(ctx: RequestContext, id: number): Promise<TeamDetail> {
    requirePermission(ctx, 'programmes:read');
    const [row] = await repo.listTeams(
      db,
      repo.teamWhere(ctx.actor.scopePrefix, { id }),
      {},
      { pageSize: 1, offset: 0 },
    );
    if (!row) throw AppError.notFound(TEAM);
    const team = toTeamRow(row);
    const [members, attendance, logs, history] = await Promise.all([
      repo.membersOf(db, id),
      repo.attendanceOf(db, id),
      repo.logsOf(db, id),
      repo.listTeams(
        db,
        repo.teamWhere(ctx.actor.scopePrefix, { orgPrefix: team.orgCode }),
        { sort: 'startedOn', order: 'desc' },
        { pageSize: 50, offset: 0 },
      ),
    ]);
    const county = countyCodeOf(team.orgCode);
    const periods = [...new Set(attendance.map((a) => a.a.period))];
    const minByPeriod = new Map<string, number>();
    for (const p of periods) minByPeriod.set(p, await minDays(db, county, p));
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
      attendance: attendance.map(({ a, memberName }) => {
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
      }),
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

  function teamInputErrors(input: Omit<TeamInput, 'orgCode'>, prefix = '') {
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

  /** A team for a village that has none in place (a village with a team rotates instead). */
  async function createTeam(ctx: RequestContext, input: TeamInput): Promise<TeamDetail> {
    requirePermission(ctx, 'programmes:write');
    requireInScope(ctx, input.orgCode);
    if (
      levelOfCode(input.orgCode) !== 'village' ||
      !(await repo.villageExists(db, ctx.actor.scopePrefix, input.orgCode))
    )
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
    return getTeam(ctx, id);
  }

  /** 轮换: the team in place ends (its members leave with it) and the next team starts, in one transaction. */
  async function rotate(ctx: RequestContext, id: number, input: z.infer<typeof rotateInput>): Promise<TeamDetail> {
    requirePermission(ctx, 'programmes:write');
    const nextId = await db.transaction(async (tx) => {
      const team = await repo.findTeam(tx, ctx.actor.scopePrefix, id, true);
      if (!team) throw AppError.notFound(TEAM);
      if (team.endedOn) throw new AppError('CONFLICT', { zh: '该工作队已撤离', en: 'The team has ended' });
      const errors = [
        ...rotationErrors(team, { endedOn: input.endedOn, nextStartedOn: input.next.startedOn }, todayInChina()),
        ...teamInputErrors(input.next, 'next.'),
      ];
      if (errors.length) throw AppError.validation(errors);
      await repo.endTeam(tx, id, { endedOn: input.endedOn, endNote: input.endNote ?? null });
      await recordAudit(tx, ctx, {
        action: 'rotate',
        entity: 'resident_team',
        entityId: id,
        orgCode: team.orgCode,
        before: { endedOn: null },
        after: { endedOn: input.endedOn, endNote: input.endNote ?? null },
      });
      return insertTeamInTx(tx, ctx, team.orgCode, input.next);
    });
    return getTeam(ctx, nextId);
  }

  /** 撤离 without a successor (the village's flags then show it lacking a team when one is required). */
  async function end(ctx: RequestContext, id: number, input: z.infer<typeof endInput>): Promise<TeamDetail> {
    requirePermission(ctx, 'programmes:write');
    await db.transaction(async (tx) => {
      const team = await repo.findTeam(tx, ctx.actor.scopePrefix, id, true);
      if (!team) throw AppError.notFound(TEAM);
      if (team.endedOn) throw new AppError('CONFLICT', { zh: '该工作队已撤离', en: 'The team has ended' });
      const errors = rotationErrors(team, { endedOn: input.endedOn }, todayInChina());
      if (errors.length) throw AppError.validation(errors);
      await repo.endTeam(tx, id, { endedOn: input.endedOn, endNote: input.endNote ?? null });
      await recordAudit(tx, ctx, {
        action: 'end',
        entity: 'resident_team',
        entityId: id,
        orgCode: team.orgCode,
        before: { endedOn: null },
        after: { endedOn: input.endedOn, endNote: input.endNote ?? null },
      });
    });
    return getTeam(ctx, id);
  }

  async function openTeam(tx: Db, ctx: RequestContext, id: number) {
    const team = await repo.findTeam(tx, ctx.actor.scopePrefix, id, true);
    if (!team) throw AppError.notFound(TEAM);
    if (team.endedOn) throw new AppError('CONFLICT', { zh: '该工作队已撤离', en: 'The team has ended' });
    return team;
  }

  async function addMember(ctx: RequestContext, id: number, input: z.infer<typeof memberInput>) {
    requirePermission(ctx, 'programmes:write');
    await db.transaction(async (tx) => {
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
      if (input.role === 'firstSecretary') {
        const current = (await repo.membersOf(tx, id)).filter((x) => !x.leftOn && x.role === 'firstSecretary');
        if (current.length)
          throw AppError.validation([
            {
              field: 'role',
              messageZh: `已有第一书记 ${current[0].name}，请先办理其离队`,
              messageEn: 'The team has a first secretary: let him leave first',
            },
          ]);
      }
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
    return getTeam(ctx, id);
  }

  async function leave(ctx: RequestContext, memberId: number, input: z.infer<typeof leaveInput>) {
    requirePermission(ctx, 'programmes:write');
    const teamId = await db.transaction(async (tx) => {
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
    return getTeam(ctx, teamId);
  }

  /** 驻村考勤: a member's days in the village for a month; a correction replaces the month. */
  async function recordAttendance(ctx: RequestContext, id: number, input: z.infer<typeof attendanceInput>) {
    requirePermission(ctx, 'programmes:write');
    await db.transaction(async (tx) => {
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
    return getTeam(ctx, id);
  }

  async function addLog(ctx: RequestContext, id: number, input: z.infer<typeof logInput>) {
    requirePermission(ctx, 'programmes:write');
    await db.transaction(async (tx) => {
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
    return getTeam(ctx, id);
  }

  const villageFilter = (q: Omit<VillageListQuery, 'page' | 'pageSize' | 'sort' | 'order'>) => ({
    orgPrefix: orgFilterPrefix(q.orgCode),
    required: q.required,
    lacking: q.lacking,
    q: q.q,
  });

  async function listVillages(ctx: RequestContext, q: VillageListQuery) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.villageWhere(ctx.actor.scopePrefix, villageFilter(q));
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([repo.listVillages(db, where, q, w), repo.countVillages(db, where)]);
    return { items: rows.map(toVillageRow), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  /** The county sets a village's flags (重点帮扶村, 易地搬迁安置点, 软弱涣散村): a township or village cannot. */
  async function setFlags(ctx: RequestContext, orgCode: string, input: z.infer<typeof flagsInput>) {
    requirePermission(ctx, 'programmes:write');
    requireInScope(ctx, orgCode);
    if (ctx.actor.scopePrefix !== '' && levelOfCode(ctx.actor.orgCode) !== 'county') throw AppError.forbidden();
    if (!(await repo.villageExists(db, ctx.actor.scopePrefix, orgCode)))
      throw AppError.notFound({ zh: '村', en: 'Village' });
    await db.transaction(async (tx) => {
      const before = await repo.flagsOf(tx, orgCode);
      await repo.upsertFlags(tx, {
        orgCode,
        countyCode: countyCodeOf(orgCode),
        ...input,
        updatedBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'set',
        entity: 'village_team_flag',
        orgCode,
        before: before
          ? { keyVillage: before.keyVillage, relocationSite: before.relocationSite, weakParty: before.weakParty }
          : null,
        after: input,
      });
    });
    const [row] = await repo.listVillages(
      db,
      repo.villageWhere(ctx.actor.scopePrefix, { orgPrefix: orgCode }),
      {},
      { pageSize: 1, offset: 0 },
    );
    return toVillageRow(row);
  }

  /** 驻村工作队台账 (.xlsx): the teams the list filters (a row per member), and the villages lacking a team. */
  async function exportTeams(ctx: RequestContext, q: TeamExportQuery) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.teamWhere(ctx.actor.scopePrefix, teamFilter(q));
    const total = await repo.countTeams(db, where);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'resident_team',
        orgCode: ctx.actor.orgCode,
        after: { ledger: '驻村工作队台账', rows: total, filters: q },
      }),
    );
    async function* teamRows(): AsyncGenerator<Cell[]> {
      const pageSize = 200;
      for (let offset = 0; ; offset += pageSize) {
        const batch = await repo.listTeams(db, where, { sort: 'orgCode' }, { pageSize, offset });
        for (const r of batch.map(toTeamRow)) {
          const members = await repo.membersOf(db, r.id);
          for (const mem of members)
            yield [
              r.townshipName,
              r.villageName,
              r.sendingUnit,
              r.startedOn,
              r.endedOn,
              mem.name,
              zhOf(RESIDENT_ROLES, mem.role),
              mem.unit,
              mem.joinedOn,
              mem.leftOn,
            ];
        }
        if (batch.length < pageSize) return;
      }
    }
    const minCache = new Map<string, number>();
    async function* attendanceRows(): AsyncGenerator<Cell[]> {
      const pageSize = 200;
      for (let offset = 0; ; offset += pageSize) {
        const batch = await repo.listTeams(db, where, { sort: 'orgCode' }, { pageSize, offset });
        for (const r of batch.map(toTeamRow))
          for (const { a, memberName } of await repo.attendanceOf(db, r.id)) {
            const key = `${countyCodeOf(r.orgCode)}|${a.period}`;
            if (!minCache.has(key)) minCache.set(key, await minDays(db, countyCodeOf(r.orgCode), a.period));
            const min = minCache.get(key)!;
            yield [
              r.villageName,
              r.sendingUnit,
              a.period,
              memberName,
              a.daysInVillage,
              min,
              attendanceShortfall(a.daysInVillage, min),
            ];
          }
        if (batch.length < pageSize) return;
      }
    }
    const villageWhere = repo.villageWhere(ctx.actor.scopePrefix, {
      orgPrefix: orgFilterPrefix(q.orgCode),
      required: true,
    });
    async function* villageRows(): AsyncGenerator<Cell[]> {
      const pageSize = 500;
      for (let offset = 0; ; offset += pageSize) {
        const batch = await repo.listVillages(db, villageWhere, {}, { pageSize, offset });
        for (const v of batch.map(toVillageRow))
          yield [
            v.townshipName,
            v.villageName,
            v.requirements.map((r) => zhOf(TEAM_REQUIREMENTS, r)).join('、'),
            v.sendingUnit,
            v.firstSecretary,
            v.lacking ? '未派驻' : '已派驻',
          ];
        if (batch.length < pageSize) return;
      }
    }
    return (out: Writable) =>
      writeLedger(
        out,
        [
          {
            title: '驻村工作队台账',
            headers: [
              '乡镇',
              '村',
              '派出单位',
              { header: '进驻日期', kind: 'date' },
              { header: '撤离日期', kind: 'date' },
              '姓名',
              '职务',
              '所在单位',
              { header: '到村日期', kind: 'date' },
              { header: '离队日期', kind: 'date' },
            ],
            rows: teamRows(),
          },
          {
            title: '驻村考勤',
            caption: '驻村工作队员月度在村天数',
            headers: [
              '村',
              '派出单位',
              { header: '月份', kind: 'code' },
              '姓名',
              { header: '在村天数', kind: 'integer' },
              { header: '最少天数', kind: 'integer' },
              { header: '差额', kind: 'integer' },
            ],
            rows: attendanceRows(),
          },
          {
            title: '应派驻村',
            caption: '应选派第一书记和驻村工作队的村',
            headers: ['乡镇', '村', '应派原因', '派出单位', '第一书记', '派驻情况'],
            rows: villageRows(),
          },
        ],
        ledgerMeta(ctx),
      );
  }

  return {
    listTeams,
    getTeam,
    createTeam,
    rotate,
    end,
    addMember,
    leave,
    recordAttendance,
    addLog,
    listVillages,
    setFlags,
    exportTeams,
  };
}

export type ResidentTeamsService = ReturnType<typeof createResidentTeamsService>;
