import type { z } from 'zod';
import {
  STAGE_FIELDS,
  type CaseActionRequest,
  type CaseDetail,
  type startEliminationRequest,
} from '../../../common/contracts/cases.ts';
import type { EliminationMode } from '../../../common/domain/cases/elimination.ts';
import { STAGE_ACTORS, noticeEndsOn, transition, type Stage } from '../../../common/domain/cases/workflow.ts';
import { visibleEvidence } from '../../../common/domain/monitoring/evidence.ts';
import { periodOf } from '../../../common/domain/period.ts';
import type { Db } from '../../db/connect.ts';
import { issueToField } from '../../http/validation.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import type { AttachmentsService } from '../attachments/index.ts';
import { closeClueByCase, findClueForCase, markClueWarningsHandled } from '../monitoring/index.ts';
import type { MonitoringService } from '../monitoring/index.ts';
import {
  requireMeetingInside,
  requireNoticeStartInside,
  requireObjectionsInside,
  requireTypeFitsKind,
} from './cases.checks.ts';
import { checkHouseholdElimination, criteriaError, finish, workflowParamsOf } from './cases.outcome.ts';
import { createCaseListExport } from './cases.list-export.ts';
import { createCaseReads } from './cases.read.ts';
import {
  activeCaseOfClue,
  activeCasesOfHousehold,
  findCase,
  householdFacts,
  insertCase,
  insertStep,
  updateCase,
  type CaseRecord,
  type HouseholdFacts,
} from './cases.repository.ts';

// 识别认定 (from a clue) and 风险消除 (from a monitored household), policy-rules §1.6 / §1.8.
// The stage order and who acts are the pure workflow; this service adds scope, the stage records,
// the household's monitoring fields at the end, the clue's outcome, attachments and audit — all in
// one transaction per action. Reads that use other services (engine explain) happen before it.

type Fields = Record<string, unknown>;

const notFound = () => AppError.notFound({ zh: '事项', en: 'Case' });
const conflict = (zh: string, en: string) => new AppError('CONFLICT', { zh, en });

function parseStage<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fields = r.error.issues.map((issue) => issueToField(issue));
  throw AppError.validation(fields.map((f) => ({ ...f, field: f.field || 'fields' })));
}

export interface CasesDeps {
  db: Db;
  attachments: AttachmentsService;
  monitoring: Pick<MonitoringService, 'explain'>;
  clock?: Clock;
}

