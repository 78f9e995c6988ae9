// Monitoring module API: clues from the four channels, visits, the public application, monthly
// runs and warnings, background jobs and department data. Types only from common/contracts.
import type { z } from 'zod';
import type {
  applicationStatusResponse,
  CLUE_CHANNELS,
  ClueRow,
  clueDetail,
  officerApplicationRequest,
  publicApplicationRequest,
  visitRequest,
} from '#common/contracts/clues.ts';
import type { ErrorResponse } from '#common/contracts/errors.ts';
import type { FeedBatchRow, FeedImportResult, FeedRowErrorDto, feedSourceCode } from '#common/contracts/feeds.ts';
import type { JobDto } from '#common/contracts/jobs.ts';
import type { ExplainResponse, RunRowDto, runDiff, WarningRowDto } from '#common/contracts/monitoring.ts';
import type { HouseholdListRow } from '#common/contracts/registry.ts';
import type { PageRequest } from '../components/usePagedList.ts';
import { getLanguage } from '../i18n/language.ts';
import { api, ApiError } from './client.ts';

export type {
  ClueRow,
  ExplainResponse,
  FeedBatchRow,
  FeedImportResult,
  FeedRowErrorDto,
  HouseholdListRow,
  JobDto,
  RunRowDto,
  WarningRowDto,
};
export type FeedSourceCodeDto = z.infer<typeof feedSourceCode>;
export type ClueChannel = (typeof CLUE_CHANNELS)[number];
export type ClueDetail = z.infer<typeof clueDetail>;
export type ClueSignal = ClueDetail['signals'][number];
export type OfficerApplicationRequest = z.input<typeof officerApplicationRequest>;
export type VisitRequest = z.input<typeof visitRequest>;
export type PublicApplicationRequest = z.input<typeof publicApplicationRequest>;
export type RunDiff = z.infer<typeof runDiff>;
export interface PublicVillage {
  code: string;
  name: string;
  townshipName: string;
}

export interface CluePageFilters {
  status?: 'open' | 'closed';
  channel?: ClueChannel;
  riskType?: string;
  orgCode?: string;
  /** The clues of one household (the warnings list links here). */
  householdId?: string;
}
export interface WarningFilters {
  /** Absent: the latest month that was run. */
  period?: string;
  orgCode?: string;
  ruleCode?: string;
  riskType?: string;
  status?: string;
}
export interface WarningPage {
  items: WarningRowDto[];
  total: number;
  page: number;
  pageSize: number;
  nextAfterId: number | null;
  period: string | null;
}
interface Page<T> {
  items: T[];
  nextAfterId: number | null;
}

export const monitoringKeys = {
  clues: () => ['clues', 'list'] as const,
  clue: (id: number) => ['clues', 'detail', id] as const,
  households: (q: string) => ['monitoring', 'household-search', q] as const,
  runs: () => ['monitoring', 'runs'] as const,
  diff: (runId: number) => ['monitoring', 'diff', runId] as const,
  warnings: () => ['monitoring', 'warnings'] as const,
  explain: (householdId: number, period: string) => ['monitoring', 'explain', householdId, period] as const,
  job: (id: number) => ['jobs', id] as const,
  batches: () => ['feeds', 'batches'] as const,
  villages: () => ['public', 'villages'] as const,
};

// Clues (线索) and their channels.
export const fetchClues = (filters: CluePageFilters, page: PageRequest) =>
  api.get<Page<ClueRow> & { total: number; page: number; pageSize: number }>('/api/clues', { ...filters, ...page });
export const fetchClue = (id: number) => api.get<ClueDetail>(`/api/clues/${id}`);
export const closeClue = (id: number, reason: string) => api.post<ClueDetail>(`/api/clues/${id}/close`, { reason });
export const recordApplication = (request: OfficerApplicationRequest) =>
  api.post<{ clueIds: number[] }>('/api/clues/applications', request);
export const recordVisit = (request: VisitRequest) =>
  api.post<{ visitId: number; clueIds: number[] }>('/api/visits', request);

