import { checkStep, deliberationStatus, type StepRecord } from '#common/domain/deliberation/rules.ts';
import { countyCodeOf, levelOfCode } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { detail } from './deliberation.read.ts';
import { findDeliberation, insertDeliberation, insertStep, setStatus, stepsOf } from './deliberation.repository.ts';
import {
  NOT_FOUND,
  thisMonth,
  toStep,
  voteParams,
  type CreateInput,
  type DeliberationDeps,
  type StepInput,
} from './deliberation.shared.ts';

// Recording 四议两公开: a village opens a record, then records each step as it happens; the rules check the order,
// counts and votes and keep the status.

export async function create(d: DeliberationDeps, ctx: RequestContext, input: CreateInput) {
  requirePermission(ctx, 'deliberation:write');
  requireInScope(ctx, input.villageCode);
  if (levelOfCode(input.villageCode) !== 'village') {
    throw AppError.validation([
      { field: 'villageCode', messageZh: '四议两公开由行政村组织，请选择村', messageEn: 'Choose a village' },
    ]);
  }
  const id = await d.db.transaction(async (tx) => {
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
  return detail(d, ctx, id);
}

type Found = NonNullable<Awaited<ReturnType<typeof findDeliberation>>>;

/** The step checked against those recorded before it (a 一肩挑 village's committee step is merged by default). */
async function checkedStep(d: DeliberationDeps, tx: Db, row: Found, input: StepInput) {
  const recorded = (await stepsOf(tx, row.d.id)).map(toStep);
  const params = await voteParams(tx, countyCodeOf(row.d.villageCode), thisMonth(d));
  const step: StepRecord = { ...input };
  if (step.step === 'committee' && row.d.oneShoulder) step.merged = step.merged ?? true;
  const verdict = checkStep(recorded, step, params);
  if (!verdict.ok) throw AppError.validation(verdict.errors);
  return { recorded, step, passed: verdict.passed, status: deliberationStatus([...recorded, step], params) };
}

export async function recordStep(d: DeliberationDeps, ctx: RequestContext, id: number, input: StepInput) {
  requirePermission(ctx, 'deliberation:write');
  await d.db.transaction(async (tx) => {
    const row = await findDeliberation(tx, id, ctx.actor.scopePrefix, true);
    if (!row) throw AppError.notFound(NOT_FOUND);
    const { recorded, step, passed, status } = await checkedStep(d, tx, row, input);
    await insertStep(tx, {
      deliberationId: id,
      seq: recorded.length + 1,
      ...input,
      merged: step.merged ?? null,
      passed,
      recordedBy: ctx.actor.id || null,
    });
    await setStatus(tx, id, status);
    await recordAudit(tx, ctx, {
      action: 'recordStep',
      entity: 'deliberation',
      entityId: id,
      orgCode: row.d.villageCode,
      before: { status: row.d.status },
      after: { step: input.step, passed, status },
    });
  });
  return detail(d, ctx, id);
}
