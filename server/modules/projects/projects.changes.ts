import type { z } from 'zod';
import type { projectAdjust, projectStatusChange, ProjectDetail } from '#common/contracts/projects.ts';
import { levelOfCode } from '#common/domain/org-code.ts';
import { statusTransition } from '#common/domain/projects/workflow.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { formAssetsOfProject } from '../assets/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireDecided } from '../deliberation/index.ts';
import {
  disbursedBySource,
  findProject,
  insertEvent,
  updateProject,
  type ProjectInsert,
  type ProjectRecord,
} from './projects.repository.ts';
import { budgetOf, columnsOf, eventOf, NOT_FOUND, requireEntryComplete, STALE } from './projects.shared.ts';

// After entry: the life status (实施, 验收, 完成 — which forms the assets —, 终止) and 项目调整 (any change
// after declaration carries a reason and is kept field by field).

type Adjust = z.infer<typeof projectAdjust>;
type StatusInput = z.infer<typeof projectStatusChange>;

interface ChangeDeps {
  db: Db;
  today: () => string;
  get: (ctx: RequestContext, id: number) => Promise<ProjectDetail>;
}

export function createProjectChanges({ db, today, get }: ChangeDeps) {
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
        eventOf(ctx, today(), id, {
          action: 'status',
          fromStage: p.status,
          toStage: r.next,
          reason: input.reason ?? null,
        }),
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
      await insertEvent(tx, eventOf(ctx, today(), id, { action: 'adjust', reason, changes }));
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

  return { changeStatus, adjust };
}
