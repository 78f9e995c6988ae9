// The household registry API (server/modules/registry) and the import/export jobs.
// Types come from common/contracts as type-only imports; the server validates everything anyway.
import type { z } from 'zod';
import type { JobDto } from '#common/contracts/jobs.ts';
import type {
  changeRow,
  createHouseholdRequest,
  HouseholdDetail,
  HouseholdListRow,
  incomeRow,
  memberInput,
  replaceMemberInput,
  MemberRow,
  moveMemberRequest,
  qualityFinding,
  qualityReportRow,
  revealResponse,
  saveIncomeRequest,
  splitHouseholdRequest,
  updateHouseholdRequest,
} from '#common/contracts/registry.ts';
import type { qualityHouseholdRow } from '#common/contracts/registry-lists.ts';
import type { ImportErrorRow, ImportReport } from '#common/contracts/registry-transfer.ts';
import { getLanguage } from '../i18n/language.ts';
import { translate } from '../i18n/useI18n.ts';
import { api, apiRequest, ApiError } from './client.ts';
import type { PageRequest } from '../components/usePagedList.ts';

export type { HouseholdDetail, HouseholdListRow, ImportErrorRow, ImportReport, JobDto, MemberRow };
export type MemberInput = z.input<typeof memberInput>;
export type ReplaceMemberInput = z.input<typeof replaceMemberInput>;
export type CreateHouseholdRequest = z.input<typeof createHouseholdRequest>;
export type UpdateHouseholdRequest = z.input<typeof updateHouseholdRequest>;
export type SaveIncomeRequest = z.input<typeof saveIncomeRequest>;
export type MoveMemberRequest = z.input<typeof moveMemberRequest>;
export type SplitHouseholdRequest = z.input<typeof splitHouseholdRequest>;
export type IncomeRow = z.infer<typeof incomeRow>;
export type QualityFinding = z.infer<typeof qualityFinding>;
export type QualityReportRow = z.infer<typeof qualityReportRow>;
export type ChangeRow = z.infer<typeof changeRow>;
export type RevealResponse = z.infer<typeof revealResponse>;
/** A village edit waiting for township review (the route extends changeRow with these). */
export type PendingChange = ChangeRow & {
  householdNo: string;
  householdId: number;
  villageCode: string;
  villageName?: string | null;
};
export type MonitoringStatus = 'none' | 'monitored' | 'eliminated';

export interface HouseholdFilters {
  q?: string;
  orgCode?: string;
  kind?: string;
  monitoringStatus?: MonitoringStatus;
  /** Monitored for at least this many months (the workbench's 监测满 N 个月 link). */
  monitoredMonths?: string;
}

export interface HouseholdPage {
  items: HouseholdListRow[];
  nextAfterId: number | null;
  total: number;
  page: number;
  pageSize: number;
}

export const registryKeys = {
  all: ['registry'] as const,
  search: () => ['registry', 'search'] as const,
  household: (id: number) => ['registry', 'household', id] as const,
  timeline: (id: number) => ['registry', 'timeline', id] as const,
  reviews: ['registry', 'reviews'] as const,
  quality: ['registry', 'quality'] as const,
  job: (id: number) => ['jobs', id] as const,
};

const base = '/api/registry/households';
const put = <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body });

export const searchHouseholds = (filters: HouseholdFilters, page: PageRequest) =>
  api.get<HouseholdPage>(base, { ...filters, ...page });
export const fetchHousehold = (id: number) => api.get<HouseholdDetail>(`${base}/${id}`);
export const createHousehold = (request: CreateHouseholdRequest) => api.post<HouseholdDetail>(base, request);
export const updateHousehold = (id: number, request: UpdateHouseholdRequest) =>
  put<HouseholdDetail>(`${base}/${id}`, request);
export const replaceMembers = (
  id: number,
  request: { members: ReplaceMemberInput[]; version: number; reason: string },
) => put<HouseholdDetail>(`${base}/${id}/members`, request);
export const moveMember = (id: number, personId: number, request: MoveMemberRequest) =>
  api.post<{ ok: true }>(`${base}/${id}/members/${personId}/move`, request);
export const splitHousehold = (id: number, request: SplitHouseholdRequest) =>
  api.post<{ ok: true }>(`${base}/${id}/split`, request);
export const saveIncome = (id: number, request: SaveIncomeRequest) =>
  put<HouseholdDetail>(`${base}/${id}/income`, request);
export const fetchTimeline = (id: number) => api.get<ChangeRow[]>(`${base}/${id}/timeline`);
/** Audited on the server; the answer is shown once and never put in the query cache. */
export const revealIdNumber = (id: number, personId: number) =>
  api.post<RevealResponse>(`${base}/${id}/members/${personId}/reveal-id`);

export const fetchPendingReviews = () => api.get<PendingChange[]>('/api/registry/reviews');
export const reviewChange = (changeId: number, decision: 'confirmed' | 'rejected', note?: string) =>
  api.post<{ ok: true }>(`/api/registry/reviews/${changeId}`, { decision, note: note || undefined });

export const fetchQualityReport = () => api.get<QualityReportRow[]>('/api/registry/quality');

// The 待审核 and data-quality lists on the paged convention (filters, page and sort from the address).
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export const REVIEW_FILTER_KEYS = ['orgCode', 'status', 'action'] as const;
export const fetchReviewPage = (filters: Record<string, string | undefined>, page: PageRequest) =>
  api.get<Paged<PendingChange>>('/api/registry/reviews', { ...filters, ...page });
export const REVIEWS_EXPORT_PATH = '/api/registry/reviews/export.xlsx';
export const QUALITY_FILTER_KEYS = ['orgCode', 'withFindings'] as const;
export const fetchQualityPage = (filters: Record<string, string | undefined>, page: PageRequest) =>
  api.get<Paged<QualityReportRow>>('/api/registry/quality', { ...filters, ...page });
export const QUALITY_EXPORT_PATH = '/api/registry/quality/export.xlsx';
export type QualityHouseholdRow = z.infer<typeof qualityHouseholdRow>;
export const fetchQualityHouseholds = (filters: Record<string, string | undefined>, page: PageRequest) =>
  api.get<Paged<QualityHouseholdRow>>('/api/registry/quality/households', { ...filters, ...page });
export const QUALITY_HOUSEHOLDS_EXPORT_PATH = '/api/registry/quality/households/export.xlsx';

export const EXPORT_URL = '/api/registry/export.xlsx';
export const fetchJob = (id: number) => api.get<JobDto>(`/api/jobs/${id}`);

/** POST /api/registry/import as multipart (the JSON client cannot send files). */
export async function startImport(
  files: { households: File; members?: File },
  options: { dryRun: boolean; skipInvalid: boolean },
) {
  const form = new FormData();
  form.append('households', files.households, files.households.name);
  if (files.members) form.append('members', files.members, files.members.name);
  const query = new URLSearchParams({ dryRun: String(options.dryRun), skipInvalid: String(options.skipInvalid) });
  const language = getLanguage();
  const fallback = { zh: translate('zh-CN', 'common.errorTitle'), en: translate('en', 'common.errorTitle') };
  let response: Response;
  try {
    response = await fetch(`/api/registry/import?${query}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': language === 'en' ? 'en' : 'zh-CN' },
    });
  } catch {
    throw new ApiError(0, null, {
      zh: translate('zh-CN', 'common.networkError'),
      en: translate('en', 'common.networkError'),
    });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: ConstructorParameters<typeof ApiError>[1];
    } | null;
    throw new ApiError(response.status, body?.error ?? null, fallback);
  }
  return (await response.json()) as { jobId: number };
}
