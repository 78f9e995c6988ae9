// 重点帮扶村 and 示范村 (server/modules/key-villages): the ranked scoring sheet, hand scores, decisions.
import type { z } from 'zod';
import type {
  DecisionDetail,
  DecisionInput,
  HandScoresInput,
  SheetRow,
  decisionPage,
  sheetPage,
} from '#common/contracts/key-villages.ts';
import { api, apiRequest } from './client.ts';

export type { DecisionDetail, SheetRow };
export type SheetPage = z.infer<typeof sheetPage>;
export type DecisionPage = z.infer<typeof decisionPage>;

type Query = Record<string, string | number | undefined>;

export const keyVillageKeys = {
  all: ['key-villages'] as const,
  sheet: () => ['key-villages', 'sheet'] as const,
  options: (year: number) => ['key-villages', 'options', year] as const,
  decisions: () => ['key-villages', 'decisions'] as const,
  decision: (id: number) => ['key-villages', 'decision', id] as const,
};

const queryString = (filters: Query) => {
  const q = new URLSearchParams(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return q ? `?${q}` : '';
};

export const fetchSheet = (q: Query) => api.get<SheetPage>('/api/key-villages', q);
export const sheetExportUrl = (filters: Query) => `/api/key-villages/export.xlsx${queryString(filters)}`;
export const saveScores = (orgCode: string, year: number, body: HandScoresInput) =>
  apiRequest<SheetRow>('PUT', `/api/key-villages/scores/${orgCode}/${year}`, { body });
export const fetchDecisions = (q: Query) => api.get<DecisionPage>('/api/key-villages/decisions', q);
export const fetchDecision = (id: number) => api.get<DecisionDetail>(`/api/key-villages/decisions/${id}`);
export const createDecision = (body: DecisionInput) => api.post<DecisionDetail>('/api/key-villages/decisions', body);