/** Households for pickers: by name, 户编号 or ID number, within the actor's area. */
export const searchHouseholds = (q: string) =>
  api.get<Page<HouseholdListRow>>('/api/registry/households', { q, limit: 20 });

// The public self-application page (no login).
export const fetchPublicVillages = () => api.get<PublicVillage[]>('/api/public/villages');
export const submitPublicApplication = (request: PublicApplicationRequest) =>
  api.post<{ receipt: string; clueIds: number[] }>('/api/public/applications', request);
export type ApplicationStatus = z.infer<typeof applicationStatusResponse>;
export const fetchApplicationStatus = (request: { receipt: string; idNumber: string }) =>
  api.post<ApplicationStatus>('/api/public/applications/status', request);

// Monthly monitoring runs and warnings.
export const startRun = (period: string) =>
  api.post<{ jobId: number; runId?: number }>('/api/monitoring/runs', {
    period,
  });
export const fetchRuns = () => api.get<RunRowDto[]>('/api/monitoring/runs', { limit: 24 });
export const RUN_FILTER_KEYS = ['period', 'kind', 'status'] as const;
export type RunFilters = Partial<Record<(typeof RUN_FILTER_KEYS)[number], string>>;
/** One numbered page of runs with the total the filters match. */
export const fetchRunPage = (filters: RunFilters, page: PageRequest) =>
  api.get<{ items: RunRowDto[]; total: number; page: number; pageSize: number }>('/api/monitoring/runs', {
    ...filters,
    ...page,
  });
/** An export URL of what a paged list shows: its filters and sort as the query. */
export function listExportUrl(path: string, filters: Record<string, string | undefined>, page?: PageRequest): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, sort: page?.sort, order: page?.order })) if (v) q.set(k, v);
  const text = q.toString();
  return text ? `${path}?${text}` : path;
}
export const RUNS_EXPORT_PATH = '/api/monitoring/runs/export.xlsx';
export const fetchRunDiff = (runId: number) => api.get<RunDiff>(`/api/monitoring/runs/${runId}/diff`);
export const fetchWarnings = (filters: WarningFilters, page: PageRequest) =>
  api.get<WarningPage>('/api/monitoring/warnings', { ...filters, ...page });
export const fetchExplain = (householdId: number, period?: string) =>
  api.get<ExplainResponse>(`/api/monitoring/households/${householdId}/explain`, { period });

export const fetchJob = (id: number) => api.get<JobDto>(`/api/jobs/${id}`);

// Department data (部门比对数据).
export const fetchFeedBatches = (filters: { source?: string }, page: PageRequest) =>
  api.get<{ items: FeedBatchRow[]; total: number; page: number; pageSize: number }>('/api/feeds/batches', {
    ...filters,
    ...page,
  });

/** Uploads a CSV/XLSX file as multipart `file`; the import runs as a job. */
export async function importFeedFile(file: File, options: { dryRun: boolean; source?: FeedSourceCodeDto }) {
  const form = new FormData();
  form.append('file', file, file.name);
  const query = new URLSearchParams({ dryRun: String(options.dryRun) });
  if (options.source) query.set('source', options.source);
  const language = getLanguage() === 'en' ? 'en' : 'zh-CN';
  const fallback = {
    zh: '上传失败，请重试',
    en: 'The upload failed. Please retry.',
  };
  let response: Response;
  try {
    response = await fetch(`/api/feeds/import?${query}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': language },
    });
  } catch {
    throw new ApiError(0, null, {
      zh: '无法连接服务器，请检查网络后重试',
      en: 'Cannot reach the server.',
    });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Partial<ErrorResponse> | null;
    throw new ApiError(response.status, body?.error ?? null, fallback);
  }
  return (await response.json()) as { jobId: number };
}

/** A list endpoint answering 404 NOT_FOUND is not deployed yet: pages show an empty state, not an error. */
export function isMissingApi(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.messageEn.startsWith('No such route');
}
