import { and, desc, eq, getTableColumns, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { inScope } from '../../db/scope.ts';

export type AuditInsert = typeof auditLog.$inferInsert;
export type AuditRecord = typeof auditLog.$inferSelect & { orgName: string | null };

export async function insertAudit(db: Db, rows: AuditInsert[]): Promise<void> {
  if (rows.length > 0) await db.insert(auditLog).values(rows);
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorId?: number;
  from?: string;
  to?: string;
  beforeId?: number;
  limit: number;
}

export async function findAudit(db: Db, scopePrefix: string, f: AuditFilter): Promise<AuditRecord[]> {
  const where: SQL[] = [inScope(auditLog.orgCode, { scopePrefix })];
  if (f.entity) where.push(eq(auditLog.entity, f.entity));
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
  if (f.actorId !== undefined) where.push(eq(auditLog.actorId, f.actorId));
  if (f.from) where.push(gte(auditLog.at, new Date(`${f.from}T00:00:00+08:00`)));
  if (f.to) where.push(lte(auditLog.at, new Date(`${f.to}T23:59:59.999+08:00`)));
  if (f.beforeId) where.push(lt(auditLog.id, f.beforeId));
  // The unit's name for the reader (national and provincial scope codes have no unit: null).
  const orgName = sql<string | null>`(SELECT o.name FROM org_unit o WHERE o.code = ${auditLog.orgCode})`;
  return db
    .select({ ...getTableColumns(auditLog), orgName })
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}
