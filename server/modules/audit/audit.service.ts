import type { Writable } from 'node:stream';
import { auditActionText, auditObjectText } from '#common/domain/audit/labels.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import {
  countAudit,
  findAudit,
  insertAudit,
  type AuditFilter,
  type AuditRecord,
  type AuditSort,
  type AuditWhere,
} from './audit.repository.ts';

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

/** One page of the audit log with the total the filters match (`page`), or by `beforeId` for older clients. */
export async function queryAudit(db: Db, ctx: RequestContext, filter: AuditFilter) {
  requirePermission(ctx, 'audit:read');
  const [rows, total] = await Promise.all([
    findAudit(db, ctx.actor.scopePrefix, filter),
    countAudit(db, ctx.actor.scopePrefix, filter),
  ]);
  const win = pageWindow(filter.page !== undefined ? filter : { ...filter, pageSize: filter.pageSize ?? filter.limit });
  const cursor = filter.page === undefined && !filter.sort;
  return {
    items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextBeforeId: cursor && rows.length === win.pageSize ? rows[rows.length - 1].id : null,
    total,
    page: win.page ?? 1,
    pageSize: win.pageSize,
  };
}

const EXPORT_BATCH = 1000;

export const AUDIT_EXPORT_HEADERS = ['时间', '操作人', '操作', '对象', '单位', '单位代码', '请求号'] as const;

/** The time of an entry as the county reads it (UTC+8), `YYYY-MM-DD HH:mm:ss`. */
function chinaTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function auditCells(r: AuditRecord): Cell[] {
  return [
    chinaTime(r.at),
    r.actorId === null ? '系统' : (r.actorName ?? `#${r.actorId}`),
    auditActionText(r.action, 'zh'),
    auditObjectText(r.entity, r.entityId, 'zh'),
    r.orgName,
    r.orgCode,
    r.requestId,
  ];
}

/**
 * The audit log as filtered, as .xlsx: the same where-clause as the list, every matching entry (no
 * cap). The export is itself audited before any byte is written.
 */
export async function prepareAuditExport(
  db: Db,
  ctx: RequestContext,
  filter: AuditWhere & PagingQuery<AuditSort>,
): Promise<(out: Writable) => Promise<void>> {
  requirePermission(ctx, 'audit:read');
  const scopePrefix = ctx.actor.scopePrefix;
  const total = await countAudit(db, scopePrefix, filter);
  const { entity, entityId, actorId, from, to } = filter;
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: 'audit_log',
      orgCode: ctx.actor.orgCode,
      after: { ledger: '审计日志', rows: total, entity, entityId, actorId, from, to },
    }),
  );
  async function* rows(): AsyncGenerator<Cell[]> {
    // Numbered pages of the list's own order; the export's audit entry is newer than the snapshot's rows
    // only when no sort is named (newest first), so it is read past, not repeated.
    for (let page = 1; ; page++) {
      const batch = await findAudit(db, scopePrefix, { ...filter, page, pageSize: EXPORT_BATCH, limit: EXPORT_BATCH });
      for (const r of batch) yield auditCells(r);
      if (batch.length < EXPORT_BATCH) return;
    }
  }
  return (out) =>
    writeLedger(out, [{ title: '审计日志', headers: [...AUDIT_EXPORT_HEADERS], rows: rows() }], ledgerMeta(ctx));
}
