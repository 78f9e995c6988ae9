// Assistance (帮扶) API: pairings, measures, obligations, the household tab, the cadre workspace and
// the relief funds. Types only from common/contracts.
import type { z } from 'zod';
import type {
  FundDetail,
  FundRow,
  HouseholdAssistance,
  MeasureRow,
  ObligationRow,
  PairingRow,
  ReliefApplicationRow,
  Workspace,
  cadreOption,
  measureInput,
  obligationBoard,
  pairingPage,
  pairingRequest,
  reliefApplicationRequest,
  subtypeRow,
} from '#common/contracts/assistance.ts';
import type { HouseholdListRow } from '#common/contracts/registry.ts';
import { api, apiRequest } from './client.ts';

export type {
  FundDetail,
  FundRow,
  HouseholdAssistance,
  HouseholdListRow,
  MeasureRow,
  ObligationRow,
  PairingRow,
  ReliefApplicationRow,
  Workspace,
};
export type CadreOption = z.infer<typeof cadreOption>;
export type SubtypeRow = z.infer<typeof subtypeRow>;
export type ObligationBoard = z.infer<typeof obligationBoard>;
export type PairingPage = z.infer<typeof pairingPage>;
export type MeasureInput = z.input<typeof measureInput>;
export type PairingRequest = z.input<typeof pairingRequest>;
export type ReliefApplicationRequest = z.input<typeof reliefApplicationRequest>;

export const assistanceKeys = {
  all: ['assistance'] as const,
  household: (id: number) => ['assistance', 'household', id] as const,
  board: (asOf: string | undefined, orgCode: string | undefined) =>
    ['assistance', 'board', asOf ?? 'today', orgCode ?? ''] as const,
  workspace: ['assistance', 'workspace'] as const,
  measures: () => ['assistance', 'measures'] as const,
  subtypes: ['assistance', 'subtypes'] as const,
  cadres: ['assistance', 'cadres'] as const,
  pairings: ['assistance', 'pairings'] as const,
  funds: ['relief', 'funds'] as const,
  fund: (id: number) => ['relief', 'fund', id] as const,
};

export const fetchHouseholdAssistance = (id: number) =>
  api.get<HouseholdAssistance>(`/api/assistance/households/${id}`);
/** Paging and sort of a list request (common/contracts/paging.ts). */
export interface ListPage {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
}
export type ObligationFilters = { asOf?: string; orgCode?: string; code?: string };
/** The board: counts per township and one page of the obligation rows the filters match. */
export const fetchBoard = (filters: ObligationFilters, page: ListPage) =>
  api.get<ObligationBoard>('/api/assistance/obligations', { ...filters, ...page });
export const fetchWorkspace = () => api.get<Workspace>('/api/assistance/workspace');
export type MeasureFilters = { category?: string; status?: string };
export const fetchMeasures = (filters: MeasureFilters, page: ListPage) =>
  api.get<{ items: MeasureRow[]; total: number; page: number; pageSize: number }>('/api/assistance/measures', {
    ...filters,
    ...page,
  });
export const fetchSubtypes = () => api.get<SubtypeRow[]>('/api/assistance/subtypes');
export const saveSubtype = (body: {
  category: string;
  code: string;
  labelZh: string;
  continuesAfterElimination: string | null;
  active: boolean;
}) => api.post<SubtypeRow>('/api/assistance/subtypes', body);
export const fetchCadres = () => api.get<CadreOption[]>('/api/assistance/cadres');
export type PairingFilters = { q?: string; orgCode?: string };
export const fetchPairings = (filters: PairingFilters, page: ListPage) =>
  api.get<PairingPage>('/api/assistance/pairings', { activeOnly: 'true', ...filters, ...page });
export const createPairing = (body: PairingRequest) => api.post<PairingRow>('/api/assistance/pairings', body);
export const endPairing = (id: number, body: { endOn: string; reason: string }) =>
  api.post<PairingRow>(`/api/assistance/pairings/${id}/end`, body);
export const createMeasure = (body: MeasureInput) => api.post<MeasureRow>('/api/assistance/measures', body);
export const updateMeasure = (id: number, body: Omit<MeasureInput, 'householdId'> & { version: number }) =>
  apiRequest<MeasureRow>('PUT', `/api/assistance/measures/${id}`, { body });
export const searchHouseholds = (q: string) =>
  api.get<{ items: HouseholdListRow[] }>('/api/registry/households', { q, limit: 20 });

export const fetchFunds = () => api.get<FundRow[]>('/api/relief/funds');
export const fetchFund = (id: number) => api.get<FundDetail>(`/api/relief/funds/${id}`);
export const createFund = (body: { orgCode: string; name: string; kind: 'emergency' | 'temporaryReserve' }) =>
  api.post<FundDetail>('/api/relief/funds', body);
export const addIncome = (
  id: number,
  body: { amountFen: number; source: string; occurredOn: string; note: string | null },
) => api.post<FundDetail>(`/api/relief/funds/${id}/income`, body);
export const applyRelief = (body: ReliefApplicationRequest) =>
  api.post<ReliefApplicationRow>('/api/relief/applications', body);
export const decideRelief = (
  id: number,
  body: { decision: 'approve' | 'reject'; approvedFen?: number; note: string | null },
) => api.post<ReliefApplicationRow>(`/api/relief/applications/${id}/decision`, body);
export const disburseRelief = (id: number, occurredOn: string) =>
  api.post<ReliefApplicationRow>(`/api/relief/applications/${id}/disburse`, { occurredOn });

export const EXPORT_URLS = {
  measures: '/api/assistance/measures/export.xlsx',
  obligations: '/api/assistance/obligations/export.xlsx',
  pairings: '/api/assistance/pairings/export.xlsx',
  fundLedger: (id: number) => `/api/relief/funds/${id}/ledger.xlsx`,
};
