import type { Writable } from 'node:stream';
import type { SQL } from 'drizzle-orm';
import { countyCodeOf, orgFilterPrefix } from '#common/domain/org-code.ts';
import { RESIDENT_ROLES, TEAM_REQUIREMENTS, zhOf } from '#common/domain/village-support/codes.ts';
import { attendanceShortfall } from '#common/domain/village-support/rules.ts';
import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell, type SheetContent } from '#server/lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './resident-teams.repository.ts';
import {
  minDays,
  teamFilter,
  toTeamRow,
  toVillageRow,
  type ResidentTeamsDeps,
  type TeamExportQuery,
} from './resident-teams.shared.ts';

// 驻村工作队台账 (.xlsx): the teams the list filters (a row per member), their attendance, and the villages that
// require a team with whether one is in place.

/** The filtered teams, page by page in village order. */
async function* teamsOf(db: Db, where: SQL) {
  const pageSize = 200;
  for (let offset = 0; ; offset += pageSize) {
    const batch = await repo.listTeams(db, where, { sort: 'orgCode' }, { pageSize, offset });
    yield* batch.map(toTeamRow);
    if (batch.length < pageSize) return;
  }
}

async function* teamRows(db: Db, where: SQL): AsyncGenerator<Cell[]> {
  for await (const r of teamsOf(db, where))
    for (const mem of await repo.membersOf(db, r.id))
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

async function* attendanceRows(db: Db, where: SQL): AsyncGenerator<Cell[]> {
  const minCache = new Map<string, number>();
  for await (const r of teamsOf(db, where))
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
}

async function* villageRows(db: Db, where: SQL): AsyncGenerator<Cell[]> {
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const batch = await repo.listVillages(db, where, {}, { pageSize, offset });
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

const TEAM_HEADERS: SheetContent['headers'] = [
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
];
const ATTENDANCE_HEADERS: SheetContent['headers'] = [
  '村',
  '派出单位',
  { header: '月份', kind: 'code' },
  '姓名',
  { header: '在村天数', kind: 'integer' },
  { header: '最少天数', kind: 'integer' },
  { header: '差额', kind: 'integer' },
];

/** 驻村工作队台账 (.xlsx): the teams the list filters (a row per member), and the villages lacking a team. */
export async function exportTeams({ db }: ResidentTeamsDeps, ctx: RequestContext, q: TeamExportQuery) {
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
  const villageWhere = repo.villageWhere(ctx.actor.scopePrefix, {
    orgPrefix: orgFilterPrefix(q.orgCode),
    required: true,
  });
  return (out: Writable) =>
    writeLedger(
      out,
      [
        { title: '驻村工作队台账', headers: TEAM_HEADERS, rows: teamRows(db, where) },
        {
          title: '驻村考勤',
          caption: '驻村工作队员月度在村天数',
          headers: ATTENDANCE_HEADERS,
          rows: attendanceRows(db, where),
        },
        {
          title: '应派驻村',
          caption: '应选派第一书记和驻村工作队的村',
          headers: ['乡镇', '村', '应派原因', '派出单位', '第一书记', '派驻情况'],
          rows: villageRows(db, villageWhere),
        },
      ],
      ledgerMeta(ctx),
    );
}
