import type { DeliberationDetail } from '#common/contracts/deliberation.ts';
import { nextStep, voteOutcome } from '#common/domain/deliberation/rules.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { findDeliberation, listDeliberations, stepsOf } from './deliberation.repository.ts';
import {
  NOT_FOUND,
  thisMonth,
  toStep,
  voteParams,
  type DeliberationDeps,
  type ListQuery,
} from './deliberation.shared.ts';

// Reading 四议两公开 records: the list, and one record with its steps, each with the vote's outcome under the rules.

/** One record in scope with its steps (no permission check: the writes read back through it). */
export async function detail(d: DeliberationDeps, ctx: RequestContext, id: number): Promise<DeliberationDetail> {
  const row = await findDeliberation(d.db, id, ctx.actor.scopePrefix);
  if (!row) throw AppError.notFound(NOT_FOUND);
  const steps = await stepsOf(d.db, id);
  const params = await voteParams(d.db, countyCodeOf(row.d.villageCode), thisMonth(d));
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

export async function get(d: DeliberationDeps, ctx: RequestContext, id: number) {
  requirePermission(ctx, 'deliberation:read');
  return detail(d, ctx, id);
}

export async function list(d: DeliberationDeps, ctx: RequestContext, q: ListQuery) {
  requirePermission(ctx, 'deliberation:read');
  const rows = await listDeliberations(d.db, ctx.actor.scopePrefix, q);
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
