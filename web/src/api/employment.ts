// 就业与培训 (server/modules/employment): paged lists, figures, the household section and writes.
import type { z } from 'zod';
import type {
  employmentFiguresResponse,
  employmentInput,
  employmentPage,
  employmentUpdate,
  followUpInput,
  householdEmployment,
  importReport,
  trainingInput,
  trainingPage,
  workshopInput,
  workshopPage,
} from '#common/contracts/employment.ts';
import { api, apiRequest, uploadSheet } from './client.ts';

export type EmploymentPage = z.infer<typeof employmentPage>;
export type TrainingPage = z.infer<typeof trainingPage>;
export type WorkshopPage = z.infer<typeof workshopPage>;
export type EmploymentFigures = z.infer<typeof employmentFiguresResponse>;
export type HouseholdEmployment = z.infer<typeof householdEmployment>;
export type JobInput = z.input<typeof employmentInput>;
export type JobUpdate = z.input<typeof employmentUpdate>;
export type FollowUpInput = z.input<typeof followUpInput>;
export type TrainingInput = z.input<typeof trainingInput>;
export type WorkshopInput = z.input<typeof workshopInput>;

type Query = Record<string, string | number | undefined>;

export const employmentKeys = {
  all: ['employment'] as const,
  jobs: () => ['employment', 'jobs'] as const,
  trainings: () => ['employment', 'trainings'] as const,
  workshops: () => ['employment', 'workshops'] as const,
  figures: (q: Query) => ['employment', 'figures', q] as const,
  household: (id: number) => ['employment', 'household', id] as const,
};

export const fetchJobs = (q: Query) => api.get<EmploymentPage>('/api/employment/jobs', q);
export const fetchTrainings = (q: Query) => api.get<TrainingPage>('/api/employment/trainings', q);
export const fetchWorkshops = (q: Query) => api.get<WorkshopPage>('/api/employment/workshops', q);
export const fetchEmploymentFigures = (q: Query) => api.get<EmploymentFigures>('/api/employment/figures', q);
export const fetchHouseholdEmployment = (id: number) =>
  api.get<HouseholdEmployment>(`/api/employment/households/${id}`);

export const createJob = (body: JobInput) => api.post<unknown>('/api/employment/jobs', body);
export const updateJob = (id: number, body: JobUpdate) =>
  apiRequest<unknown>('PUT', `/api/employment/jobs/${id}`, { body });
export const addFollowUp = (id: number, body: FollowUpInput) =>
  api.post<unknown>(`/api/employment/jobs/${id}/follow-ups`, body);
export const createTraining = (body: TrainingInput) => api.post<unknown>('/api/employment/trainings', body);
export const createWorkshop = (body: WorkshopInput) => api.post<unknown>('/api/employment/workshops', body);

/** The ledger of what the list filters. */
export function employmentExportUrl(list: 'jobs' | 'trainings' | 'workshops', filters: Query): string {
  const q = new URLSearchParams(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== '') as [string, string][],
  ).toString();
  return `/api/employment/${list}/export.xlsx${q ? `?${q}` : ''}`;
}

export type EmploymentImportReport = z.infer<typeof importReport>;

/** Uploads the 人社 office's .xlsx (multipart `file`); a dry run writes nothing. */
export const importEmploymentFile = (kind: 'jobs' | 'trainings', file: File, dryRun: boolean) =>
  uploadSheet<EmploymentImportReport>(`/api/employment/import/${kind}?dryRun=${dryRun ? '1' : '0'}`, file);
