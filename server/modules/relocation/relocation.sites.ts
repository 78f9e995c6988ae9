import type { siteInput, siteListQuery, SiteRow } from '#common/contracts/relocation.ts';
import { countyCodeOf, orgFilterPrefix } from '#common/domain/org-code.ts';
import { relocationEmploymentStatus } from '#common/domain/relocation/rules.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { countSites, insertSite, listSites, relocatedRows, siteNameTaken, siteWhere } from './relocation.repository.ts';
import { checkOf, type Input, type RelocationDeps } from './relocation.shared.ts';

// 安置点: the list with each site's households, people and those short of stable employment; a new site.

export async function listSitesPage(d: RelocationDeps, ctx: RequestContext, q: Input<typeof siteListQuery>) {
  const { db } = d;
  requirePermission(ctx, 'programmes:read');
  if (q.orgCode) requireInScope(ctx, q.orgCode);
  const where = siteWhere(ctx.actor.scopePrefix, orgFilterPrefix(q.orgCode));
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [total, sites] = await Promise.all([countSites(db, where), listSites(db, where, w, q)]);
  const rows = await relocatedRows(db, { scopePrefix: ctx.actor.scopePrefix, siteIds: sites.map((s) => s.id) });
  const { members } = await checkOf(d, rows);
  const items: SiteRow[] = sites.map((s) => {
    const mine = rows.filter((r) => Number(r.site_id) === Number(s.id));
    return {
      id: Number(s.id),
      orgCode: s.org_code,
      orgName: s.org_name,
      name: s.name,
      plannedHouseholds: s.planned_households,
      plannedPeople: s.planned_people,
      completedOn: s.completed_on,
      note: s.note,
      households: mine.length,
      people: mine.reduce((n, r) => n + (members.get(Number(r.household_id))?.length ?? 0), 0),
      short: mine.filter((r) => relocationEmploymentStatus(members.get(Number(r.household_id)) ?? []) === 'short')
        .length,
    };
  });
  return { items, total, page: w.page ?? 1, pageSize: w.pageSize };
}

export async function createSite({ db }: RelocationDeps, ctx: RequestContext, input: Input<typeof siteInput>) {
  requirePermission(ctx, 'programmes:write');
  requireInScope(ctx, input.orgCode);
  const countyCode = countyCodeOf(input.orgCode);
  if (await siteNameTaken(db, countyCode, input.name))
    throw AppError.validation([
      { field: 'name', messageZh: '已有同名安置点', messageEn: 'A site with this name exists' },
    ]);
  const id = await db.transaction(async (tx) => {
    const newId = await insertSite(tx, {
      countyCode,
      orgCode: input.orgCode,
      name: input.name,
      plannedHouseholds: input.plannedHouseholds,
      plannedPeople: input.plannedPeople ?? null,
      completedOn: input.completedOn ?? null,
      note: input.note ?? null,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'relocation_site',
      entityId: newId,
      orgCode: input.orgCode,
      after: { ...input },
    });
    return newId;
  });
  return { id };
}
