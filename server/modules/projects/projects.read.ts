import type { z } from 'zod';
import type {
  projectFilterQuery,
  projectListQuery,
  projectPage,
  ProjectDetail,
  ProjectRow,
  ProjectSort,
} from '#common/contracts/projects.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import { levelOfCode, orgFilterPrefix } from '#common/domain/org-code.ts';
import { actorsAt, noticeEndsOn, NOTICE_STAGES } from '#common/domain/projects/workflow.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { countyOfActor } from '#server/lib/county.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import {
  assetsOfProject,
  countProjects,
  deliberationStatusOf,
  eventsOf,
  listProjects,
  type ProjectFilter,
  type ProjectRecord,
} from './projects.repository.ts';
import { budgetOf, NOT_FOUND, total } from './projects.shared.ts';
import { waitingFilterOf } from './projects.waiting.ts';

// Reading the project library: the list (a numbered page with its total, or the whole filtered list for
// older callers and the export) and one project with its events, formed assets and 四议两公开 status.

type ListQuery = z.infer<typeof projectListQuery>;
type FilterQuery = z.infer<typeof projectFilterQuery>;
type ProjectPage = z.infer<typeof projectPage>;

export function createProjectReads(db: Db, today: () => string) {
  async function noticeDays(countyCode: string): Promise<number> {
    return numberParam(await resolveAll(db, countyCode, today().slice(0, 7)), 'projects.noticeDays');
  }

  function canAct(ctx: RequestContext, p: ProjectRecord): boolean {
    if (p.entryStage === 'admitted' || p.entryStage === 'withdrawn') return false;
    return actorsAt(p.entryStage, levelOfCode(p.orgCode)).includes(ctx.actor.role);
  }

  function toRow(ctx: RequestContext, r: Awaited<ReturnType<typeof listProjects>>[number], days: number): ProjectRow {
    const p = r.p;
    const budget = budgetOf(p);
    return {
      id: p.id,
      orgCode: p.orgCode,
      orgName: r.orgName ?? p.orgCode,
      name: p.name,
      type: p.type,
      subType: p.subType,
      year: p.year,
      budgetFen: total(budget),
      budget,
      assignedFen: r.assignedFen,
      disbursedFen: r.disbursedFen,
      entryStage: p.entryStage,
      status: p.status,
      noticeStartedOn: p.noticeStartedOn,
      noticeEndsOn:
        p.noticeStartedOn && NOTICE_STAGES.includes(p.entryStage) ? noticeEndsOn(p.noticeStartedOn, days) : null,
      canAct: canAct(ctx, p),
      version: p.version,
    };
  }

  function filterOf(ctx: RequestContext, q: FilterQuery): ProjectFilter {
    requirePermission(ctx, 'projects:read');
    if (q.orgCode) requireInScope(ctx, q.orgCode);
    return {
      year: q.year,
      type: q.type,
      status: q.status,
      entryStage: q.entryStage,
      q: q.q,
      orgPrefix: orgFilterPrefix(q.orgCode),
      waitingFor: q.mine ? waitingFilterOf(ctx) : undefined,
    };
  }

  /** One numbered page with the total when `page` is given; else the whole filtered list (older callers). */
  async function list(ctx: RequestContext, q: ListQuery): Promise<ProjectRow[] | ProjectPage> {
    if (q.page === undefined) return all(ctx, q);
    const filter = filterOf(ctx, q);
    const [rows, total, days] = await Promise.all([
      listProjects(db, ctx.actor.scopePrefix, filter, q),
      countProjects(db, ctx.actor.scopePrefix, filter),
      noticeDays(countyOfActor(ctx)),
    ]);
    const win = pageWindow(q);
    return { items: rows.map((r) => toRow(ctx, r, days)), total, page: win.page ?? 1, pageSize: win.pageSize };
  }

  /** Every project the filters match, in the asked order (the 项目库 export reads this). */
  async function all(ctx: RequestContext, q: FilterQuery & PagingQuery<ProjectSort>): Promise<ProjectRow[]> {
    const filter = filterOf(ctx, q);
    const rows = await listProjects(db, ctx.actor.scopePrefix, filter, { sort: q.sort, order: q.order });
    const days = await noticeDays(countyOfActor(ctx));
    return rows.map((r) => toRow(ctx, r, days));
  }

  async function get(ctx: RequestContext, id: number): Promise<ProjectDetail> {
    requirePermission(ctx, 'projects:read');
    const [row] = await listProjects(db, ctx.actor.scopePrefix, { id });
    if (!row) throw AppError.notFound(NOT_FOUND);
    const p = row.p;
    const [events, formed, delibStatus, days] = await Promise.all([
      eventsOf(db, id),
      assetsOfProject(db, id),
      deliberationStatusOf(db, p.deliberationId),
      noticeDays(p.countyCode),
    ]);
    return {
      ...toRow(ctx, row, days),
      beneficiaryHouseholds: p.beneficiaryHouseholds,
      beneficiaryAlleviated: p.beneficiaryAlleviated,
      beneficiaryVillages: p.beneficiaryVillages,
      farmerLinkage: p.farmerLinkage,
      performanceTargets: p.performanceTargets,
      workForRelief: p.workForRelief,
      labourRemunerationFen: p.labourRemunerationFen,
      deliberationId: p.deliberationId,
      deliberationStatus: delibStatus,
      declaredOn: p.declaredOn,
      admittedOn: p.admittedOn,
      completedOn: p.completedOn,
      events: events.map((e) => ({
        id: e.id,
        action: e.action,
        fromStage: e.fromStage,
        toStage: e.toStage,
        reason: e.reason,
        changes: e.changes ?? null,
        actorName: e.actorName,
        actorRole: e.actorRole,
        at: e.at.toISOString(),
      })),
      assets: formed,
    };
  }

  return { list, all, get, noticeDays };
}
