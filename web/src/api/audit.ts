import type { AuditRow } from '#common/contracts/audit.ts';
import { api } from './client.ts';

export type { AuditRow };

export interface AuditFilters {
  entity?: string;
  entityId?: string;
  actorId?: number;
  from?: string;
  to?: string;
}

export interface AuditPage {
  items: AuditRow[];
  nextBeforeId: number | null;
  total: number;
  page: number;
  pageSize: number;
}

/** The filters of the audit log as they stand in the address. */
export const AUDIT_FILTER_KEYS = ['entity', 'entityId', 'actorId', 'from', 'to'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];

export const auditKeys = { list: (filters: AuditFilters) => ['audit', filters] as const };

export const fetchAuditPage = (filters: AuditFilters, beforeId?: number, limit = 50) =>
  api.get<AuditPage>('/api/audit', { ...filters, beforeId, limit });

/** One numbered page of the audit log, with the total the filters match. */
export const fetchAuditList = (
  filters: Partial<Record<AuditFilterKey, string>>,
  page: { page: number; pageSize: number; sort?: string; order?: string },
) => api.get<AuditPage>('/api/audit', { ...filters, ...page });

/** The .xlsx of the audit log as filtered and sorted (the export is itself audited). */
export function auditExportUrl(
  filters: Partial<Record<AuditFilterKey, string>>,
  sort?: string,
  order?: string,
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, sort, order })) if (v) q.set(k, v);
  const text = q.toString();
  return `/api/audit/export.xlsx${text ? `?${text}` : ''}`;
}