export function createCasesService(deps: CasesDeps) {
  const { db, attachments } = deps;
  const clock = deps.clock ?? (() => new Date());
  const today = () => todayInChina(clock());

  const workflowParams = (tx: Db, countyCode: string, period = periodOf(today())) =>
    workflowParamsOf(tx, countyCode, period);
  const eliminationCheck = (tx: Db, h: HouseholdFacts, mode: EliminationMode, rigidSpendingResolved: boolean | null) =>
    checkHouseholdElimination(tx, h, mode, rigidSpendingResolved, today());

  async function step(
    tx: Db,
    ctx: RequestContext,
    c: CaseRecord,
    s: {
      action: 'start' | 'complete' | 'reject' | 'close' | 'startNotice';
      from: Stage | null;
      to: Stage;
      note?: string | null;
      data?: Fields;
      attachmentIds?: number[];
    },
  ) {
    const row = await insertStep(tx, {
      countyCode: c.countyCode,
      caseId: c.id,
      action: s.action,
      fromStage: s.from,
      toStage: s.to,
      actorId: ctx.actor.id || null,
      actorName: ctx.actor.displayName,
      actorRole: ctx.actor.role,
      actorOrgCode: ctx.actor.orgCode,
      note: s.note ?? null,
      data: s.data ?? {},
    });
    if (s.attachmentIds?.length) {
      requirePermission(ctx, 'attachments:write');
      await attachments.link(tx, ctx, {
        ids: s.attachmentIds,
        ownerKind: 'caseStep',
        ownerId: row.id,
        orgCode: c.villageCode,
      });
    }
    await recordAudit(tx, ctx, {
      action: s.action,
      entity: 'case',
      entityId: c.id,
      orgCode: c.villageCode,
      before: s.from ? { stage: s.from } : null,
      after: {
        stage: s.to,
        kind: c.kind,
        householdId: c.householdId,
        note: s.note ?? null,
        attachments: s.attachmentIds ?? [],
      },
    });
    return row;
  }

  // ---------------------------------------------------------------- start

  async function startIdentification(ctx: RequestContext, clueId: number): Promise<CaseDetail> {
    requirePermission(ctx, 'cases:start');
    const id = await db.transaction(async (tx) => {
      const clue = await findClueForCase(tx, ctx.actor.scopePrefix, clueId);
      if (!clue) throw AppError.notFound({ zh: '线索', en: 'Clue' });
      if (clue.status !== 'open') throw conflict('线索已关闭，不能发起识别认定', 'The clue is closed');
      if (clue.householdId === null) {
        throw AppError.validation([
          {
            field: 'clueId',
            messageZh: '申请人尚未在农户台账建档，请先建档后再发起识别',
            messageEn: 'The applicant is not in the registry yet: register the household first',
          },
        ]);
      }
      const existing = await activeCaseOfClue(tx, clueId);
      if (existing)
        throw conflict(`该线索已在办理中（事项 #${existing.id}）`, `The clue is already in case #${existing.id}`);
      const h = await householdFacts(tx, ctx.actor.scopePrefix, clue.householdId, true);
      if (!h) throw AppError.notFound({ zh: '农户', en: 'Household' });
      if (h.closed_on) throw conflict('该户已注销（合并或解散），不能发起识别', 'The household is closed');
      if (h.monitoring_status === 'monitored') {
        throw conflict(
          '该户已是监测对象，新的风险请在帮扶措施中跟进，无需重新识别',
          'The household is already monitored',
        );
      }
      const active = (await activeCasesOfHousehold(tx, h.id)).find((c) => c.kind === 'identification');
      if (active)
        throw conflict(
          `该户已有识别认定在办理中（事项 #${active.id}）`,
          `The household already has identification case #${active.id}`,
        );
      // A household whose risk was eliminated re-enters monitoring through a new identification; the
      // same risk type coming back is flagged for the reviewers (§1.8: elimination must be stable).
      const repeatRisk = h.monitoring_status === 'eliminated' && h.risk_types.includes(clue.riskType);
      const c = await insertCase(tx, {
        countyCode: clue.countyCode,
        villageCode: clue.villageCode,
        householdId: h.id,
        kind: 'identification',
        clueId,
        stage: 'verification',
        riskTypes: [clue.riskType],
        startedOn: todayInChina(clue.openedAt),
        data: {
          reopening: h.monitoring_status === 'eliminated',
          repeatRisk,
          previousRiskTypes: h.risk_types,
          previousEliminationPeriod: h.elimination_period,
        },
        createdBy: ctx.actor.id || null,
      });
      await step(tx, ctx, c, {
        action: 'start',
        from: null,
        to: 'verification',
        note: `由线索 #${clueId} 发起识别认定`,
        data: { clueId },
      });
      await markClueWarningsHandled(tx, clueId);
      return c.id;
    });
    return get(ctx, id);
  }

  async function startElimination(
    ctx: RequestContext,
    input: z.infer<typeof startEliminationRequest>,
  ): Promise<CaseDetail> {
    requirePermission(ctx, 'cases:start');
    if (input.mode === 'naturalElimination' && (input.naturalReason ?? '').length < 5) {
      throw AppError.validation([
        {
          field: 'naturalReason',
          messageZh: '自然消除须写明风险自然消失的原因（至少5个字）',
          messageEn: 'Natural elimination needs its reason (at least 5 characters)',
        },
      ]);
    }
    const id = await db.transaction(async (tx) => {
      const h = await householdFacts(tx, ctx.actor.scopePrefix, input.householdId, true);
      if (!h) throw AppError.notFound({ zh: '农户', en: 'Household' });
      if (h.monitoring_status !== 'monitored')
        throw conflict('该户不是在监测的对象，无需风险消除', 'The household is not monitored');
      if (h.whole_household_no_labour) {
        throw conflict(
          '整户无劳动能力户暂不标注风险消除，继续跟踪监测（政策 §1.8）',
          'A whole household without labour ability is not marked eliminated; it stays monitored',
        );
      }
      const active = await activeCasesOfHousehold(tx, h.id);
      if (active.length > 0)
        throw conflict(
          `该户已有事项在办理中（事项 #${active[0].id}）`,
          `The household already has case #${active[0].id} in progress`,
        );
      const c = await insertCase(tx, {
        countyCode: h.county_code,
        villageCode: h.village_code,
        householdId: h.id,
        kind: 'elimination',
        clueId: null,
        stage: 'verification',
        monitoringType: h.monitoring_type,
        riskTypes: h.risk_types,
        eliminationMode: input.mode,
        naturalReason: input.mode === 'naturalElimination' ? input.naturalReason! : null,
        startedOn: today(),
        createdBy: ctx.actor.id || null,
      });
      await step(tx, ctx, c, {
        action: 'start',
        from: null,
        to: 'verification',
        note: input.mode === 'naturalElimination' ? `自然消除：${input.naturalReason}` : '帮扶消除',
        data: { mode: input.mode },
      });
      return c.id;
    });
    return get(ctx, id);
  }

  // ---------------------------------------------------------------- act

  async function act(ctx: RequestContext, id: number, req: CaseActionRequest): Promise<CaseDetail> {
    requirePermission(ctx, 'cases:act');
    const before = await findCase(db, ctx.actor.scopePrefix, id);
    if (!before) throw notFound();
    // The engine's evidence is read before the transaction (PGlite has one connection).
    let comparison: Fields | null = null;
    if (
      before.stage === 'comparison' &&
      req.action === 'complete' &&
      STAGE_ACTORS.comparison.roles.includes(ctx.actor.role)
    ) {
      const explained = await deps.monitoring.explain(ctx, before.householdId);
      const fired = explained.rules.filter((r) => r.fired);
      comparison = {
        period: explained.period,
        suggestion: explained.suggestion,
        fired: fired
          .filter((r) => r.ruleCode !== 'EXCLUSION_FLAG')
          .map((r) => ({
            ruleCode: r.ruleCode,
            nameZh: r.nameZh,
            riskType: r.riskType,
            evidence: visibleEvidence(r.evidence),
          })),
        exclusionFlags: fired.filter((r) => r.ruleCode === 'EXCLUSION_FLAG').map((r) => visibleEvidence(r.evidence)),
      };
    }

    await db.transaction(async (tx) => {
      const c = await findCase(tx, ctx.actor.scopePrefix, id, true);
      if (!c) throw notFound();
      if (c.version !== req.version)
        throw conflict('该事项已被他人处理，请刷新后再试', 'The case was changed by someone else; reload it');
      const p = await workflowParams(tx, c.countyCode);
      const now = today();
      const fields = req.fields ?? {};

      if (req.action === 'startNotice') {
        if (c.stage !== 'publicNotice')
          throw conflict('当前不在村内公示环节', 'The case is not at the public notice stage');
        if (!STAGE_ACTORS.publicNotice.roles.includes(ctx.actor.role))
          throw new AppError('FORBIDDEN', {
            zh: '「村内公示」环节应由村级办理',
            en: 'The public notice is handled at village level',
          });
        if (c.noticeStartedOn)
          throw conflict(`公示已于 ${c.noticeStartedOn} 开始`, `The notice started on ${c.noticeStartedOn}`);
        const f = parseStage(STAGE_FIELDS.publicNoticeStart, fields);
        requireNoticeStartInside(c, f.startedOn, now);
        const ends = noticeEndsOn(f.startedOn, p.noticeDays);
        if (!(await updateCase(tx, c.id, c.version, { noticeStartedOn: f.startedOn, noticeEndsOn: ends })))
          throw conflict('该事项已被他人处理，请刷新后再试', 'Stale case');
        await step(tx, ctx, c, {
          action: 'startNotice',
          from: 'publicNotice',
          to: 'publicNotice',
          note: `公示期 ${f.startedOn} 至 ${ends}（不少于${p.noticeDays}天）`,
          data: { startedOn: f.startedOn, endsOn: ends, days: p.noticeDays },
          attachmentIds: req.attachmentIds,
        });
        return;
      }

      const t = transition({ kind: c.kind, stage: c.stage, noticeStartedOn: c.noticeStartedOn }, req.action, {
        role: ctx.actor.role,
        today: now,
        noticeDays: p.noticeDays,
      });
      if (!t.ok) {
        const msg = { zh: t.messageZh, en: t.messageEn };
        if (t.code === 'notYourStage') throw new AppError('FORBIDDEN', msg);
        if (t.code === 'cannotReject') throw new AppError('BAD_REQUEST', msg);
        throw new AppError('CONFLICT', msg);
      }
      const from = c.stage as Stage;
      const next = t.next;

      if (req.action === 'reject' || req.action === 'close') {
        const reason = (req.reason ?? '').trim();
        if (reason.length < 2)
          throw AppError.validation([
            {
              field: 'reason',
              messageZh: req.action === 'reject' ? '请填写退回原因' : '请填写终止原因',
              messageEn: 'Give the reason',
            },
          ]);
        const set: Partial<CaseRecord> = { stage: next };
        if (req.action === 'reject')
          Object.assign(set, { noticeStartedOn: null, noticeEndsOn: null, noticeEndedOn: null, decidedOn: null });
        else Object.assign(set, { status: 'closed', finishedOn: now });
        if (!(await updateCase(tx, c.id, c.version, set)))
          throw conflict('该事项已被他人处理，请刷新后再试', 'Stale case');
        if (req.action === 'close' && c.clueId)
          await closeClueByCase(tx, c.clueId, `识别认定终止（事项 #${c.id}）：${reason}`);
        await step(tx, ctx, c, { action: req.action, from, to: next, note: reason, attachmentIds: req.attachmentIds });
        return;
      }

      // complete: the stage's record
      const set: Partial<CaseRecord> = { stage: next };
      let record: Fields;
      const data = { ...c.data };
      switch (from) {
        case 'verification': {
          const f = parseStage(STAGE_FIELDS.verification, fields);
          record = { ...f };
          if (c.kind === 'identification') {
            const clue = c.clueId ? await findClueForCase(tx, '', c.clueId) : undefined;
            if (!f.consent && !clue?.consent?.signed) {
              throw AppError.validation([
                {
                  field: 'consent',
                  messageZh: '须由农户签署承诺授权书（签字或按手印）后才能继续',
                  messageEn: 'The household must sign the undertaking and authorisation',
                },
              ]);
            }
            if (!f.riskTypes)
              throw AppError.validation([
                {
                  field: 'riskTypes',
                  messageZh: '请选择核实到的风险类型（1至5种）',
                  messageEn: 'Choose the risks found (1–5)',
                },
              ]);
            set.riskTypes = f.riskTypes;
          } else {
            if (f.rigidSpendingResolved === undefined) {
              throw AppError.validation([
                {
                  field: 'rigidSpendingResolved',
                  messageZh: '请确认大额刚性支出是否已稳定解决',
                  messageEn: 'Confirm whether large rigid spending is resolved',
                },
              ]);
            }
            const h = await householdFacts(tx, '', c.householdId);
            const check = await eliminationCheck(tx, h!, c.eliminationMode as EliminationMode, f.rigidSpendingResolved);
            if (!check.ok) throw criteriaError(check.criteria);
            record = { ...f, criteria: check.criteria };
          }
          data.verification = record;
          break;
        }
        case 'comparison': {
          const f = parseStage(STAGE_FIELDS.comparison, fields);
          const needsReason = Boolean(
            (comparison?.suggestion as { needsWrittenReason?: boolean } | undefined)?.needsWrittenReason,
          );
          if (needsReason && (f.exclusionReason ?? '').length < 5) {
            throw AppError.validation([
              {
                field: 'exclusionReason',
                messageZh: '比对发现财政供养、经商办企业或车辆等核查提示，须写明继续办理的理由（至少5个字）',
                messageEn: 'The comparison shows an exclusion flag: write why the case proceeds',
              },
            ]);
          }
          requireTypeFitsKind((await householdFacts(tx, '', c.householdId))!.kind, f.monitoringType);
          record = { ...f, evidence: comparison };
          set.monitoringType = f.monitoringType;
          data.comparison = record;
          break;
        }
        case 'villageReview': {
          const f = parseStage(STAGE_FIELDS.villageReview, fields);
          requireMeetingInside(c, f.meetingOn, now);
          record = f;
          data.villageReview = record;
          break;
        }
        case 'publicNotice': {
          const f = parseStage(STAGE_FIELDS.publicNotice, fields);
          requireObjectionsInside(c, f.objections, now);
          record = f;
          set.noticeEndedOn = now;
          data.publicNotice = { ...f, startedOn: c.noticeStartedOn, endedOn: now, days: p.noticeDays };
          break;
        }
        case 'townshipReview': {
          record = parseStage(STAGE_FIELDS.townshipReview, fields);
          data.townshipReview = record;
          break;
        }
        case 'countyApproval': {
          const f = parseStage(STAGE_FIELDS.countyApproval, fields);
          record = { ...f };
          if (c.kind === 'identification') {
            if (f.monitoringType) set.monitoringType = f.monitoringType;
            if (f.riskTypes) set.riskTypes = f.riskTypes;
            const type = set.monitoringType ?? c.monitoringType;
            if (!type)
              throw AppError.validation([
                { field: 'monitoringType', messageZh: '请确定监测对象类型', messageEn: 'Decide the monitoring type' },
              ]);
            requireTypeFitsKind((await householdFacts(tx, '', c.householdId))!.kind, type);
          } else {
            const h = await householdFacts(tx, '', c.householdId);
            const resolved =
              (c.data.verification as { rigidSpendingResolved?: boolean } | undefined)?.rigidSpendingResolved ?? null;
            const check = await eliminationCheck(tx, h!, c.eliminationMode as EliminationMode, resolved);
            if (!check.ok) throw criteriaError(check.criteria);
            record = { ...f, criteria: check.criteria };
          }
          set.decidedOn = now;
          data.countyApproval = record;
          break;
        }
        case 'announcement': {
          const f = parseStage(STAGE_FIELDS.announcement, fields);
          if (f.announcedOn > now)
            throw AppError.validation([
              {
                field: 'announcedOn',
                messageZh: '公告日期不能晚于今天',
                messageEn: 'The announcement cannot be in the future',
              },
            ]);
          if (c.decidedOn && f.announcedOn < c.decidedOn)
            throw AppError.validation([
              {
                field: 'announcedOn',
                messageZh: `公告日期不能早于县级审定日期 ${c.decidedOn}`,
                messageEn: `Not before the decision on ${c.decidedOn}`,
              },
            ]);
          // The household's 户类型 may have been edited since 县级审定: the type must still fit it.
          if (c.kind === 'identification' && c.monitoringType)
            requireTypeFitsKind((await householdFacts(tx, '', c.householdId))!.kind, c.monitoringType);
          record = f;
          set.announcedOn = f.announcedOn;
          set.status = 'done';
          set.finishedOn = now;
          data.announcement = record;
          const snapshot = await finish(tx, ctx, { ...c, ...set } as CaseRecord, f.announcedOn);
          if (snapshot) data.snapshot = snapshot;
          break;
        }
        default:
          throw conflict('该事项已办结', 'The case is finished');
      }
      set.data = data;
      if (!(await updateCase(tx, c.id, c.version, set)))
        throw conflict('该事项已被他人处理，请刷新后再试', 'Stale case');
      await step(tx, ctx, c, {
        action: 'complete',
        from,
        to: next,
        // The stage's own opinion field (审核/审定意见), else the opinion given in the confirm dialog.
        note: typeof record.opinion === 'string' ? record.opinion : req.reason?.trim() || null,
        data: record,
        attachmentIds: req.attachmentIds,
      });
    });
    return get(ctx, id);
  }

  const { get, list, allRows } = createCaseReads({ db, attachments, today, workflowParams, eliminationCheck });
  const listExport = createCaseListExport(db, { allRows });

  return {
    startIdentification,
    startElimination,
    act,
    get,
    list,
    allRows,
    prepareListExport: listExport.prepare,
    workflowParams,
    today,
    eliminationCheck,
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
