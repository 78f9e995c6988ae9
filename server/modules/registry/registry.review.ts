import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { pendingChanges, reviewChange } from './registry.repository.ts';

// Village officers' edits are applied at once and wait here for township review (村级录入、乡镇审核).

export function createReviewService(db: Db) {
  async function pending(ctx: RequestContext, limit = 100) {
    requirePermission(ctx, 'registry:review');
    const rows = await pendingChanges(db, ctx.actor.scopePrefix, limit);
    return rows.map((r) => ({ ...r.change, at: r.change.at.toISOString(), householdNo: r.householdNo }));
  }

  async function review(ctx: RequestContext, changeId: number, decision: 'confirmed' | 'rejected', note?: string) {
    requirePermission(ctx, 'registry:review');
    if (decision === 'rejected' && !note) {
      throw AppError.validation([
        { field: 'note', messageZh: '退回时请说明原因', messageEn: 'Give a reason when rejecting' },
      ]);
    }
    await db.transaction(async (tx) => {
      const [row] = await reviewChange(tx, changeId, ctx.actor.scopePrefix, {
        reviewStatus: decision,
        reviewedBy: ctx.actor.displayName,
        reviewNote: note ?? null,
      });
      if (!row) throw AppError.notFound({ zh: '待审核的变更', en: 'Pending change' });
      await recordAudit(tx, ctx, {
        action: `review.${decision}`,
        entity: 'registry_change',
        entityId: changeId,
        orgCode: row.villageCode,
        after: { decision, note: note ?? null },
      });
    });
  }

  return { pending, review };
}

export type ReviewService = ReturnType<typeof createReviewService>;
