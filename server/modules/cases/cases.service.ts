import type { z } from 'zod';
import {
  STAGE_FIELDS,
  type CaseActionRequest,
  type CaseDetail,
  type CaseRow,
  type caseListQuery,
  type startEliminationRequest,
} from '../../../common/contracts/cases.ts';
import { checkElimination, type EliminationMode } from '../../../common/domain/cases/elimination.ts';
import { STAGE_ACTORS, STAGE_LABELS, noticeEndsOn, timeLimit, transition, type Stage } from '../../../common/domain/cases/workflow.ts';
import { visibleEvidence } from '../../../common/domain/monitoring/evidence.ts';
import { periodOf } from '../../../common/domain/period.ts';
import { divideFenHalfUp } from '../../../common/domain/registry/income.ts';
import { can } from '../../../common/domain/roles.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { AttachmentsService } from '../attachments/attachments.service.ts';
import { closeClueByCase, findClueForCase, markClueWarningsHandled } from '../monitoring/clues.repository.ts';
import type { MonitoringService } from '../monitoring/monitoring.service.ts';
import { numberParam, resolveAll } from '../params/params.service.ts';
import { recordChange } from '../registry/registry.guard.ts';
import {
  activeCaseOfClue,
  activeCasesOfHousehold,
  findCase,
  householdFacts,
  insertCase,
  insertStep,
  latestIncome,
  listCases,
  measuresByRisk,
  openClueCount,
  setHouseholdMonitoring,
  stepsOf,
  updateCase,
  type CaseRecord,
  type HouseholdFacts,
} from './cases.repository.ts';

// 识别认定 (from a clue) and 风险消除 (from a monitored household), policy-rules §1.6 / §1.8.
// The stage order and who acts are the pure workflow; this service adds scope, the stage records,
// the household's monitoring fields at the end, the clue's outcome, attachments and audit — all in
// one transaction per action. Reads that use other services (engine explain) happen before it.

type ListQuery = z.infer<typeof caseListQuery>;
type Fields = Record<string, unknown>;

const notFound = () => AppError.notFound({ zh: '事项', en: 'Case' });
const conflict = (zh: string, en: string) => new AppError('CONFLICT', { zh, en });

