// 易地扶贫搬迁后续扶持 (server/modules/relocation): sites, relocated households and the stable-employment check.
import type { z } from 'zod';
import type {
  correctRelocatedInput,
  endRelocatedInput,
  householdRelocation,
  relocatedInput,
  relocatedPage,
  RelocationImportReport,
  siteInput,
  sitePage,
} from '#common/contracts/relocation.ts';
import { api, uploadSheet } from './client.ts';

export type SitePage = z.infer<typeof sitePage>;
export type RelocatedPage = z.infer<typeof relocatedPage>;
export type HouseholdRelocation = z.infer<typeof householdRelocation>;
export type SiteInput = z.input<typeof siteInput>;
export type RelocatedInput = z.input<typeof relocatedInput>;
export type EndRelocatedInput = z.input<typeof endRelocatedInput>;
export type CorrectRelocatedInput = z.input<typeof correctRelocatedInput>;
export type { RelocationImportReport };

type Query = Record<string, string | number | undefined>;

export const relocationKeys = {
  all: ['relocation'] as const,
  sites: () => ['relocation', 'sites'] as const,
  households: () => ['relocation', 'households'] as const,
  household: (id: number) => ['relocation', 'household', id] as const,
};

export const fetchSites = (q: Query) => api.get<SitePage>('/api/relocation/sites', q);
export const fetchRelocated = (q: Query) => api.get<RelocatedPage>('/api/relocation/households', q);
export const fetchHouseholdRelocation = (id: number) =>
  api.get<HouseholdRelocation>(`/api/relocation/by-household/${id}`);
export const createSite = (body: SiteInput) => api.post<{ id: number }>('/api/relocation/sites', body);
export const addRelocated = (body: RelocatedInput) => api.post<unknown>('/api/relocation/households', body);
type Changed = { id: number; householdId: number };
export const endRelocated = (id: number, body: EndRelocatedInput) =>
  api.post<Changed>(`/api/relocation/households/${id}/end`, body);
export const correctRelocated = (id: number, body: CorrectRelocatedInput) =>
  api.post<Changed>(`/api/relocation/households/${id}/correct`, body);
export const relocationTemplateUrl = '/api/relocation/import/template.xlsx';

/** Uploads a 搬迁户名单 .xlsx (multipart `file`); a dry run writes nothing. */
export const importRelocationFile = (file: File, dryRun: boolean) =>
  uploadSheet<RelocationImportReport>(`/api/relocation/import?dryRun=${dryRun ? 'true' : 'false'}`, file);

/** The ledger of what the list filters. */
export function relocatedExportUrl(filters: Query): string {
  const q = new URLSearchParams(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return `/api/relocation/households/export.xlsx${q ? `?${q}` : ''}`;
}
