import { and, count, eq, getTableColumns, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { AUDIT_SORTS } from '#common/contracts/audit.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import type { Db } from '#server/db/connect.ts';
import { auditLog } from '#server/db/schema/audit.ts';
import { inScope } from '#server/db/scope.ts';
import { orderBy, pageWindow, type SortColumns } from '#server/lib/paging.ts';

export type AuditInsert = typeof auditLog.$inferInsert;
export type AuditRecord = typeof auditLog.$inferSelect & { orgName: string | null };
export type AuditSort = (typeof AUDIT_SORTS)[number];

export async function insertAudit(db: Db, rows: AuditInsert[]): Promise<void> {
  if (rows.length > 0) await db.insert(auditLog).values(rows);
}

export interface AuditWhere {
  entity?: string;
  entityId?: string;
  actorId?: number;
  from?: string;
  to?: string;
}

export interface AuditFilter extends AuditWhere, PagingQuery<AuditSort> {
  beforeId?: number;
  limit: number;
}

/** The one where-clause of the audit log: its page, its total and its export read the same rows. */
export function auditWhere(scopePrefix: string, f: AuditWhere): SQL {
  const where: SQL[] = [inScope(auditLog.orgCode, { scopePrefix })];
  if (f.entity) where.push(eq(auditLog.entity, f.entity));
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
  if (f.actorId !== undefined) where.push(eq(auditLog.actorId, f.actorId));
  if (f.from) where.push(gte(auditLog.at, new Date(`${f.from}T00:00:00+08:00`)));
  if (f.to) where.push(lte(auditLog.at, new Date(`${f.to}T23:59:59.999+08:00`)));
  return and(...where)!;
}

// The unit's name for the reader (national and provincial scope codes have no unit: null).
const ORG_NAME = sql<string | null>`(SELECT o.name FROM org_unit o WHERE o.code = ${auditLog.orgCode})`;

const AUDIT_SORT_COLUMNS: SortColumns<AuditSort> = {
  id: sql`${auditLog.id}`,
  at: sql`${auditLog.at}`,
  actor: sql`${auditLog.actorName}`,
  action: sql`${auditLog.action}`,
  entity: sql`${auditLog.entity}`,
  org: sql`${auditLog.orgCode}`,
};

/** Newest first unless a sort key is named. */
function auditOrder(f: PagingQuery<AuditSort>): SQL {
  if (!f.sort) return sql`${auditLog.id} DESC`;
  return orderBy(AUDIT_SORT_COLUMNS, f, sql`${auditLog.id}`, 'id');
}

/** One page of the audit log: a numbered page (`page`), or the `limit` entries older than `beforeId`. */
export async function findAudit(db: Db, scopePrefix: string, f: AuditFilter): Promise<AuditRecord[]> {
  const numbered = f.page !== undefined;
  const win = pageWindow(numbered ? f : { ...f, pageSize: f.pageSize ?? f.limit });
  const where =
    numbered || !f.beforeId
      ? auditWhere(scopePrefix, f)
      : and(auditWhere(scopePrefix, f), lt(auditLog.id, f.beforeId))!;
  return db
    .select({ ...getTableColumns(auditLog), orgName: ORG_NAME })
    .from(auditLog)
    .where(where)
    .orderBy(auditOrder(f))
    .limit(win.pageSize)
    .offset(win.offset);
}

export async function countAudit(db: Db, scopePrefix: string, f: AuditWhere): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditLog).where(auditWhere(scopePrefix, f));
  return row.n;
}
