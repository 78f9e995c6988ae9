import type { workshopInput, workshopListQuery } from '#common/contracts/employment.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import {
  countWorkshops,
  findWorkshop,
  insertWorkshop,
  listWorkshops,
  updateWorkshop,
} from './employment.repository.ts';
import {
  NOT_FOUND_WORKSHOP,
  STALE,
  toWorkshopRow,
  workshopFilter,
  type EmploymentDeps,
  type Input,
} from './employment.shared.ts';

// 扶贫车间: the list, a workshop set up in a village, a workshop corrected (before and after in the audit row).

export async function listWorkshopPage(d: EmploymentDeps, ctx: RequestContext, q: Input<typeof workshopListQuery>) {
  requirePermission(ctx, 'assistance:read');
  const f = workshopFilter(ctx, q);
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [total, rows] = await Promise.all([
    countWorkshops(d.db, ctx.actor.scopePrefix, f),
    listWorkshops(d.db, ctx.actor.scopePrefix, f, w, q),
  ]);
  return { items: rows.map(toWorkshopRow), total, page: w.page ?? 1, pageSize: w.pageSize };
}

async function getWorkshop(d: EmploymentDeps, ctx: RequestContext, id: number) {
  const [row] = await listWorkshops(d.db, ctx.actor.scopePrefix, { id }, { page: 1, pageSize: 1, offset: 0 }, {});
  if (!row) throw AppError.notFound(NOT_FOUND_WORKSHOP);
  return toWorkshopRow(row);
}

function requireVillage(villageCode: string) {
  if (!/^\d{12}$/.test(villageCode) || villageCode.endsWith('000'))
    throw AppError.validation([
      { field: 'villageCode', messageZh: '请选择车间所在的行政村', messageEn: 'Choose the village of the workshop' },
    ]);
}

export async function createWorkshop(d: EmploymentDeps, ctx: RequestContext, input: Input<typeof workshopInput>) {
  requirePermission(ctx, 'assistance:write');
  requireInScope(ctx, input.villageCode);
  requireVillage(input.villageCode);
  const id = await d.db.transaction(async (tx) => {
    const newId = await insertWorkshop(tx, {
      ...input,
      countyCode: countyCodeOf(input.villageCode),
      recognisedOn: input.recognisedOn ?? null,
      subsidyFen: input.subsidyFen ?? null,
      subsidyPaidOn: input.subsidyPaidOn ?? null,
      note: input.note ?? null,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'employment_workshop',
      entityId: newId,
      orgCode: input.villageCode,
      after: { ...input },
    });
    return newId;
  });
  return getWorkshop(d, ctx, id);
}

export async function updateWorkshopRow(
  d: EmploymentDeps,
  ctx: RequestContext,
  id: number,
  input: Input<typeof workshopInput> & { version: number },
) {
  requirePermission(ctx, 'assistance:write');
  requireInScope(ctx, input.villageCode);
  requireVillage(input.villageCode);
  await d.db.transaction(async (tx) => {
    const before = await findWorkshop(tx, id, ctx.actor.scopePrefix, true);
    if (!before) throw AppError.notFound(NOT_FOUND_WORKSHOP);
    const { version, ...rest } = input;
    const set = {
      ...rest,
      recognisedOn: rest.recognisedOn ?? null,
      subsidyFen: rest.subsidyFen ?? null,
      subsidyPaidOn: rest.subsidyPaidOn ?? null,
      note: rest.note ?? null,
    };
    if (!(await updateWorkshop(tx, id, version, set))) throw STALE;
    const { id: _id, createdAt: _c, updatedAt: _u, ...old } = before;
    await recordAudit(tx, ctx, {
      action: 'update',
      entity: 'employment_workshop',
      entityId: id,
      orgCode: before.villageCode,
      before: old,
      after: set,
    });
  });
  return getWorkshop(d, ctx, id);
}
