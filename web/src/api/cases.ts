// Cases module API: 识别认定 / 风险消除 cases, time limits, dynamic zeroing, notices and ledgers.
// Types only from common/contracts.
import type { z } from 'zod';
import type {
  CaseActionRequest,
  CaseDetail,
  CaseRow,
  dueGroup,
  startEliminationRequest,
  ZeroingResponse,
} from '#common/contracts/cases.ts';
import type { ClueRow } from '#common/contracts/clues.ts';
import type { PageRequest } from '../components/usePagedList.ts';
import { api } from './client.ts';

export type { CaseDetail, CaseRow, ClueRow, ZeroingResponse };
export type DueGroup = z.infer<typeof dueGroup>;
export type CaseListFilters = {
  kind?: string;
  status: 'active' | 'done' | 'closed';
  stage?: string;
  due?: string;
  orgCode?: string;
};

export const casesKeys = {
  all: ['cases'] as const,
  list: (f: CaseListFilters) => ['cases', 'list', f] as const,
  detail: (id: number) => ['cases', 'detail', id] as const,
  due: (orgCode?: string) => ['cases', 'due', orgCode ?? ''] as const,
  zeroing: (orgCode?: string) => ['cases', 'zeroing', orgCode ?? ''] as const,
  openClues: ['cases', 'openClues'] as const,
};

export function fetchCases(f: CaseListFilters, afterId: number, limit = 50) {
  return api.get<{ items: CaseRow[]; nextAfterId: number | null; stageLabels: Record<string, string> }>('/api/cases', {
    ...f,
    afterId,
    limit,
  });
}
/** One numbered page of the case list with its total (the paged-list convention). */
export function fetchCasePage(filters: Partial<Record<CaseFilterKey, string>>, page: PageRequest) {
  return api.get<{ items: CaseRow[]; total: number; page: number; pageSize: number }>('/api/cases', {
    ...filters,
    ...page,
  });
}
export const CASE_FILTER_KEYS = ['kind', 'status', 'stage', 'due', 'orgCode'] as const;
export type CaseFilterKey = (typeof CASE_FILTER_KEYS)[number];
export const CASES_EXPORT_PATH = '/api/cases/export.xlsx';
export const fetchCase = (id: number) => api.get<CaseDetail>(`/api/cases/${id}`);
export const startIdentification = (clueId: number) => api.post<CaseDetail>('/api/cases/identifications', { clueId });
export const startElimination = (body: z.infer<typeof startEliminationRequest>) =>
  api.post<CaseDetail>('/api/cases/eliminations', body);
export const actOnCase = (
  id: number,
  body: Partial<CaseActionRequest> & Pick<CaseActionRequest, 'action' | 'version'>,
) => api.post<CaseDetail>(`/api/cases/${id}/actions`, body);
export const fetchDue = (orgCode?: string) =>
  api.get<{ limitDays: number; asOf: string; groups: DueGroup[] }>('/api/cases/due', { orgCode });
export const fetchZeroing = (orgCode?: string) => api.get<ZeroingResponse>('/api/cases/zeroing', { orgCode });
export const fetchOpenClues = () =>
  api.get<{ items: ClueRow[]; nextAfterId: number | null }>('/api/clues', { status: 'open', limit: 200 });
export const searchMonitored = (q: string) =>
  api.get<{
    items: {
      id: number;
      householdNo: string;
      headName: string | null;
      villageName: string;
      monitoringStatus: string;
    }[];
  }>('/api/registry/households', { q, monitoringStatus: 'monitored', limit: 20 });

export const noticeHtmlUrl = (id: number, kind: 'publicity' | 'announcement') =>
  `/api/cases/${id}/notices/${kind}.html`;
export const noticePdfUrl = (id: number, kind: 'publicity' | 'announcement') => `/api/cases/${id}/notices/${kind}.pdf`;
export const ledgerUrl = (which: 'monitored' | 'eliminated') => `/api/cases/ledgers/${which}.xlsx`;
