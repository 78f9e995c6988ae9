import type { OrgTreeNode, OrgUnit } from '#common/contracts/org.ts';
import { api } from './client.ts';

export type { OrgTreeNode, OrgUnit };

export const orgKeys = {
  tree: (includeClosed: boolean) => ['org', 'tree', includeClosed] as const,
  unit: (code: string) => ['org', 'unit', code] as const,
  children: (code: string, includeClosed: boolean) => ['org', 'children', code, includeClosed] as const,
  search: (q: string) => ['org', 'search', q] as const,
};

export const fetchOrgTree = (includeClosed: boolean) =>
  api.get<OrgTreeNode[]>('/api/org/tree', { depth: 2, includeClosed: includeClosed || undefined });

export const fetchOrgUnit = (code: string) => api.get<OrgUnit>(`/api/org/units/${encodeURIComponent(code)}`);

export const fetchOrgChildren = (code: string, includeClosed: boolean) =>
  api.get<OrgUnit[]>(`/api/org/units/${encodeURIComponent(code)}/children`, {
    includeClosed: includeClosed || undefined,
  });

export const searchOrgUnits = (q: string) => api.get<OrgUnit[]>('/api/org/search', { q });

/** Closed units carry validTo; the UI greys them and points to the successor. */
export const isClosed = (unit: Pick<OrgUnit, 'validTo'>) => unit.validTo !== null;
