import type { z } from 'zod';
import type {
  projectAction,
  projectAdjust,
  projectInput,
  projectListQuery,
  projectStatusChange,
  projectFilterQuery,
  projectPage,
  ProjectDetail,
  ProjectRow,
  ProjectSort,
} from '../../../common/contracts/projects.ts';
import type { PagingQuery } from '../../../common/contracts/paging.ts';
import { countyCodeOf, levelOfCode } from '../../../common/domain/org-code.ts';
import { entryGaps } from '../../../common/domain/projects/types.ts';
import {
  actorsAt,
  entryTransition,
  ENTRY_STAGE_LABELS,
  noticeEndsOn,
  OPINION_STAGES,
  NOTICE_STAGES,
  statusTransition,
  type EntryStage,
} from '../../../common/domain/projects/workflow.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { countyOfActor } from '../../lib/county.ts';
import { systemClock, todayInChina, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { formAssetsOfProject } from '../assets/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireDecided } from '../deliberation/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import {
  assetsOfProject,
  countProjects,
  deliberationStatusOf,
  disbursedBySource,
  eventsOf,
  findProject,
  insertEvent,
  insertProject,
  listProjects,
  updateProject,
  type ProjectFilter,
  type ProjectInsert,
  type ProjectRecord,
} from './projects.repository.ts';
import { waitingFilterOf } from './projects.waiting.ts';

// The project library (项目库, policy-rules §6): declaration with its entry checks, the entry procedure
// (three notices and an announcement), life status, recorded adjustments. Every write is one transaction
// with a project_event row and an audit row.

type Input = z.infer<typeof projectInput>;
type Adjust = z.infer<typeof projectAdjust>;
type ActionInput = z.infer<typeof projectAction>;
type StatusInput = z.infer<typeof projectStatusChange>;
type ListQuery = z.infer<typeof projectListQuery>;
type FilterQuery = z.infer<typeof projectFilterQuery>;
type ProjectPage = z.infer<typeof projectPage>;

const NOT_FOUND = { zh: '项目', en: 'Project' };
const STALE = new AppError('CONFLICT', {
  zh: '项目已被他人修改，请刷新后重试',
  en: 'The project was changed by someone else; reload and retry',
});

function budgetOf(p: ProjectRecord) {
  return {
    central: p.budgetCentralFen,
    provincial: p.budgetProvincialFen,
    city: p.budgetCityFen,
    county: p.budgetCountyFen,
  };
}
const total = (b: Record<string, number>) => Object.values(b).reduce((a, c) => a + c, 0);

function columnsOf(input: Partial<Input>): Partial<ProjectInsert> {
  const out: Partial<ProjectInsert> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.type !== undefined) out.type = input.type;
  if (input.subType !== undefined) out.subType = input.subType ?? null;
  if (input.year !== undefined) out.year = input.year;
  if (input.budget) {
    out.budgetCentralFen = input.budget.central;
    out.budgetProvincialFen = input.budget.provincial;
    out.budgetCityFen = input.budget.city;
    out.budgetCountyFen = input.budget.county;
  }
  if (input.beneficiaryHouseholds !== undefined) out.beneficiaryHouseholds = input.beneficiaryHouseholds;
  if (input.beneficiaryAlleviated !== undefined) out.beneficiaryAlleviated = input.beneficiaryAlleviated;
  if (input.beneficiaryVillages !== undefined) out.beneficiaryVillages = input.beneficiaryVillages;
  if (input.farmerLinkage !== undefined) out.farmerLinkage = input.farmerLinkage;
  if (input.performanceTargets !== undefined) out.performanceTargets = input.performanceTargets;
  if (input.workForRelief !== undefined) out.workForRelief = input.workForRelief;
  if (input.labourRemunerationFen !== undefined) out.labourRemunerationFen = input.labourRemunerationFen;
  if (input.deliberationId !== undefined) out.deliberationId = input.deliberationId ?? null;
  return out;
}

