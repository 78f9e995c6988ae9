import { STAGE_FIELDS, type CaseActionRequest, type CaseDetail } from '#common/contracts/cases.ts';
import { STAGE_ACTORS, noticeEndsOn, transition, type Stage } from '#common/domain/cases/workflow.ts';
import { visibleEvidence } from '#common/domain/monitoring/evidence.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { closeClueByCase, type MonitoringService } from '../monitoring/index.ts';
import { requireNoticeStartInside } from './cases.checks.ts';
import type { workflowParamsOf } from './cases.outcome.ts';
import { findCase, updateCase, type CaseRecord } from './cases.repository.ts';
import { completeStage, type StageInput } from './cases.stage-records.ts';
import { conflict, notFound, parseStage, stale, type Fields, type RecordStep } from './cases.step.ts';

// Acting on a case's current stage (办结本环节, 退回, 终止, 开始公示): who may act is the pure workflow
// (`transition`); each action is one transaction with its step, attachments and audit.

type Params = Awaited<ReturnType<typeof workflowParamsOf>>;

interface ActDeps {
  db: Db;
  step: RecordStep;
  get: (ctx: RequestContext, id: number) => Promise<CaseDetail>;
  today: () => string;
  monitoring: Pick<MonitoringService, 'explain'>;
  workflowParams: (tx: Db, countyCode: string) => Promise<Params>;
  eliminationCheck: StageInput['eliminationCheck'];
}

interface Acting {
  tx: Db;
  ctx: RequestContext;
  c: CaseRecord;
  req: CaseActionRequest;
  params: Params;
  now: string;
}

export function createCaseActions(deps: ActDeps) {
  const { db, step } = deps;

  /** 信息比对: the engine's evidence for the household, read before the transaction (PGlite: one connection). */
  async function comparisonEvidence(ctx: RequestContext, c: CaseRecord, req: CaseActionRequest) {
    if (c.stage !== 'comparison' || req.action !== 'complete') return null;
    if (!STAGE_ACTORS.comparison.roles.includes(ctx.actor.role)) return null;
    const explained = await deps.monitoring.explain(ctx, c.householdId);
    const fired = explained.rules.filter((r) => r.fired);
    return {
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
    } as Fields;
  }

  /** 开始公示 at the village: the notice period from the chosen day. */
  async function startNotice({ tx, ctx, c, req, params, now }: Acting) {
    if (c.stage !== 'publicNotice')
      throw conflict('当前不在村内公示环节', 'The case is not at the public notice stage');
    if (!STAGE_ACTORS.publicNotice.roles.includes(ctx.actor.role))
      throw new AppError('FORBIDDEN', {
        zh: '「村内公示」环节应由村级办理',
        en: 'The public notice is handled at village level',
      });
    if (c.noticeStartedOn)
      throw conflict(`公示已于 ${c.noticeStartedOn} 开始`, `The notice started on ${c.noticeStartedOn}`);
    const f = parseStage(STAGE_FIELDS.publicNoticeStart, req.fields ?? {});
    requireNoticeStartInside(c, f.startedOn, now);
    const ends = noticeEndsOn(f.startedOn, params.noticeDays);
    if (!(await updateCase(tx, c.id, c.version, { noticeStartedOn: f.startedOn, noticeEndsOn: ends }))) throw stale();
    await step(tx, ctx, c, {
      action: 'startNotice',
      from: 'publicNotice',
      to: 'publicNotice',
      note: `公示期 ${f.startedOn} 至 ${ends}（不少于${params.noticeDays}天）`,
      data: { startedOn: f.startedOn, endsOn: ends, days: params.noticeDays },
      attachmentIds: req.attachmentIds,
    });
  }

  /** 退回 (back one stage, the notice undone) or 终止 (closed; the clue closes with the reason). */
  async function rejectOrClose({ tx, ctx, c, req, now }: Acting, next: Stage) {
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
    if (!(await updateCase(tx, c.id, c.version, set))) throw stale();
    if (req.action === 'close' && c.clueId)
      await closeClueByCase(tx, c.clueId, `识别认定终止（事项 #${c.id}）：${reason}`);
    const action = req.action as 'reject' | 'close';
    await step(tx, ctx, c, {
      action,
      from: c.stage as Stage,
      to: next,
      note: reason,
      attachmentIds: req.attachmentIds,
    });
  }

  /** 办结本环节: the stage's record (cases.stage-records.ts), the case moved on. */
  async function complete(a: Acting, next: Stage, comparison: Fields | null) {
    const { tx, ctx, c, req } = a;
    const from = c.stage as Stage;
    const set: Partial<CaseRecord> = { stage: next };
    const input: StageInput = {
      ...a,
      fields: req.fields ?? {},
      comparison,
      set,
      eliminationCheck: deps.eliminationCheck,
    };
    const { record, data } = await completeStage(input, from);
    set.data = data;
    if (!(await updateCase(tx, c.id, c.version, set))) throw stale();
    await step(tx, ctx, c, {
      action: 'complete',
      from,
      to: next,
      // The stage's own opinion field (审核/审定意见), else the opinion given in the confirm dialog.
      note: typeof record.opinion === 'string' ? record.opinion : req.reason?.trim() || null,
      data: record,
      attachmentIds: req.attachmentIds,
    });
  }

  async function act(ctx: RequestContext, id: number, req: CaseActionRequest): Promise<CaseDetail> {
    requirePermission(ctx, 'cases:act');
    const before = await findCase(db, ctx.actor.scopePrefix, id);
    if (!before) throw notFound();
    const comparison = await comparisonEvidence(ctx, before, req);
    await db.transaction(async (tx) => {
      const c = await findCase(tx, ctx.actor.scopePrefix, id, true);
      if (!c) throw notFound();
      if (c.version !== req.version) throw stale();
      const a: Acting = { tx, ctx, c, req, params: await deps.workflowParams(tx, c.countyCode), now: deps.today() };
      if (req.action === 'startNotice') return startNotice(a);
      const t = transition({ kind: c.kind, stage: c.stage, noticeStartedOn: c.noticeStartedOn }, req.action, {
        role: ctx.actor.role,
        today: a.now,
        noticeDays: a.params.noticeDays,
      });
      if (!t.ok) {
        const msg = { zh: t.messageZh, en: t.messageEn };
        if (t.code === 'notYourStage') throw new AppError('FORBIDDEN', msg);
        if (t.code === 'cannotReject') throw new AppError('BAD_REQUEST', msg);
        throw new AppError('CONFLICT', msg);
      }
      if (req.action === 'reject' || req.action === 'close') return rejectOrClose(a, t.next);
      return complete(a, t.next, comparison);
    });
    return deps.get(ctx, id);
  }

  return { act };
}
