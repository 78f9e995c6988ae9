import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type {
  petitionClueInput,
  petitionCloseInput,
  PetitionDetail,
  petitionExportQuery,
  petitionHouseholdInput,
  petitionInput,
  petitionListQuery,
  PetitionRow,
  petitionStepInput,
  zeroPetitionExportQuery,
  ZeroPetitionPage,
  zeroPetitionQuery,
} from '../../../common/contracts/petitions.ts';
import { countyCodeOf, levelOfCode, orgFilterPrefix } from '../../../common/domain/org-code.ts';
import {
  PETITION_CLOSURE_RESULTS,
  PETITION_EVENT_KINDS,
  PETITION_LEVELS,
  PETITION_SOURCES,
  PETITION_STEP_ACTIONS,
  zhOf,
  type PetitionClosureResult,
  type PetitionEventKind,
  type PetitionLevel,
  type PetitionSource,
  type PetitionStepAction,
} from '../../../common/domain/petitions/codes.ts';
import {
  clueKindOf,
  dateInEventErrors,
  daysLeft,
  deadlineOf,
  eventErrors,
  isOverdue,
} from '../../../common/domain/petitions/rules.ts';
import { labelOf, RISK_TYPES, type RiskType } from '../../../common/domain/registry/codes.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { systemClock, todayInChina, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { openPetitionClues } from '../monitoring/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import { loadHousehold } from '../registry/index.ts';
import * as repo from './petitions.repository.ts';

// 涉贫舆情与信访 register (沁发〔2021〕17号 二(一)6 “持续做好涉贫舆情防控工作…建立应对处置机制”; 二(一)2 “舆情信访研判”
// as a discovery channel; 二(三)6 三是 “零上访”村创建). An event is received in a village with its source and level; the
// deadline is the received day plus petitions.handlingDays (not found in the plan: parameter) unless the assigning
// office set one; steps make the timeline; closure records the result. The households concerned are registry households
// of the event's village; one found at risk gets a monitoring clue (channel petition) through monitoring/index.ts, in
// the same transaction as the link and the audit. Overdue and 零上访 are judged on the China day. Every write audited.

type ListQuery = z.infer<typeof petitionListQuery>;
type ExportQuery = z.infer<typeof petitionExportQuery>;
type ZeroQuery = z.infer<typeof zeroPetitionQuery>;
type ZeroExportQuery = z.infer<typeof zeroPetitionExportQuery>;

const EVENT = { zh: '舆情信访事项', en: 'Petition' };
const HOUSEHOLD = { zh: '涉及农户', en: 'Household concerned' };
const ENTITY = 'petition_event';

