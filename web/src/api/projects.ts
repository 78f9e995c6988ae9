// Projects, linkage funds, assets and 四议两公开: typed calls (types from common/contracts, type-only).
import type { z } from 'zod';
import type {
  AssetDetail,
  AssetRow,
  assetCustodyInput,
  assetInput,
  assetListQuery,
  assetSummary,
  disposalInput,
  incomeInput,
} from '#common/contracts/assets.ts';
import type {
  DeliberationDetail,
  DeliberationRow,
  deliberationCreate,
  deliberationStepInput,
} from '#common/contracts/deliberation.ts';
import type {
  AllocationRow,
  AssignmentRow,
  DisbursementRow,
  FundChecksResponse,
  allocationInput,
  assignmentInput,
  disbursementInput,
} from '#common/contracts/funds.ts';
import type {
  ProjectDetail,
  ProjectInput,
  ProjectRow,
  projectAction,
  projectAdjust,
  projectListQuery,
  projectStatusChange,
} from '#common/contracts/projects.ts';
import type { PageRequest } from '../components/usePagedList.ts';
import { api } from './client.ts';

export type {
  AssetDetail,
  AssetRow,
  DeliberationDetail,
  DeliberationRow,
  AllocationRow,
  AssignmentRow,
  DisbursementRow,
  FundChecksResponse,
  ProjectDetail,
  ProjectInput,
  ProjectRow,
};
export type ProjectFilters = z.input<typeof projectListQuery>;
export type AssetFilters = z.input<typeof assetListQuery>;

export const projectKeys = {
  all: ['projects'] as const,
  list: (f: ProjectFilters) => ['projects', 'list', f] as const,
  detail: (id: number) => ['projects', 'detail', id] as const,
  funds: ['projects', 'funds'] as const,
  checks: (year: number) => ['projects', 'funds', 'checks', year] as const,
  assets: ['projects', 'assets'] as const,
  deliberations: ['projects', 'deliberations'] as const,
};

export const fetchProjects = (f: ProjectFilters) =>
  api.get<ProjectRow[]>('/api/projects', f as Record<string, string | number | boolean | undefined>);
/** One numbered page of the project library with its total (the paged-list convention). */
export const fetchProjectPage = (filters: Partial<Record<ProjectFilterKey, string>>, page: PageRequest) =>
  api.get<{ items: ProjectRow[]; total: number; page: number; pageSize: number }>('/api/projects', {
    ...filters,
    ...page,
  });
export const PROJECT_FILTER_KEYS = ['year', 'type', 'status', 'entryStage', 'orgCode', 'q', 'mine'] as const;
export type ProjectFilterKey = (typeof PROJECT_FILTER_KEYS)[number];
export const PROJECTS_EXPORT_PATH = '/api/projects/export.xlsx';
export const fetchProject = (id: number) => api.get<ProjectDetail>(`/api/projects/${id}`);
export const createProject = (body: ProjectInput) => api.post<ProjectDetail>('/api/projects', body);
export const projectEntry = (id: number, body: z.input<typeof projectAction>) =>
  api.post<ProjectDetail>(`/api/projects/${id}/entry`, body);
export const projectStatus = (id: number, body: z.input<typeof projectStatusChange>) =>
  api.post<ProjectDetail>(`/api/projects/${id}/status`, body);
export const adjustProject = (id: number, body: z.input<typeof projectAdjust>) =>
  api.post<ProjectDetail>(`/api/projects/${id}/adjust`, body);
export const projectNoticeUrl = (id: number, pdf = false) => `/api/projects/${id}/notice.${pdf ? 'pdf' : 'html'}`;
export const projectsExportUrl = (year?: number) => `/api/projects/export.xlsx${year ? `?year=${year}` : ''}`;

export const fetchAllocations = (year?: number) => api.get<AllocationRow[]>('/api/funds/allocations', { year });
export const createAllocation = (body: z.input<typeof allocationInput>) =>
  api.post<AllocationRow>('/api/funds/allocations', body);
export const fetchAssignments = (year?: number, projectId?: number) =>
  api.get<AssignmentRow[]>('/api/funds/assignments', { year, projectId });
export const createAssignment = (body: z.input<typeof assignmentInput>) =>
  api.post<AssignmentRow>('/api/funds/assignments', body);
export const fetchDisbursements = (year?: number, projectId?: number) =>
  api.get<DisbursementRow[]>('/api/funds/disbursements', { year, projectId });
export const createDisbursement = (body: z.input<typeof disbursementInput>) =>
  api.post<DisbursementRow>('/api/funds/disbursements', body);
export const fetchFundChecks = (year: number) => api.get<FundChecksResponse>('/api/funds/checks', { year });
export const fundsExportUrl = (year: number) => `/api/funds/export.xlsx?year=${year}`;

export const fetchAssets = (f: AssetFilters) =>
  api.get<AssetRow[]>('/api/assets', f as Record<string, string | undefined>);
/** One numbered page of the asset ledger with its total (the paged-list convention). */
export const fetchAssetPage = (filters: Partial<Record<AssetFilterKey, string>>, page: PageRequest) =>
  api.get<{ items: AssetRow[]; total: number; page: number; pageSize: number }>('/api/assets', {
    ...filters,
    ...page,
  });
export const ASSET_FILTER_KEYS = ['category', 'ownerLevel', 'orgCode', 'status', 'q'] as const;
export type AssetFilterKey = (typeof ASSET_FILTER_KEYS)[number];
export const ASSETS_EXPORT_PATH = '/api/assets/export.xlsx';
export const fetchAssetSummary = () => api.get<z.infer<typeof assetSummary>>('/api/assets/summary');
export const fetchAsset = (id: number) => api.get<AssetDetail>(`/api/assets/${id}`);
export const createAsset = (body: z.input<typeof assetInput>) => api.post<AssetDetail>('/api/assets', body);
export const setAssetCustody = (id: number, body: z.input<typeof assetCustodyInput>) =>
  api.post<AssetDetail>(`/api/assets/${id}/custody`, body);
export const recordAssetIncome = (id: number, body: z.input<typeof incomeInput>) =>
  api.post<AssetDetail>(`/api/assets/${id}/incomes`, body);
export const disposeAsset = (id: number, body: z.input<typeof disposalInput>) =>
  api.post<AssetDetail>(`/api/assets/${id}/disposal`, body);
export const incomeNoticeUrl = (assetId: number, incomeId: number, pdf = false) =>
  `/api/assets/${assetId}/incomes/${incomeId}/notice.${pdf ? 'pdf' : 'html'}`;
export function assetsExportUrl(f: AssetFilters): string {
  const q = new URLSearchParams(
    Object.entries(f).filter(([, v]) => v !== undefined && v !== '') as [string, string][],
  ).toString();
  return `/api/assets/export.xlsx${q ? `?${q}` : ''}`;
}

export const fetchDeliberations = (f: { villageCode?: string; purpose?: string; decided?: boolean } = {}) =>
  api.get<DeliberationRow[]>('/api/deliberations', f);
export const fetchDeliberation = (id: number) => api.get<DeliberationDetail>(`/api/deliberations/${id}`);
export const createDeliberation = (body: z.input<typeof deliberationCreate>) =>
  api.post<DeliberationDetail>('/api/deliberations', body);
export const recordDeliberationStep = (id: number, body: z.input<typeof deliberationStepInput>) =>
  api.post<DeliberationDetail>(`/api/deliberations/${id}/steps`, body);
