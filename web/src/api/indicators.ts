import type { z } from 'zod';
import type {
  approvalRow,
  assessmentScheme,
  AssessmentResponse,
  CockpitResponse,
  definitionsResponse,
  FormResponse,
  importSummary,
  OrgGroupList,
  saveFormRequest,
  targetInput,
  TargetRow,
} from '#common/contracts/indicators.ts';
import type { villageProfile } from '#common/contracts/village-profile.ts';
import { api, apiRequest } from './client.ts';

export type { AssessmentResponse, CockpitResponse, FormResponse, OrgGroupList, TargetRow };
export type Definitions = z.infer<typeof definitionsResponse>;
export type ApprovalRow = z.infer<typeof approvalRow>;
export type ImportSummary = z.infer<typeof importSummary>;
export type TargetInput = z.input<typeof targetInput>;
export type SaveFormRequest = z.input<typeof saveFormRequest>;
export type VillageProfile = z.infer<typeof villageProfile>;

export const indicatorKeys = {
  all: ['indicators'] as const,
  definitions: ['indicators', 'definitions'] as const,
  cockpit: (org: string, period: string, boundaries: string) =>
    ['indicators', 'cockpit', org, period, boundaries] as const,
  form: (dataSet: string, org: string, period: string) => ['indicators', 'form', dataSet, org, period] as const,
  approvals: (dataSet: string, period: string) => ['indicators', 'approvals', dataSet, period] as const,
  targets: ['indicators', 'targets'] as const,
  groups: ['indicators', 'groups'] as const,
  assessment: (year: number) => ['indicators', 'assessment', year] as const,
  villageProfile: (org: string, year: number) => ['indicators', 'village-profile', org, year] as const,
};

export const fetchDefinitions = () => api.get<Definitions>('/api/indicators/definitions');
export const fetchCockpit = (q: { org?: string; period: string; boundaries?: string }) =>
  api.get<CockpitResponse>('/api/indicators/cockpit', q);
/** 村情: the village programmes of one village (the cockpit's village view). */
export const fetchVillageProfile = (q: { org: string; year: number }) =>
  api.get<VillageProfile>('/api/village-profile', q);
export const cockpitXlsxUrl = (q: { org: string; period: string }) =>
  `/api/indicators/cockpit.xlsx?org=${q.org}&period=${q.period}`;
export const fetchForm = (q: { dataSet: string; org: string; period: string }) =>
  api.get<FormResponse>('/api/indicators/form', q);
export const saveForm = (body: SaveFormRequest) => apiRequest<FormResponse>('PUT', '/api/indicators/form', { body });
export const approvalAction = (
  action: 'submit' | 'approve' | 'return',
  body: { dataSet: string; org: string; period: string; note?: string },
) => api.post<FormResponse>(`/api/indicators/approvals/${action}`, body);
export const fetchApprovals = (q: { dataSet: string; period: string }) =>
  api.get<ApprovalRow[]>('/api/indicators/approvals', q);
export const importValues = (body: { format: 'json' | 'csv'; content: string; dryRun: boolean }) =>
  api.post<ImportSummary>('/api/indicators/import', body);
export const fetchTargets = () => api.get<TargetRow[]>('/api/indicators/targets');
export const fetchOrgGroups = () => api.get<OrgGroupList>('/api/indicators/groups');
export const createTarget = (body: TargetInput) => api.post<TargetRow[]>('/api/indicators/targets', body);
export const deleteTarget = (id: number) => apiRequest<TargetRow[]>('DELETE', `/api/indicators/targets/${id}`);
export const fetchAssessment = (year: number) => api.get<AssessmentResponse>('/api/indicators/assessment', { year });
export const saveScheme = (body: z.input<typeof assessmentScheme>) =>
  apiRequest<AssessmentResponse>('PUT', '/api/indicators/assessment/scheme', { body });
export const assessmentXlsxUrl = (year: number) => `/api/indicators/assessment.xlsx?year=${year}`;