export function createProjectsService(db: Db, clock: Clock = systemClock) {
  const today = () => todayInChina(clock());

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
      orgPrefix: q.orgCode?.replace(/(000)+$/, ''),
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

  function event(
    ctx: RequestContext,
    projectId: number,
    e: {
      action: string;
      fromStage?: string | null;
      toStage?: string | null;
      reason?: string | null;
      changes?: Record<string, { before: unknown; after: unknown }> | null;
    },
  ) {
    return {
      projectId,
      ...e,
      actorId: ctx.actor.id || null,
      actorName: ctx.actor.displayName,
      actorRole: ctx.actor.role,
      on: today(),
    };
  }

  function requireEntryComplete(p: {
    farmerLinkage: string;
    performanceTargets: { indicator: string; value: string }[];
    budget: Record<string, number>;
  }) {
    const gaps = entryGaps({
      farmerLinkage: p.farmerLinkage,
      performanceTargets: p.performanceTargets,
      budgetFen: total(p.budget),
    });
    if (gaps.length) throw AppError.validation(gaps);
  }

  /** 村级申报 (or a township/county project by its own level): the entry exclusions are checked at once. */
  async function create(ctx: RequestContext, input: Input) {
    requirePermission(ctx, 'projects:write');
    requireInScope(ctx, input.orgCode);
    const level = levelOfCode(input.orgCode);
    if (level === 'group')
      throw AppError.validation([
        {
          field: 'orgCode',
          messageZh: '项目所在地请选择村、乡镇或县',
          messageEn: 'Choose a village, township or the county',
        },
      ]);
    if (!actorsAt('declaration', level).includes(ctx.actor.role) && ctx.actor.scopePrefix !== '') {
      throw new AppError('FORBIDDEN', {
        zh: level === 'village' ? '村级项目由村级信息员申报' : '该级项目由本级业务人员申报',
        en: 'This level of project is declared by its own staff',
      });
    }
    requireEntryComplete(input);
    if (input.deliberationId)
      await requireDecided(db, ctx, input.deliberationId, level === 'village' ? input.orgCode : null);
    const id = await db.transaction(async (tx) => {
      const newId = await insertProject(tx, {
        ...(columnsOf(input) as ProjectInsert),
        orgCode: input.orgCode,
        countyCode: countyCodeOf(input.orgCode),
        createdBy: ctx.actor.id || null,
      });
      await insertEvent(tx, event(ctx, newId, { action: 'create', toStage: 'declaration' }));
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'project',
        entityId: newId,
        orgCode: input.orgCode,
        after: { name: input.name, type: input.type, year: input.year, budgetFen: total(input.budget) },
      });
      return newId;
    });
    return get(ctx, id);
  }

  async function act(ctx: RequestContext, id: number, input: ActionInput) {
    requirePermission(ctx, 'projects:write');
    const p0 = await findProject(db, id, ctx.actor.scopePrefix);
    if (!p0) throw AppError.notFound(NOT_FOUND);
    const days = await noticeDays(p0.countyCode);
    await db.transaction(async (tx) => {
      const p = await findProject(tx, id, ctx.actor.scopePrefix, true);
      if (!p) throw AppError.notFound(NOT_FOUND);
      if (p.version !== input.version) throw STALE;
      const level = levelOfCode(p.orgCode);
      const r = entryTransition({ stage: p.entryStage, noticeStartedOn: p.noticeStartedOn }, input.action, {
        role: ctx.actor.role,
        today: today(),
        noticeDays: days,
        projectLevel: level,
      });
      if (!r.ok)
        throw new AppError(r.code === 'notYourStage' ? 'FORBIDDEN' : 'CONFLICT', { zh: r.messageZh, en: r.messageEn });
      if (input.action !== 'complete' && !input.reason)
        throw AppError.validation([
          { field: 'reason', messageZh: '退回或撤销须说明原因', messageEn: 'Give the reason' },
        ]);
      if (input.action === 'complete' && OPINION_STAGES.includes(p.entryStage) && !input.reason?.trim())
        throw AppError.validation([
          {
            field: 'reason',
            messageZh: `请填写${ENTRY_STAGE_LABELS[p.entryStage]}意见`,
            messageEn: `Give the opinion of the ${p.entryStage === 'townshipReview' ? 'township review' : 'county approval'}`,
          },
        ]);
      if (input.action === 'complete' && p.entryStage === 'declaration') {
        requireEntryComplete({ ...p, budget: budgetOf(p) });
        if (level === 'village') {
          if (!p.deliberationId)
            throw AppError.validation([
              {
                field: 'deliberationId',
                messageZh: '村级申报须附经村"两委"会议或村民代表会议通过的四议两公开记录',
                messageEn: 'A village declaration needs a 四议两公开 record',
              },
            ]);
          await requireDecided(tx, ctx, p.deliberationId, p.orgCode);
        }
      }
      const next: EntryStage = r.next;
      const set: Partial<ProjectInsert> = {
        entryStage: next,
        noticeStartedOn: NOTICE_STAGES.includes(next) ? today() : null,
      };
      if (p.entryStage === 'declaration' && input.action === 'complete') set.declaredOn = today();
      if (next === 'admitted') Object.assign(set, { status: 'admitted', admittedOn: today() });
      if (next === 'withdrawn') set.status = 'cancelled';
      if (!(await updateProject(tx, id, p.version, set))) throw STALE;
      await insertEvent(
        tx,
        event(ctx, id, { action: input.action, fromStage: p.entryStage, toStage: next, reason: input.reason ?? null }),
      );
      await recordAudit(tx, ctx, {
        action: `entry.${input.action}`,
        entity: 'project',
        entityId: id,
        orgCode: p.orgCode,
        before: { entryStage: p.entryStage },
        after: { entryStage: next, reason: input.reason ?? null },
      });
    });
    return get(ctx, id);
  }

  async function changeStatus(ctx: RequestContext, id: number, input: StatusInput) {
    requirePermission(ctx, 'projects:write');
    await db.transaction(async (tx) => {
      const p = await findProject(tx, id, ctx.actor.scopePrefix, true);
      if (!p) throw AppError.notFound(NOT_FOUND);
      if (p.version !== input.version) throw STALE;
      const r = statusTransition(p.status, input.status, ctx.actor.role);
      if (!r.ok)
        throw new AppError(r.code === 'forbidden' ? 'FORBIDDEN' : 'CONFLICT', { zh: r.messageZh, en: r.messageEn });
      if (input.status === 'cancelled' && !input.reason)
        throw AppError.validation([{ field: 'reason', messageZh: '终止项目须说明原因', messageEn: 'Give the reason' }]);
      const set: Partial<ProjectInsert> = { status: r.next };
      if (r.next === 'completed') set.completedOn = today();
      if (!(await updateProject(tx, id, p.version, set))) throw STALE;
      const formed =
        r.next === 'completed'
          ? await formAssetsOfProject(tx, p, await disbursedBySource(tx, p.id), ctx.actor.id || null)
          : [];
      await insertEvent(
        tx,
        event(ctx, id, { action: 'status', fromStage: p.status, toStage: r.next, reason: input.reason ?? null }),
      );
      await recordAudit(tx, ctx, [
        {
          action: 'status',
          entity: 'project',
          entityId: id,
          orgCode: p.orgCode,
          before: { status: p.status },
          after: { status: r.next, reason: input.reason ?? null },
        },
        ...formed.map((assetId) => ({
          action: 'form',
          entity: 'asset',
          entityId: assetId,
          orgCode: p.orgCode,
          after: { projectId: id },
        })),
      ]);
    });
    return get(ctx, id);
  }

  /** 项目调整: any change after declaration carries a reason and is kept field by field. */
  async function adjust(ctx: RequestContext, id: number, input: Adjust) {
    requirePermission(ctx, 'projects:write');
    await db.transaction(async (tx) => {
      const p = await findProject(tx, id, ctx.actor.scopePrefix, true);
      if (!p) throw AppError.notFound(NOT_FOUND);
      if (p.version !== input.version) throw STALE;
      if (p.status === 'completed' || p.status === 'cancelled')
        throw new AppError('CONFLICT', {
          zh: '已完成或终止的项目不能调整',
          en: 'A completed or cancelled project cannot be adjusted',
        });
      const role = ctx.actor.role;
      if (role === 'department' || role === 'auditor' || role === 'cadre') throw AppError.forbidden();
      if (role === 'villageOfficer' && p.entryStage !== 'declaration')
        throw new AppError('FORBIDDEN', {
          zh: '项目已上报，村级不能再调整，请联系乡镇',
          en: 'Declared projects are adjusted by the township or county',
        });
      const { reason, version: _v, ...fields } = input;
      const set = columnsOf(fields);
      const merged = { ...p, ...set };
      requireEntryComplete({
        farmerLinkage: merged.farmerLinkage ?? '',
        performanceTargets: merged.performanceTargets ?? [],
        budget: budgetOf(merged as ProjectRecord),
      });
      if (fields.deliberationId)
        await requireDecided(tx, ctx, fields.deliberationId, levelOfCode(p.orgCode) === 'village' ? p.orgCode : null);
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      for (const [k, v] of Object.entries(set)) {
        const before = (p as Record<string, unknown>)[k];
        if (JSON.stringify(before) !== JSON.stringify(v)) changes[k] = { before, after: v };
      }
      if (Object.keys(changes).length === 0)
        throw AppError.validation([{ field: 'reason', messageZh: '没有需要调整的内容', messageEn: 'Nothing changed' }]);
      if (!(await updateProject(tx, id, p.version, set))) throw STALE;
      await insertEvent(tx, event(ctx, id, { action: 'adjust', reason, changes }));
      await recordAudit(tx, ctx, {
        action: 'adjust',
        entity: 'project',
        entityId: id,
        orgCode: p.orgCode,
        before: Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.before])),
        after: { ...Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.after])), reason },
      });
    });
    return get(ctx, id);
  }

  return { list, all, get, create, act, changeStatus, adjust };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
