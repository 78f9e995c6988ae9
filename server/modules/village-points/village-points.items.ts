import type { z } from 'zod';
import type { pointsRuleInput, pointsRuleQuery } from '#common/contracts/village-points.ts';
import { countyCodeOf, levelOfCode, orgFilterPrefix } from '#common/domain/org-code.ts';
import { ruleItemErrors } from '#common/domain/village-points/rules.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { requireDecided } from '../deliberation/index.ts';
import * as repo from './village-points.repository.ts';
import { toRule, type PointsDeps } from './village-points.shared.ts';

// A village's points items (“以表现换积分”), each adopted by a decided 四议两公开 record of that village
// (deliberation/index.ts requireDecided).

export async function listRules(d: PointsDeps, ctx: RequestContext, q: z.infer<typeof pointsRuleQuery>) {
  requirePermission(ctx, 'programmes:read');
  const where = repo.ruleWhere(ctx.actor.scopePrefix, {
    orgPrefix: orgFilterPrefix(q.orgCode),
    category: q.category,
  });
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([repo.listRules(d.db, where, q, w), repo.countRules(d.db, where)]);
  return { items: rows.map(toRule), total, page: w.page ?? 1, pageSize: w.pageSize };
}

/** A village's item, adopted by a decided 四议两公开 record of that village. */
export async function createRule(d: PointsDeps, ctx: RequestContext, input: z.infer<typeof pointsRuleInput>) {
  requirePermission(ctx, 'programmes:write');
  requireInScope(ctx, input.orgCode);
  if (
    levelOfCode(input.orgCode) !== 'village' ||
    !(await repo.villageExists(d.db, ctx.actor.scopePrefix, input.orgCode))
  )
    throw AppError.validation([
      { field: 'orgCode', messageZh: '积分制由行政村制定', messageEn: 'A village sets its points rules' },
    ]);
  const errors = ruleItemErrors(input);
  if (errors.length) throw AppError.validation(errors);
  await requireDecided(d.db, ctx, input.deliberationId, input.orgCode);
  const id = await d.db.transaction(async (tx) => {
    const newId = await repo.insertRule(tx, {
      countyCode: countyCodeOf(input.orgCode),
      orgCode: input.orgCode,
      deliberationId: input.deliberationId,
      name: input.name,
      category: input.category,
      points: input.points,
      note: input.note || null,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'points_rule',
      entityId: newId,
      orgCode: input.orgCode,
      after: input,
    });
    return newId;
  });
  const [row] = await repo.listRules(
    d.db,
    repo.ruleWhere(ctx.actor.scopePrefix, { id }),
    {},
    { pageSize: 1, offset: 0 },
  );
  return toRule(row!);
}