function parseStage<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw AppError.validation(
    r.error.issues.map((i) => {
      const [zh, en] = i.message.includes(' / ') ? i.message.split(' / ') : [i.message, i.message];
      return { field: i.path.join('.') || 'fields', messageZh: zh, messageEn: en };
    }),
  );
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

  async function workflowParams(tx: Db, countyCode: string, period = periodOf(today())) {
    const params = await resolveAll(tx, countyCode, period);
    return {
      noticeDays: numberParam(params, 'workflow.noticeDays'),
      limitDays: numberParam(params, 'workflow.identificationDays'),
      minMonths: numberParam(params, 'workflow.minMonthsBeforeElimination'),
    };
  }

  function limitView(c: Pick<CaseRecord, 'kind' | 'startedOn' | 'decidedOn' | 'status' | 'finishedOn'>, limitDays: number) {
    if (c.kind !== 'identification') return null;
    const end = c.decidedOn ?? (c.status === 'closed' ? c.finishedOn : null);
    return { ...timeLimit(c.startedOn, today(), limitDays, end), limitDays };
  }

  function toRow(r: Awaited<ReturnType<typeof listCases>>[number], limitDays: number): CaseRow {
    const c = r.c;
    return {
      id: c.id,
      kind: c.kind,
      stage: c.stage,
      status: c.status,
      householdId: c.householdId,
      householdNo: r.householdNo,
      headName: r.headName,
      villageCode: c.villageCode,
      villageName: r.villageName,
      townshipName: r.townshipName,
      riskTypes: c.riskTypes,
      monitoringType: c.monitoringType,
      eliminationMode: c.eliminationMode,
      startedOn: c.startedOn,
      noticeStartedOn: c.noticeStartedOn,
      noticeEndsOn: c.noticeEndsOn,
      decidedOn: c.decidedOn,
      finishedOn: c.finishedOn,
      timeLimit: limitView(c, limitDays),
      version: c.version,
    };
  }

  /** The facts and the check of §1.8 for an elimination case (or a household about to start one). */
  async function eliminationCheck(tx: Db, h: HouseholdFacts, mode: EliminationMode, rigidSpendingResolved: boolean | null) {
    const p = await workflowParams(tx, h.county_code);
    const income = await latestIncome(tx, h.id);
    let incomeFacts = null;
    if (income) {
      const params = await resolveAll(tx, h.county_code, `${income.year}-12`);
      const line = params['monitoring.incomeLineFen']?.value;
      incomeFacts = { year: income.year, perCapitaFen: divideFenHalfUp(income.net_income, Math.max(1, income.household_size)), lineFen: typeof line === 'number' ? line : null };
    }
    const result = checkElimination({
      mode,
      asOfPeriod: periodOf(today()),
      identificationPeriod: h.identification_period,
      minMonths: p.minMonths,
      riskTypes: h.risk_types,
      measuresByRisk: await measuresByRisk(tx, h.id),
      income: incomeFacts,
      rigidSpendingResolved,
      openClues: await openClueCount(tx, h.id),
      housingUnsafe: h.housing_unsafe,
      schoolDropout: h.school_dropout,
      medicalUninsured: h.medical_uninsured,
      waterSafe: h.water_safe,
      wholeHouseholdNoLabour: h.whole_household_no_labour,
    });
    return { ...result, income };
  }

  function criteriaError(criteria: ReturnType<typeof checkElimination>['criteria']) {
    const failed = criteria.filter((c) => c.ok === false);
    return new AppError(
      'CONFLICT',
      { zh: `不符合风险消除条件：${failed.map((c) => `${c.labelZh}（${c.detailZh}）`).join('；')}`, en: `Elimination criteria not met: ${failed.map((c) => c.labelEn).join('; ')}` },
      failed.map((c) => ({ field: `criteria.${c.code}`, messageZh: c.detailZh, messageEn: c.labelEn })),
    );
  }

  async function step(
    tx: Db,
    ctx: RequestContext,
    c: CaseRecord,
    s: { action: 'start' | 'complete' | 'reject' | 'close' | 'startNotice'; from: Stage | null; to: Stage; note?: string | null; data?: Fields; attachmentIds?: number[] },
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
      await attachments.link(tx, ctx, { ids: s.attachmentIds, ownerKind: 'caseStep', ownerId: row.id, orgCode: c.villageCode });
    }
    await recordAudit(tx, ctx, {
      action: s.action,
      entity: 'case',
      entityId: c.id,
      orgCode: c.villageCode,
      before: s.from ? { stage: s.from } : null,
      after: { stage: s.to, kind: c.kind, householdId: c.householdId, note: s.note ?? null, attachments: s.attachmentIds ?? [] },
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
        throw AppError.validation([{ field: 'clueId', messageZh: '申请人尚未在农户台账建档，请先建档后再发起识别', messageEn: 'The applicant is not in the registry yet: register the household first' }]);
      }
      const existing = await activeCaseOfClue(tx, clueId);
      if (existing) throw conflict(`该线索已在办理中（事项 #${existing.id}）`, `The clue is already in case #${existing.id}`);
      const h = await householdFacts(tx, ctx.actor.scopePrefix, clue.householdId, true);
      if (!h) throw AppError.notFound({ zh: '农户', en: 'Household' });
      if (h.closed_on) throw conflict('该户已注销（合并或解散），不能发起识别', 'The household is closed');
      if (h.monitoring_status === 'monitored') {
        throw conflict('该户已是监测对象，新的风险请在帮扶措施中跟进，无需重新识别', 'The household is already monitored');
      }
      const active = (await activeCasesOfHousehold(tx, h.id)).find((c) => c.kind === 'identification');
      if (active) throw conflict(`该户已有识别认定在办理中（事项 #${active.id}）`, `The household already has identification case #${active.id}`);
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
        data: { reopening: h.monitoring_status === 'eliminated', repeatRisk, previousRiskTypes: h.risk_types, previousEliminationPeriod: h.elimination_period },
        createdBy: ctx.actor.id || null,
      });
      await step(tx, ctx, c, { action: 'start', from: null, to: 'verification', note: `由线索 #${clueId} 发起识别认定`, data: { clueId } });
      await markClueWarningsHandled(tx, clueId);
      return c.id;
    });
    return get(ctx, id);
  }

  async function startElimination(ctx: RequestContext, input: z.infer<typeof startEliminationRequest>): Promise<CaseDetail> {
    requirePermission(ctx, 'cases:start');
    if (input.mode === 'naturalElimination' && (input.naturalReason ?? '').length < 5) {
      throw AppError.validation([{ field: 'naturalReason', messageZh: '自然消除须写明风险自然消失的原因（至少5个字）', messageEn: 'Natural elimination needs its reason (at least 5 characters)' }]);
    }
    const id = await db.transaction(async (tx) => {
      const h = await householdFacts(tx, ctx.actor.scopePrefix, input.householdId, true);
      if (!h) throw AppError.notFound({ zh: '农户', en: 'Household' });
      if (h.monitoring_status !== 'monitored') throw conflict('该户不是在监测的对象，无需风险消除', 'The household is not monitored');
      if (h.whole_household_no_labour) {
        throw conflict('整户无劳动能力户暂不标注风险消除，继续跟踪监测（政策 §1.8）', 'A whole household without labour ability is not marked eliminated; it stays monitored');
      }
      const active = await activeCasesOfHousehold(tx, h.id);
      if (active.length > 0) throw conflict(`该户已有事项在办理中（事项 #${active[0].id}）`, `The household already has case #${active[0].id} in progress`);
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
      await step(tx, ctx, c, { action: 'start', from: null, to: 'verification', note: input.mode === 'naturalElimination' ? `自然消除：${input.naturalReason}` : '帮扶消除', data: { mode: input.mode } });
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
    if (before.stage === 'comparison' && req.action === 'complete' && STAGE_ACTORS.comparison.roles.includes(ctx.actor.role)) {
      const explained = await deps.monitoring.explain(ctx, before.householdId);
      const fired = explained.rules.filter((r) => r.fired);
      comparison = {
        period: explained.period,
        suggestion: explained.suggestion,
        fired: fired.filter((r) => r.ruleCode !== 'EXCLUSION_FLAG').map((r) => ({ ruleCode: r.ruleCode, nameZh: r.nameZh, riskType: r.riskType, evidence: visibleEvidence(r.evidence) })),
        exclusionFlags: fired.filter((r) => r.ruleCode === 'EXCLUSION_FLAG').map((r) => visibleEvidence(r.evidence)),
      };
    }

    await db.transaction(async (tx) => {
      const c = await findCase(tx, ctx.actor.scopePrefix, id, true);
      if (!c) throw notFound();
      if (c.version !== req.version) throw conflict('该事项已被他人处理，请刷新后再试', 'The case was changed by someone else; reload it');
      const p = await workflowParams(tx, c.countyCode);
      const now = today();
      const fields = req.fields ?? {};

      if (req.action === 'startNotice') {
        if (c.stage !== 'publicNotice') throw conflict('当前不在村内公示环节', 'The case is not at the public notice stage');
        if (!STAGE_ACTORS.publicNotice.roles.includes(ctx.actor.role)) throw new AppError('FORBIDDEN', { zh: '「村内公示」环节应由村级办理', en: 'The public notice is handled at village level' });
        if (c.noticeStartedOn) throw conflict(`公示已于 ${c.noticeStartedOn} 开始`, `The notice started on ${c.noticeStartedOn}`);
        const f = parseStage(STAGE_FIELDS.publicNoticeStart, fields);
        if (f.startedOn > now) throw AppError.validation([{ field: 'startedOn', messageZh: '公示开始日期不能晚于今天', messageEn: 'The notice cannot start in the future' }]);
        const review = (c.data.villageReview as { meetingOn?: string } | undefined)?.meetingOn;
        if (review && f.startedOn < review) throw AppError.validation([{ field: 'startedOn', messageZh: `公示不能早于民主评议日期 ${review}`, messageEn: `The notice cannot start before the review on ${review}` }]);
        const ends = noticeEndsOn(f.startedOn, p.noticeDays);
        if (!(await updateCase(tx, c.id, c.version, { noticeStartedOn: f.startedOn, noticeEndsOn: ends }))) throw conflict('该事项已被他人处理，请刷新后再试', 'Stale case');
        await step(tx, ctx, c, { action: 'startNotice', from: 'publicNotice', to: 'publicNotice', note: `公示期 ${f.startedOn} 至 ${ends}（不少于${p.noticeDays}天）`, data: { startedOn: f.startedOn, endsOn: ends, days: p.noticeDays }, attachmentIds: req.attachmentIds });
        return;
      }

      const t = transition({ kind: c.kind, stage: c.stage, noticeStartedOn: c.noticeStartedOn }, req.action, { role: ctx.actor.role, today: now, noticeDays: p.noticeDays });
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
        if (reason.length < 2) throw AppError.validation([{ field: 'reason', messageZh: req.action === 'reject' ? '请填写退回原因' : '请填写终止原因', messageEn: 'Give the reason' }]);
        const set: Partial<CaseRecord> = { stage: next };
        if (req.action === 'reject') Object.assign(set, { noticeStartedOn: null, noticeEndsOn: null, noticeEndedOn: null, decidedOn: null });
        else Object.assign(set, { status: 'closed', finishedOn: now });
        if (!(await updateCase(tx, c.id, c.version, set))) throw conflict('该事项已被他人处理，请刷新后再试', 'Stale case');
        if (req.action === 'close' && c.clueId) await closeClueByCase(tx, c.clueId, `识别认定终止（事项 #${c.id}）：${reason}`);
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
              throw AppError.validation([{ field: 'consent', messageZh: '须由农户签署承诺授权书（签字或按手印）后才能继续', messageEn: 'The household must sign the undertaking and authorisation' }]);
            }
            if (!f.riskTypes) throw AppError.validation([{ field: 'riskTypes', messageZh: '请选择核实到的风险类型（1至5种）', messageEn: 'Choose the risks found (1–5)' }]);
            set.riskTypes = f.riskTypes;
          } else {
            if (f.rigidSpendingResolved === undefined) {
              throw AppError.validation([{ field: 'rigidSpendingResolved', messageZh: '请确认大额刚性支出是否已稳定解决', messageEn: 'Confirm whether large rigid spending is resolved' }]);
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
          const needsReason = Boolean((comparison?.suggestion as { needsWrittenReason?: boolean } | undefined)?.needsWrittenReason);
          if (needsReason && (f.exclusionReason ?? '').length < 5) {
            throw AppError.validation([{ field: 'exclusionReason', messageZh: '比对发现财政供养、经商办企业或车辆等核查提示，须写明继续办理的理由（至少5个字）', messageEn: 'The comparison shows an exclusion flag: write why the case proceeds' }]);
          }
          record = { ...f, evidence: comparison };
          set.monitoringType = f.monitoringType;
          data.comparison = record;
          break;
        }
        case 'villageReview': {
          const f = parseStage(STAGE_FIELDS.villageReview, fields);
          if (f.meetingOn > now) throw AppError.validation([{ field: 'meetingOn', messageZh: '评议日期不能晚于今天', messageEn: 'The meeting cannot be in the future' }]);
          record = f;
          data.villageReview = record;
          break;
        }
        case 'publicNotice': {
          const f = parseStage(STAGE_FIELDS.publicNotice, fields);
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
            if (!(set.monitoringType ?? c.monitoringType)) throw AppError.validation([{ field: 'monitoringType', messageZh: '请确定监测对象类型', messageEn: 'Decide the monitoring type' }]);
          } else {
            const h = await householdFacts(tx, '', c.householdId);
            const resolved = (c.data.verification as { rigidSpendingResolved?: boolean } | undefined)?.rigidSpendingResolved ?? null;
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
          if (f.announcedOn > now) throw AppError.validation([{ field: 'announcedOn', messageZh: '公告日期不能晚于今天', messageEn: 'The announcement cannot be in the future' }]);
          if (c.decidedOn && f.announcedOn < c.decidedOn) throw AppError.validation([{ field: 'announcedOn', messageZh: `公告日期不能早于县级审定日期 ${c.decidedOn}`, messageEn: `Not before the decision on ${c.decidedOn}` }]);
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
      if (!(await updateCase(tx, c.id, c.version, set))) throw conflict('该事项已被他人处理，请刷新后再试', 'Stale case');
      await step(tx, ctx, c, { action: 'complete', from, to: next, note: typeof record.opinion === 'string' ? record.opinion : null, data: record, attachmentIds: req.attachmentIds });
    });
    return get(ctx, id);
  }

  /** 纳入监测 / 风险消除 on the household, with its timeline entry; the clue closes with the outcome. */
  async function finish(tx: Db, ctx: RequestContext, c: CaseRecord, announcedOn: string): Promise<Fields | null> {
    const h = await householdFacts(tx, '', c.householdId, true);
    if (!h) throw notFound();
    const before = { monitoringType: h.monitoring_type, riskTypes: h.risk_types, identificationPeriod: h.identification_period, eliminationPeriod: h.elimination_period, eliminationMode: h.elimination_mode };
    const household = { id: h.id, countyCode: h.county_code, villageCode: h.village_code, householdNo: h.household_no };
    if (c.kind === 'identification') {
      const after = { monitoringType: c.monitoringType, riskTypes: c.riskTypes.slice(0, 5), identificationPeriod: periodOf(announcedOn), eliminationPeriod: null, eliminationMode: null };
      await setHouseholdMonitoring(tx, h.id, after);
      await recordChange(tx, ctx, household, before.eliminationPeriod ? 'reidentify' : 'identify', `识别认定纳入监测（事项 #${c.id}）`, before, after);
      if (c.clueId) await closeClueByCase(tx, c.clueId, `已纳入监测（事项 #${c.id}）`);
      return null;
    }
    if (h.whole_household_no_labour) {
      throw conflict('整户无劳动能力户暂不标注风险消除，继续跟踪监测', 'A whole household without labour ability stays monitored');
    }
    const income = await latestIncome(tx, h.id);
    const snapshot: Fields = {
      takenOn: announcedOn,
      income: income
        ? {
            year: income.year,
            wageIncome: income.wage_income,
            businessIncome: income.business_income,
            propertyIncome: income.property_income,
            transferIncome: income.transfer_income,
            businessCost: income.business_cost,
            insurancePayout: income.insurance_payout,
            eligibleOutOfPocket: income.eligible_out_of_pocket,
            netIncome: income.net_income,
            householdSize: income.household_size,
            perCapitaFen: divideFenHalfUp(income.net_income, Math.max(1, income.household_size)),
          }
        : null,
      housingUnsafe: h.housing_unsafe,
      schoolDropout: h.school_dropout,
      medicalUninsured: h.medical_uninsured,
      waterSafe: h.water_safe,
    };
    const after = { ...before, eliminationPeriod: periodOf(announcedOn), eliminationMode: c.eliminationMode };
    await setHouseholdMonitoring(tx, h.id, after);
    await recordChange(tx, ctx, household, 'eliminate', `风险消除（${c.eliminationMode === 'naturalElimination' ? '自然消除' : '帮扶消除'}，事项 #${c.id}）`, before, after);
    return snapshot;
  }

  // ---------------------------------------------------------------- read

  async function get(ctx: RequestContext, id: number): Promise<CaseDetail> {
    requirePermission(ctx, 'cases:read');
    const [r] = await listCases(db, { scopePrefix: ctx.actor.scopePrefix, status: 'active', afterId: 0, limit: 1, ids: [id] }).then(async (a) =>
      a.length ? a : listCases(db, { scopePrefix: ctx.actor.scopePrefix, status: 'done', afterId: 0, limit: 1, ids: [id] }),
    ).then(async (a) => (a.length ? a : listCases(db, { scopePrefix: ctx.actor.scopePrefix, status: 'closed', afterId: 0, limit: 1, ids: [id] })));
    if (!r) throw notFound();
    const c = r.c;
    const p = await workflowParams(db, c.countyCode);
    const steps = await stepsOf(db, c.id);
    const files = can(ctx.actor.role, 'attachments:read') ? await attachments.listMany(ctx, 'caseStep', steps.map((s) => s.id)) : [];
    const h = (await householdFacts(db, '', c.householdId))!;
    const clue = c.clueId ? await findClueForCase(db, '', c.clueId, false) : undefined;
    const active = c.status === 'active' && c.stage !== 'done' && c.stage !== 'closed';
    const actors = active ? STAGE_ACTORS[c.stage as Exclude<Stage, 'done' | 'closed'>] : null;
    const mine = Boolean(actors && can(ctx.actor.role, 'cases:act') && actors.roles.includes(ctx.actor.role));
    const allowed: CaseDetail['allowedActions'] = [];
    if (mine) {
      if (c.stage === 'publicNotice' && !c.noticeStartedOn) allowed.push('startNotice');
      else allowed.push('complete');
      if (c.stage !== 'verification') allowed.push('reject');
      allowed.push('close');
    }
    let criteria = null;
    if (c.kind === 'elimination' && active) {
      const resolved = (c.data.verification as { rigidSpendingResolved?: boolean } | undefined)?.rigidSpendingResolved ?? null;
      criteria = (await eliminationCheck(db, h, c.eliminationMode as EliminationMode, resolved)).criteria;
    } else if (c.kind === 'elimination') {
      criteria = ((c.data.countyApproval as { criteria?: CaseDetail['criteria'] } | undefined)?.criteria ?? null) as CaseDetail['criteria'];
    }
    return {
      ...toRow(r, p.limitDays),
      clue: clue ? { id: clue.id, channel: clue.channel, summary: clue.summary, openedAt: clue.openedAt.toISOString(), consentSigned: Boolean(clue.consent?.signed) } : null,
      naturalReason: c.naturalReason,
      data: c.data,
      steps: steps.map((s) => ({
        id: s.id,
        action: s.action,
        fromStage: s.fromStage,
        toStage: s.toStage,
        actorName: s.actorName,
        actorRole: s.actorRole,
        note: s.note,
        data: s.data,
        at: s.at.toISOString(),
        attachments: files.filter((f) => f.ownerId === s.id).map((f) => ({ id: f.id, fileName: f.fileName, mime: f.mime, sizeBytes: f.sizeBytes })),
      })),
      allowedActions: allowed,
      actorLevel: actors ? (actors.level as 'county' | 'township' | 'village') : null,
      noticeDays: p.noticeDays,
      criteria,
      household: {
        monitoringStatus: h.monitoring_status,
        monitoringType: h.monitoring_type,
        riskTypes: h.risk_types,
        identificationPeriod: h.identification_period,
        eliminationPeriod: h.elimination_period,
        wholeHouseholdNoLabour: h.whole_household_no_labour,
      },
    };
  }

  async function list(ctx: RequestContext, q: ListQuery) {
    requirePermission(ctx, 'cases:read');
    const countyCode = ctx.actor.scopePrefix ? ctx.actor.scopePrefix.slice(0, 6) + '000000' : '140521000000';
    const p = await workflowParams(db, countyCode);
    const items: CaseRow[] = [];
    let after = q.afterId;
    // The due filter is computed per row (calendar days from the clue); scan on until the page is full.
    for (let round = 0; round < 20 && items.length < q.limit; round++) {
      const rows = await listCases(db, { scopePrefix: ctx.actor.scopePrefix, kind: q.kind, status: q.status, stage: q.stage, orgPrefix: q.orgCode?.replace(/(000)+$/, ''), afterId: after, limit: q.limit });
      for (const r of rows) {
        const row = toRow(r, p.limitDays);
        if (!q.due || row.timeLimit?.status === q.due) items.push(row);
        if (items.length === q.limit) break;
      }
      if (rows.length < q.limit) {
        after = -1;
        break;
      }
      after = rows[rows.length - 1].c.id;
    }
    return { items, nextAfterId: after === -1 || items.length < q.limit ? null : items[items.length - 1].id, stageLabels: STAGE_LABELS };
  }

  return { startIdentification, startElimination, act, get, list, workflowParams, today, eliminationCheck };
}

export type CasesService = ReturnType<typeof createCasesService>;
