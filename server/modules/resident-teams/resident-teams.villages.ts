import type { z } from 'zod';
import type { flagsInput } from '#common/contracts/resident-teams.ts';
import { countyCodeOf, levelOfCode, orgFilterPrefix } from '#common/domain/org-code.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './resident-teams.repository.ts';
import { toVillageRow, type ResidentTeamsDeps, type VillageListQuery } from './resident-teams.shared.ts';

// The villages the plan requires a team for (重点帮扶村, 易地搬迁安置点, 软弱涣散村: the county's flags) and whether
// one is in place.

const villageFilter = (q: Omit<VillageListQuery, 'page' | 'pageSize' | 'sort' | 'order'>) => ({
  orgPrefix: orgFilterPrefix(q.orgCode),
  required: q.required,
  lacking: q.lacking,
  q: q.q,
});

export async function listVillages({ db }: ResidentTeamsDeps, ctx: RequestContext, q: VillageListQuery) {
  requirePermission(ctx, 'programmes:read');
  const where = repo.villageWhere(ctx.actor.scopePrefix, villageFilter(q));
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([repo.listVillages(db, where, q, w), repo.countVillages(db, where)]);
  return { items: rows.map(toVillageRow), total, page: w.page ?? 1, pageSize: w.pageSize };
}

/** The county sets a village's flags (重点帮扶村, 易地搬迁安置点, 软弱涣散村): a township or village cannot. */
export async function setFlags(
  { db }: ResidentTeamsDeps,
  ctx: RequestContext,
  orgCode: string,
  input: z.infer<typeof flagsInput>,
) {
  requirePermission(ctx, 'programmes:write');
  requireInScope(ctx, orgCode);
  if (ctx.actor.scopePrefix !== '' && levelOfCode(ctx.actor.orgCode) !== 'county') throw AppError.forbidden();
  if (!(await repo.villageExists(db, ctx.actor.scopePrefix, orgCode)))
    throw AppError.notFound({ zh: '村', en: 'Village' });
  await db.transaction(async (tx) => {
    const before = await repo.flagsOf(tx, orgCode);
    await repo.upsertFlags(tx, {
      orgCode,
      countyCode: countyCodeOf(orgCode),
      ...input,
      updatedBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'set',
      entity: 'village_team_flag',
      orgCode,
      before: before
        ? { keyVillage: before.keyVillage, relocationSite: before.relocationSite, weakParty: before.weakParty }
        : null,
      after: input,
    });
  });
  const [row] = await repo.listVillages(
    db,
    repo.villageWhere(ctx.actor.scopePrefix, { orgPrefix: orgCode }),
    {},
    { pageSize: 1, offset: 0 },
  );
  return toVillageRow(row);
}