export function createPetitionsService(db: Db, clock: Clock = systemClock) {
  const today = () => todayInChina(clock());

  function toRow(r: repo.PetitionDbRow, day: string): PetitionRow {
    const x = r.event;
    return {
      id: x.id,
      orgCode: x.orgCode,
      villageName: r.villageName,
      townshipName: r.townshipName,
      kind: x.kind as PetitionEventKind,
      source: x.source as PetitionSource,
      level: x.level as PetitionLevel,
      receivedOn: x.receivedOn,
      deadlineOn: x.deadlineOn,
      title: x.title,
      petitioner: x.petitioner,
      reference: x.reference,
      closedOn: x.closedOn,
      closureResult: (x.closureResult as PetitionClosureResult | null) ?? null,
      overdue: isOverdue(x, day),
      daysLeft: daysLeft(x, day),
      households: Number(r.households),
      atRiskHouseholds: Number(r.atRisk),
    };
  }

  const filterOf = (q: ExportQuery, day: string): repo.PetitionFilter => ({
    orgPrefix: orgFilterPrefix(q.orgCode),
    kind: q.kind,
    source: q.source,
    level: q.level,
    status: q.status,
    year: q.year,
    householdId: q.householdId,
    q: q.q,
    today: day,
  });

  async function list(ctx: RequestContext, q: ListQuery) {
    requirePermission(ctx, 'clues:read');
    const day = today();
    const where = repo.petitionWhere(ctx.actor.scopePrefix, filterOf(q, day));
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([repo.listPetitions(db, where, q, w), repo.countPetitions(db, where)]);
    return { items: rows.map((r) => toRow(r, day)), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  async function get(ctx: RequestContext, id: number): Promise<PetitionDetail> {
    requirePermission(ctx, 'clues:read');
    const day = today();
    const [row] = await repo.listPetitions(
      db,
      repo.petitionWhere(ctx.actor.scopePrefix, { id, today: day }),
      {},
      { pageSize: 1, offset: 0 },
    );
    if (!row) throw AppError.notFound(EVENT);
    const [steps, households] = await Promise.all([repo.stepsOf(db, [id]), repo.householdsOf(db, [id])]);
    return {
      ...toRow(row, day),
      summary: row.event.summary,
      closureNote: row.event.closureNote,
      steps: steps.map((x) => ({
        id: x.id,
        stepOn: x.stepOn,
        action: x.action as PetitionStepAction,
        note: x.note,
        actorName: x.actorName,
      })),
      householdsConcerned: households.map((x) => ({
        id: x.link.id,
        householdId: x.link.householdId,
        householdNo: x.householdNo,
        headName: x.headName,
        note: x.link.note,
        atRisk: x.link.atRisk,
        riskTypes: x.link.riskTypes,
        clueIds: x.link.clueIds.map(Number),
      })),
    };
  }

  /** 登记: a village in scope; the deadline from petitions.handlingDays in force in the month received. */
  async function create(ctx: RequestContext, input: z.infer<typeof petitionInput>): Promise<PetitionDetail> {
    requirePermission(ctx, 'clues:write');
    requireInScope(ctx, input.orgCode);
    if (
      levelOfCode(input.orgCode) !== 'village' ||
      !(await repo.villageExists(db, ctx.actor.scopePrefix, input.orgCode))
    )
      throw AppError.validation([
        { field: 'orgCode', messageZh: '请选择所涉行政村', messageEn: 'Choose the village concerned' },
      ]);
    const errors = eventErrors(input, today());
    if (errors.length) throw AppError.validation(errors);
    const countyCode = countyCodeOf(input.orgCode);
    const id = await db.transaction(async (tx) => {
      const days = numberParam(
        await resolveAll(tx, countyCode, input.receivedOn.slice(0, 7)),
        'petitions.handlingDays',
      );
      const deadlineOn = input.deadlineOn || deadlineOf(input.receivedOn, days);
      const newId = await repo.insertEvent(tx, {
        countyCode,
        orgCode: input.orgCode,
        kind: input.kind,
        source: input.source,
        level: input.level,
        receivedOn: input.receivedOn,
        deadlineOn,
        title: input.title,
        summary: input.summary,
        petitioner: input.petitioner || null,
        reference: input.reference || null,
        createdBy: ctx.actor.id || null,
      });
      await repo.insertStep(tx, {
        countyCode,
        orgCode: input.orgCode,
        eventId: newId,
        stepOn: input.receivedOn,
        action: 'accept',
        note: `受理登记，办理期限至 ${deadlineOn}`,
        actorName: ctx.actor.displayName,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: ENTITY,
        entityId: newId,
        orgCode: input.orgCode,
        after: { ...input, deadlineOn, handlingDays: input.deadlineOn ? null : days },
      });
      return newId;
    });
    return get(ctx, id);
  }

  async function openEvent(tx: Db, ctx: RequestContext, id: number) {
    const event = await repo.findEvent(tx, ctx.actor.scopePrefix, id, true);
    if (!event) throw AppError.notFound(EVENT);
    return event;
  }

  /** A handling step on the timeline: between the received day and today, on an open event. */
  async function addStep(ctx: RequestContext, id: number, input: z.infer<typeof petitionStepInput>) {
    requirePermission(ctx, 'clues:write');
    await db.transaction(async (tx) => {
      const event = await openEvent(tx, ctx, id);
      const errors = dateInEventErrors('stepOn', input.stepOn, event, today());
      if (errors.length) throw AppError.validation(errors);
      const stepId = await repo.insertStep(tx, {
        countyCode: event.countyCode,
        orgCode: event.orgCode,
        eventId: id,
        stepOn: input.stepOn,
        action: input.action,
        note: input.note,
        actorName: ctx.actor.displayName,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'recordStep',
        entity: ENTITY,
        entityId: id,
        orgCode: event.orgCode,
        after: { stepId, ...input },
      });
    });
    return get(ctx, id);
  }

  /** 办结: the result and a note, on a day between the received day and today. */
  async function close(ctx: RequestContext, id: number, input: z.infer<typeof petitionCloseInput>) {
    requirePermission(ctx, 'clues:write');
    await db.transaction(async (tx) => {
      const event = await openEvent(tx, ctx, id);
      if (event.closedOn) throw new AppError('CONFLICT', { zh: '该事项已办结', en: 'The event is closed' });
      const errors = dateInEventErrors('closedOn', input.closedOn, event, today());
      if (errors.length) throw AppError.validation(errors);
      if (!(await repo.closeEvent(tx, id, input)))
        throw new AppError('CONFLICT', { zh: '该事项已办结', en: 'The event is closed' });
      await recordAudit(tx, ctx, {
        action: 'conclude',
        entity: ENTITY,
        entityId: id,
        orgCode: event.orgCode,
        before: { closedOn: null },
        after: { ...input, overdue: input.closedOn > event.deadlineOn },
      });
    });
    return get(ctx, id);
  }

  /** A household concerned: a registry household in scope, of the event's village; once per event. */
  async function addHousehold(ctx: RequestContext, id: number, input: z.infer<typeof petitionHouseholdInput>) {
    requirePermission(ctx, 'clues:write');
    const { household } = await loadHousehold(db, ctx, input.householdId);
    await db.transaction(async (tx) => {
      const event = await openEvent(tx, ctx, id);
      if (household.villageCode !== event.orgCode)
        throw AppError.validation([
          {
            field: 'householdId',
            messageZh: '涉及农户须为本事项所在村的农户',
            messageEn: 'The household must live in the village of the event',
          },
        ]);
      if (await repo.findHouseholdLink(tx, id, household.id))
        throw AppError.validation([
          { field: 'householdId', messageZh: '该户已在涉及农户中', messageEn: 'The household is already listed' },
        ]);
      const linkId = await repo.insertHouseholdLink(tx, {
        countyCode: event.countyCode,
        orgCode: event.orgCode,
        eventId: id,
        householdId: household.id,
        note: input.note || null,
        addedBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'addHousehold',
        entity: ENTITY,
        entityId: id,
        orgCode: event.orgCode,
        after: { linkId, householdNo: household.householdNo, note: input.note ?? null },
      });
    });
    return get(ctx, id);
  }

  /**
   * 生成线索: the household concerned is at risk. Opens (or joins) its clue per risk, channel petition, through the
   * monitoring module in this transaction; the link keeps the risks and clue ids; audited here.
   */
  async function raiseClue(
    ctx: RequestContext,
    id: number,
    householdId: number,
    input: z.infer<typeof petitionClueInput>,
  ) {
    requirePermission(ctx, 'clues:write');
    const { household } = await loadHousehold(db, ctx, householdId);
    const clueIds = await db.transaction(async (tx) => {
      const event = await openEvent(tx, ctx, id);
      const link = await repo.findHouseholdLink(tx, id, household.id, true);
      if (!link) throw AppError.notFound(HOUSEHOLD);
      const ids = await openPetitionClues(tx, {
        countyCode: event.countyCode,
        householdId: household.id,
        villageCode: household.villageCode,
        kind: clueKindOf(event.kind as PetitionEventKind, event.source as PetitionSource),
        reference: event.reference ?? `XF${String(event.id).padStart(6, '0')}`,
        receivedOn: event.receivedOn,
        summary: event.title,
        riskTypes: input.riskTypes,
        createdBy: ctx.actor.displayName,
      });
      await repo.markAtRisk(tx, link.id, input.riskTypes, ids);
      await recordAudit(tx, ctx, {
        action: 'raiseClue',
        entity: ENTITY,
        entityId: id,
        orgCode: event.orgCode,
        after: { householdNo: household.householdNo, riskTypes: input.riskTypes, clueIds: ids },
      });
      return ids;
    });
    return { clueIds };
  }

  function zeroFilter(q: ZeroExportQuery) {
    return { year: q.year ?? Number(today().slice(0, 4)), orgPrefix: orgFilterPrefix(q.orgCode), zero: q.zero };
  }

  const toZeroRow = (r: repo.ZeroDbRow) => ({
    orgCode: r.org_code,
    villageName: r.village_name,
    townshipCode: r.township_code,
    townshipName: r.township_name,
    petitions: Number(r.petitions),
    publicOpinion: Number(r.public_opinion),
    openPetitions: Number(r.open_petitions),
    zeroPetition: Number(r.petitions) === 0,
  });

  /** 零上访 villages of a year (default: this year on the China day), per village and per township. */
  async function zeroPetition(ctx: RequestContext, q: ZeroQuery): Promise<ZeroPetitionPage> {
    requirePermission(ctx, 'clues:read');
    const f = zeroFilter(q);
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total, townships] = await Promise.all([
      repo.zeroPetitionRows(db, ctx.actor.scopePrefix, f, q, w),
      repo.zeroPetitionCount(db, ctx.actor.scopePrefix, f),
      repo.zeroPetitionTownships(db, ctx.actor.scopePrefix, f),
    ]);
    return {
      year: f.year,
      items: rows.map(toZeroRow),
      total,
      page: w.page ?? 1,
      pageSize: w.pageSize,
      townships: townships.map((t) => ({
        townshipCode: t.township_code,
        townshipName: t.township_name,
        villages: Number(t.villages),
        zeroVillages: Number(t.zero_villages),
        petitions: Number(t.petitions ?? 0),
      })),
    };
  }

  async function audited(ctx: RequestContext, ledger: string, rows: number, filters: unknown) {
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: ENTITY,
        orgCode: ctx.actor.orgCode,
        after: { ledger, rows, filters },
      }),
    );
  }

  /** 涉贫舆情信访台账 (.xlsx): the filtered events, their steps and the households concerned. */
  async function exportLedger(ctx: RequestContext, q: ExportQuery) {
    requirePermission(ctx, 'clues:read');
    const day = today();
    const where = repo.petitionWhere(ctx.actor.scopePrefix, filterOf(q, day));
    await audited(ctx, '涉贫舆情信访台账', await repo.countPetitions(db, where), q);
    const pageSize = 200;
    async function* batches() {
      for (let offset = 0; ; offset += pageSize) {
        const batch = await repo.listPetitions(db, where, { sort: 'receivedOn' }, { pageSize, offset });
        yield batch;
        if (batch.length < pageSize) return;
      }
    }
    async function* eventRows(): AsyncGenerator<Cell[]> {
      for await (const batch of batches())
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
    async function* stepRows(): AsyncGenerator<Cell[]> {
      for await (const batch of batches()) {
        const steps = await repo.stepsOf(
          db,
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
    async function* householdRows(): AsyncGenerator<Cell[]> {
      for await (const batch of batches()) {
        const links = await repo.householdsOf(
          db,
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
    return (out: Writable) =>
      writeLedger(
        out,
        [
          {
            title: '涉贫舆情信访台账',
            headers: [
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
            ],
            rows: eventRows(),
          },
          {
            title: '办理过程',
            headers: [
              { header: '事项编号', kind: 'integer' },
              '村',
              '事项标题',
              { header: '日期', kind: 'date' },
              '环节',
              '办理情况',
              '经办人',
            ],
            rows: stepRows(),
          },
          {
            title: '涉及农户',
            headers: [
              { header: '事项编号', kind: 'integer' },
              '村',
              '事项标题',
              '户编号',
              '户主',
              '存在风险',
              '风险类型',
              '线索编号',
              '说明',
            ],
            rows: householdRows(),
          },
        ],
        ledgerMeta(ctx),
      );
  }

  /** 零上访村台账 (.xlsx): the filtered villages of the year, and the township summary. */
  async function exportZeroPetition(ctx: RequestContext, q: ZeroExportQuery) {
    requirePermission(ctx, 'clues:read');
    const f = zeroFilter(q);
    const total = await repo.zeroPetitionCount(db, ctx.actor.scopePrefix, f);
    const townships = await repo.zeroPetitionTownships(db, ctx.actor.scopePrefix, f);
    await audited(ctx, '零上访村台账', total, q);
    async function* villageRows(): AsyncGenerator<Cell[]> {
      const pageSize = 500;
      for (let offset = 0; ; offset += pageSize) {
        const batch = await repo.zeroPetitionRows(db, ctx.actor.scopePrefix, f, {}, { pageSize, offset });
        for (const r of batch.map(toZeroRow))
          yield [
            f.year,
            r.townshipName,
            r.villageName,
            r.petitions,
            r.openPetitions,
            r.publicOpinion,
            r.zeroPetition ? '是' : '否',
          ];
        if (batch.length < pageSize) return;
      }
    }
    async function* townshipRows(): AsyncGenerator<Cell[]> {
      for (const t of townships)
        yield [f.year, t.township_name, Number(t.villages), Number(t.zero_villages), Number(t.petitions ?? 0)];
    }
    return (out: Writable) =>
      writeLedger(
        out,
        [
          {
            title: '零上访村',
            headers: [
              { header: '年度', kind: 'integer' },
              '乡镇',
              '村',
              { header: '信访事项(件)', kind: 'integer' },
              { header: '其中未办结(件)', kind: 'integer' },
              { header: '舆情(件)', kind: 'integer' },
              '零上访',
            ],
            rows: villageRows(),
          },
          {
            title: '按乡镇汇总',
            headers: [
              { header: '年度', kind: 'integer' },
              '乡镇',
              { header: '行政村(个)', kind: 'integer' },
              { header: '零上访村(个)', kind: 'integer' },
              { header: '信访事项(件)', kind: 'integer' },
            ],
            rows: townshipRows(),
          },
        ],
        ledgerMeta(ctx),
      );
  }

  return { list, get, create, addStep, close, addHousehold, raiseClue, zeroPetition, exportLedger, exportZeroPetition };
}

export type PetitionsService = ReturnType<typeof createPetitionsService>;
