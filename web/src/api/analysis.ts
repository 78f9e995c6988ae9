// 政策试算与多维剥夺 (server/modules/analysis): scenarios, their differences, the deprivation view.
import type {
  AfResponse,
  ChangeRow,
  CreateScenarioRequest,
  ScenarioCompare,
  ScenarioDetail,
  ScenarioHouseholdExplain,
  ScenarioRow,
  afHouseholdRow,
} from '#common/contracts/analysis.ts';
import type { z } from 'zod';
import { api } from './client.ts';

export type { AfResponse, ChangeRow, ScenarioCompare, ScenarioDetail, ScenarioHouseholdExplain, ScenarioRow };
export type AfHouseholdRow = z.infer<typeof afHouseholdRow>;

type Query = Record<string, string | number | undefined>;
interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const analysisKeys = {
  all: ['analysis'] as const,
  scenarios: () => ['analysis', 'scenarios'] as const,
  scenario: (id: number) => ['analysis', 'scenario', id] as const,
  changes: (id: number) => ['analysis', 'changes', id] as const,
  explain: (id: number, householdId: number) => ['analysis', 'explain', id, householdId] as const,
  compare: (a: number, b: number) => ['analysis', 'compare', a, b] as const,
  deprivation: (q: Query) => ['analysis', 'deprivation', q] as const,
  unmonitored: () => ['analysis', 'unmonitored'] as const,
};

export const fetchScenarios = (q: Query) => api.get<Paged<ScenarioRow>>('/api/analysis/scenarios', q);
export const fetchScenario = (id: number) => api.get<ScenarioDetail>(`/api/analysis/scenarios/${id}`);
export const createScenario = (body: CreateScenarioRequest) =>
  api.post<{ id: number; jobId: number }>('/api/analysis/scenarios', body);
export const fetchChanges = (id: number, q: Query) =>
  api.get<Paged<ChangeRow>>(`/api/analysis/scenarios/${id}/changes`, q);
export const fetchScenarioExplain = (id: number, householdId: number) =>
  api.get<ScenarioHouseholdExplain>(`/api/analysis/scenarios/${id}/households/${householdId}`);
export const fetchCompare = (a: number, b: number) =>
  api.get<ScenarioCompare>('/api/analysis/scenarios/compare', { a, b });
export function changesExportUrl(id: number, filters: Query): string {
  const q = new URLSearchParams(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== '') as [string, string][],
  ).toString();
  return `/api/analysis/scenarios/${id}/changes.xlsx${q ? `?${q}` : ''}`;
}

export const fetchDeprivation = (q: Query) => api.get<AfResponse>('/api/analysis/deprivation', q);
export const fetchUnmonitored = (q: Query) => api.get<Paged<AfHouseholdRow>>('/api/analysis/deprivation/households', q);
export const raiseDeprivationClue = (householdId: number, period?: string) =>
  api.post<{ clueIds: number[] }>('/api/analysis/deprivation/clues', { householdId, period });
