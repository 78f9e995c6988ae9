import type { Db } from '../../db/connect.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { findAudit, insertAudit, type AuditFilter } from './audit.repository.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  orgCode?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Write audit rows inside the caller's transaction, so a write and its audit commit or fail together.
 * For updates only the fields that changed are kept on either side.
 */
export async function recordAudit(tx: Db, ctx: RequestContext, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  await insertAudit(
    tx,
    list.map((e) => {
      const { before, after } = changedFields(e.before ?? null, e.after ?? null);
      return {
        actorId: ctx.actor.id || null,
        actorName: ctx.actor.displayName,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId == null ? null : String(e.entityId),
        orgCode: e.orgCode ?? null,
        before,
        after,
        requestId: ctx.requestId,
      };
    }),
  );
}

export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (!before || !after) return { before, after };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

export async function queryAudit(db: Db, ctx: RequestContext, filter: AuditFilter) {
  requirePermission(ctx, 'audit:read');
  const rows = await findAudit(db, ctx.actor.scopePrefix, filter);
  return {
    items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextBeforeId: rows.length === filter.limit ? rows[rows.length - 1].id : null,
  };
}
