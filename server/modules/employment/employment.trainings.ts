import type { trainingInput, trainingListQuery } from '#common/contracts/employment.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { countTraining, insertTraining, listTraining } from './employment.repository.ts';
import {
  householdOfPerson,
  reachOfCtx,
  toTrainingRow,
  trainingFilter,
  type EmploymentDeps,
  type Input,
} from './employment.shared.ts';

// 技能培训: the training list and a training recorded (with its certificate, if any).

export async function listTrainings(d: EmploymentDeps, ctx: RequestContext, q: Input<typeof trainingListQuery>) {
  requirePermission(ctx, 'assistance:read');
  const f = trainingFilter(ctx, q);
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [total, rows] = await Promise.all([
    countTraining(d.db, reachOfCtx(ctx), f),
    listTraining(d.db, reachOfCtx(ctx), f, w, q),
  ]);
  return { items: rows.map(toTrainingRow), total, page: w.page ?? 1, pageSize: w.pageSize };
}

export async function createTraining(
  d: EmploymentDeps,
  ctx: RequestContext,
  input: Input<typeof trainingInput>,
  source: 'manual' | 'import' = 'manual',
) {
  requirePermission(ctx, 'assistance:write');
  const h = await householdOfPerson(d, ctx, input.personId);
  const id = await d.db.transaction(async (tx) => {
    const newId = await insertTraining(tx, {
      countyCode: h.countyCode,
      villageCode: h.villageCode,
      householdId: h.householdId,
      personId: input.personId,
      kind: input.kind,
      course: input.course,
      provider: input.provider ?? null,
      startOn: input.startOn,
      endOn: input.endOn,
      certificateKind: input.certificateKind ?? null,
      certificateNo: input.certificateNo ?? null,
      certifiedOn: input.certifiedOn ?? null,
      source,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'training_record',
      entityId: newId,
      orgCode: h.villageCode,
      after: { ...input },
    });
    return newId;
  });
  return id;
}
