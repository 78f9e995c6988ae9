import type { Writable } from 'node:stream';
import type { SQL } from 'drizzle-orm';
import {
  PETITION_CLOSURE_RESULTS,
  PETITION_EVENT_KINDS,
  PETITION_LEVELS,
  PETITION_SOURCES,
  PETITION_STEP_ACTIONS,
  zhOf,
} from '#common/domain/petitions/codes.ts';
import { labelOf, RISK_TYPES, type RiskType } from '#common/domain/registry/codes.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell, type SheetContent } from '#server/lib/xlsx-ledger.ts';
import * as repo from './petitions.repository.ts';
import { audited, filterOf, today, toRow, type ExportQuery, type PetitionsDeps } from './petitions.shared.ts';

// 涉贫舆情信访台账 (.xlsx): the filtered events, their steps and the households concerned, read 200 events at a time.

const EVENT_HEADERS: SheetContent['headers'] = [
  { header: '事项编号', kind: 'integer' },
  '乡镇',
  '村',
  '类别',
  '来源',
  '等级',
  '事项标题',
  '反映内容',
  '反映人',
  '编号或文号',
  { header: '受理日期', kind: 'date' },
  { header: '办理期限', kind: 'date' },
  '办理状态',
  { header: '办结日期', kind: 'date' },
  '办结结果',
  '办结情况',
  { header: '涉及农户(户)', kind: 'integer' },
  { header: '有风险农户(户)', kind: 'integer' },
];
const STEP_HEADERS: SheetContent['headers'] = [
  { header: '事项编号', kind: 'integer' },
  '村',
  '事项标题',
  { header: '日期', kind: 'date' },
  '环节',
  '办理情况',
  '经办人',
];
const HOUSEHOLD_HEADERS: SheetContent['headers'] = [
  { header: '事项编号', kind: 'integer' },
  '村',
  '事项标题',
  '户编号',
  '户主',
  '存在风险',
  '风险类型',
  '线索编号',
  '说明',
];

async function* batches(d: PetitionsDeps, where: SQL) {
  const pageSize = 200;
  for (let offset = 0; ; offset += pageSize) {
    const batch = await repo.listPetitions(d.db, where, { sort: 'receivedOn' }, { pageSize, offset });
    yield batch;
    if (batch.length < pageSize) return;
  }
}

async function* eventRows(d: PetitionsDeps, where: SQL, day: string): AsyncGenerator<Cell[]> {
  for await (const batch of batches(d, where))
    for (const r of batch) {
      const x = toRow(r, day);
      yield [
        x.id,
        x.townshipName,
        x.villageName,
        zhOf(PETITION_EVENT_KINDS, x.kind),
        zhOf(PETITION_SOURCES, x.source),
        zhOf(PETITION_LEVELS, x.level),
        x.title,
        r.event.summary,
        x.petitioner,
        x.reference,
        x.receivedOn,
        x.deadlineOn,
        x.closedOn ? '已办结' : x.overdue ? '逾期未办结' : '办理中',
        x.closedOn,
        x.closureResult ? zhOf(PETITION_CLOSURE_RESULTS, x.closureResult) : null,
        r.event.closureNote,
        x.households,
        x.atRiskHouseholds,
      ];
    }
}

async function* stepRows(d: PetitionsDeps, where: SQL): AsyncGenerator<Cell[]> {
  for await (const batch of batches(d, where)) {
    const steps = await repo.stepsOf(
      d.db,
      batch.map((b) => b.event.id),
    );
    for (const r of batch)
      for (const st of steps.filter((k) => k.eventId === r.event.id))
        yield [
          r.event.id,
          r.villageName,
          r.event.title,
          st.stepOn,
          zhOf(PETITION_STEP_ACTIONS, st.action),
          st.note,
          st.actorName,
        ];
  }
}

async function* householdRows(d: PetitionsDeps, where: SQL): AsyncGenerator<Cell[]> {
  for await (const batch of batches(d, where)) {
    const links = await repo.householdsOf(
      d.db,
      batch.map((b) => b.event.id),
    );
    for (const r of batch)
      for (const l of links.filter((k) => k.link.eventId === r.event.id))
        yield [
          r.event.id,
          r.villageName,
          r.event.title,
          l.householdNo,
          l.headName,
          l.link.atRisk ? '是' : '否',
          l.link.riskTypes.map((t) => labelOf(RISK_TYPES, t as RiskType)).join('、'),
          l.link.clueIds.join('、'),
          l.link.note,
        ];
  }
}

/** 涉贫舆情信访台账 (.xlsx): the filtered events, their steps and the households concerned. */
export async function exportLedger(d: PetitionsDeps, ctx: RequestContext, q: ExportQuery) {
  requirePermission(ctx, 'clues:read');
  const day = today(d);
  const where = repo.petitionWhere(ctx.actor.scopePrefix, filterOf(q, day));
  await audited(d, ctx, '涉贫舆情信访台账', await repo.countPetitions(d.db, where), q);
  return (out: Writable) =>
    writeLedger(
      out,
      [
        { title: '涉贫舆情信访台账', headers: EVENT_HEADERS, rows: eventRows(d, where, day) },
        { title: '办理过程', headers: STEP_HEADERS, rows: stepRows(d, where) },
        { title: '涉及农户', headers: HOUSEHOLD_HEADERS, rows: householdRows(d, where) },
      ],
      ledgerMeta(ctx),
    );
}
