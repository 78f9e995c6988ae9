import { z } from 'zod';
import { pageMeta, pagingFields } from './paging.ts';

export const auditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  orgCode: z.string().nullable(),
  /** The org unit's name (null for national/provincial scope codes). */
  orgName: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type AuditRow = z.infer<typeof auditRow>;

/** Sort keys of the audit log (newest first when none is given). */
export const AUDIT_SORTS = ['id', 'at', 'actor', 'action', 'entity', 'org'] as const;

/** The filters of the audit log: the list, its total and its export read the same rows. */
export const auditFilterQuery = z.object({
  entity: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(64).optional(),
  actorId: z.coerce.number().int().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const auditQuery = auditFilterQuery.extend({
  /** Older clients: entries older than this id (newest first), `limit` of them. */
  beforeId: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  ...pagingFields(AUDIT_SORTS),
});

export const auditExportQuery = auditFilterQuery.extend({
  sort: auditQuery.shape.sort,
  order: auditQuery.shape.order,
});

export const auditPage = z.object({
  items: z.array(auditRow),
  /** Cursor of the next older entries (only when paging by `beforeId`/`limit`). */
  nextBeforeId: z.number().int().nullable(),
  ...pageMeta,
});
