import type { z } from 'zod';
import type {
  deliberationCreate,
  deliberationListQuery,
  deliberationStepInput,
  DeliberationDetail,
} from '../../../common/contracts/deliberation.ts';
import {
  checkStep,
  deliberationStatus,
  isDecided,
  nextStep,
  voteOutcome,
  type StepRecord,
  type VoteParams,
} from '../../../common/domain/deliberation/rules.ts';
import { countyCodeOf, levelOfCode } from '../../../common/domain/org-code.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { systemClock, todayInChina, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import {
  findDeliberation,
  insertDeliberation,
  insertStep,
  listDeliberations,
  setStatus,
  stepsOf,
  type StepRecordRow,
} from './deliberation.repository.ts';

// 四议两公开 records (policy-rules §8): the village records each step as it happens; the system checks
// order, counts and the vote rules (parameters deliberation.partyAttendance / passShare and the meeting quorums
// of 村民委员会组织法 arts. 22, 26: villagersQuorum / householdsQuorum / representativesQuorum) and keeps the status.

type CreateInput = z.infer<typeof deliberationCreate>;
type StepInput = z.infer<typeof deliberationStepInput>;
type ListQuery = z.infer<typeof deliberationListQuery>;

const NOT_FOUND = { zh: '四议两公开记录', en: 'Deliberation record' };

export async function voteParams(db: Db, countyCode: string, period: string): Promise<VoteParams> {
  const params = await resolveAll(db, countyCode, period);
  return {
    partyAttendance: numberParam(params, 'deliberation.partyAttendance'),
    passShare: numberParam(params, 'deliberation.passShare'),
    villagersQuorum: numberParam(params, 'deliberation.villagersQuorum'),
    householdsQuorum: numberParam(params, 'deliberation.householdsQuorum'),
    representativesQuorum: numberParam(params, 'deliberation.representativesQuorum'),
    representativesPassBase: params['deliberation.representativesPassBase']?.value === 'present' ? 'present' : 'all',
  };
}

function toStep(r: StepRecordRow): StepRecord {
  return {
    step: r.step,
    heldOn: r.heldOn,
    content: r.content,
    expected: r.expected,
    present: r.present,
    votesFor: r.votesFor,
    votesAgainst: r.votesAgainst,
    meetingKind: r.meetingKind,
    origin: r.origin,
    merged: r.merged,
    townshipAttendee: r.townshipAttendee,
  };
}

/**
 * For the modules that rely on a decision (project declaration, asset income): the record exists in the
 * caller's scope, belongs to `villageCode` when given, and its resolution is voted and published.
 */
export async function requireDecided(
  db: Db,
  ctx: RequestContext,
  id: number,
  villageCode: string | null,
  field = 'deliberationId',
): Promise<void> {
  const row = await findDeliberation(db, id, ctx.actor.scopePrefix);
  const bad = (zh: string, en: string) => AppError.validation([{ field, messageZh: zh, messageEn: en }]);
  if (!row) throw bad('四议两公开记录不存在或无权查看', 'No such 四议两公开 record in your scope');
  if (villageCode && row.d.villageCode !== villageCode)
    throw bad('四议两公开记录不属于该村', 'The record belongs to another village');
  if (!isDecided(row.d.status))
    throw bad('四议两公开尚未完成决议并公开，不能作为依据', 'The record is not yet resolved and published');
}

export function createDeliberationService(db: Db, clock: Clock = systemClock) {
  const today = () => todayInChina(clock());

  async function detail(ctx: RequestContext, id: number): Promise<DeliberationDetail> {
    const row = await findDeliberation(db, id, ctx.actor.scopePrefix);
    if (!row) throw AppError.notFound(NOT_FOUND);
    const steps = await stepsOf(db, id);
    const params = await voteParams(db, countyCodeOf(row.d.villageCode), today().slice(0, 7));
    const failed = row.d.status === 'failed';
    return {
      id: row.d.id,
      villageCode: row.d.villageCode,
      villageName: row.villageName ?? row.d.villageCode,
      subject: row.d.subject,
      purpose: row.d.purpose,
      status: row.d.status,
      oneShoulder: row.d.oneShoulder,
      nextStep: nextStep(steps.map(toStep), failed),
      createdAt: row.d.createdAt.toISOString(),
      steps: steps.map((s) => ({
        ...toStep(s),
        id: s.id,
        seq: s.seq,
        passed: s.passed,
        ...voteOutcome(toStep(s), params),
      })),
    };
  }

  async function get(ctx: RequestContext, id: number) {
    requirePermission(ctx, 'deliberation:read');
    return detail(ctx, id);
  }

  async function list(ctx: RequestContext, q: ListQuery) {
    requirePermission(ctx, 'deliberation:read');
    const rows = await listDeliberations(db, ctx.actor.scopePrefix, q);
    return rows.map((r) => ({
      id: r.d.id,
      villageCode: r.d.villageCode,
      villageName: r.villageName ?? r.d.villageCode,
      subject: r.d.subject,
      purpose: r.d.purpose,
      status: r.d.status,
      oneShoulder: r.d.oneShoulder,
      nextStep: null,
      createdAt: r.d.createdAt.toISOString(),
    }));
  }

  async function create(ctx: RequestContext, input: CreateInput) {
    requirePermission(ctx, 'deliberation:write');
    requireInScope(ctx, input.villageCode);
    if (levelOfCode(input.villageCode) !== 'village') {
      throw AppError.validation([
        { field: 'villageCode', messageZh: '四议两公开由行政村组织，请选择村', messageEn: 'Choose a village' },
      ]);
    }
    const id = await db.transaction(async (tx) => {
      const newId = await insertDeliberation(tx, {
        ...input,
        countyCode: countyCodeOf(input.villageCode),
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'deliberation',
        entityId: newId,
        orgCode: input.villageCode,
        after: { ...input },
      });
      return newId;
    });
    return detail(ctx, id);
  }

  async function recordStep(ctx: RequestContext, id: number, input: StepInput) {
    requirePermission(ctx, 'deliberation:write');
    await db.transaction(async (tx) => {
      const row = await findDeliberation(tx, id, ctx.actor.scopePrefix, true);
      if (!row) throw AppError.notFound(NOT_FOUND);
      const recorded = (await stepsOf(tx, id)).map(toStep);
      const params = await voteParams(tx, countyCodeOf(row.d.villageCode), today().slice(0, 7));
      const step: StepRecord = { ...input };
      if (step.step === 'committee' && row.d.oneShoulder) step.merged = step.merged ?? true;
      const verdict = checkStep(recorded, step, params);
      if (!verdict.ok) throw AppError.validation(verdict.errors);
      await insertStep(tx, {
        deliberationId: id,
        seq: recorded.length + 1,
        ...input,
        merged: step.merged ?? null,
        passed: verdict.passed,
        recordedBy: ctx.actor.id || null,
      });
      const status = deliberationStatus([...recorded, step], params);
      await setStatus(tx, id, status);
      await recordAudit(tx, ctx, {
        action: 'recordStep',
        entity: 'deliberation',
        entityId: id,
        orgCode: row.d.villageCode,
        before: { status: row.d.status },
        after: { step: input.step, passed: verdict.passed, status },
      });
    });
    return detail(ctx, id);
  }

  return { get, list, create, recordStep };
}

export type DeliberationService = ReturnType<typeof createDeliberationService>;
