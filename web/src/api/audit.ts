import type { AuditRow } from '../../../common/contracts/audit.ts';
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
}

export const auditKeys = { list: (filters: AuditFilters) => ['audit', filters] as const };

export const fetchAuditPage = (filters: AuditFilters, beforeId?: number, limit = 50) =>
  api.get<AuditPage>('/api/audit', { ...filters, beforeId, limit });
