import type { z } from 'zod';
import type { CaseDetail, startEliminationRequest } from '#common/contracts/cases.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { findClueForCase, markClueWarningsHandled } from '../monitoring/index.ts';
import { activeCaseOfClue, activeCasesOfHousehold, householdFacts, insertCase } from './cases.repository.ts';
import { conflict, type RecordStep } from './cases.step.ts';

// Starting a case: 识别认定 from an open clue of a registered household, 风险消除 (帮扶/自然) of a
// monitored one (policy-rules §1.6, §1.8). One transaction each: the case, its first step, audit.

interface StartDeps {
  db: Db;
  step: RecordStep;
  get: (ctx: RequestContext, id: number) => Promise<CaseDetail>;
  today: () => string;
}

/** The open clue and its registered household, refused when either cannot start an identification (§1.6). */
async function identifiable(tx: Db, ctx: RequestContext, clueId: number) {
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
    throw conflict('该户已是监测对象，新的风险请在帮扶措施中跟进，无需重新识别', 'The household is already monitored');
  }
  const active = (await activeCasesOfHousehold(tx, h.id)).find((c) => c.kind === 'identification');
  if (active)
    throw conflict(
      `该户已有识别认定在办理中（事项 #${active.id}）`,
      `The household already has identification case #${active.id}`,
    );
  return { clue, h };
}

export function createCaseStarts({ db, step, get, today }: StartDeps) {
  async function startIdentification(ctx: RequestContext, clueId: number): Promise<CaseDetail> {
    requirePermission(ctx, 'cases:start');
    const id = await db.transaction(async (tx) => {
      const { clue, h } = await identifiable(tx, ctx, clueId);
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

  return { startIdentification, startElimination };
}
