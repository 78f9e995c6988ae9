// 涉贫舆情与信访 (server/modules/petitions): the register, an event's record, its writes, 零上访 villages, ledgers.
import type { z } from 'zod';
import type {
  clueIdsAnswer,
  petitionClueInput,
  petitionCloseInput,
  petitionDetail,
  petitionHouseholdInput,
  petitionInput,
  petitionPage,
  petitionStepInput,
  zeroPetitionPage,
} from '#common/contracts/petitions.ts';
import { api } from './client.ts';

export type PetitionPage = z.infer<typeof petitionPage>;
export type PetitionDetail = z.infer<typeof petitionDetail>;
export type ZeroPetitionPage = z.infer<typeof zeroPetitionPage>;

type Query = Record<string, string | number | undefined>;

export const petitionKeys = {
  all: ['petitions'] as const,
  list: () => ['petitions', 'list'] as const,
  zero: () => ['petitions', 'zero'] as const,
  detail: (id: number) => ['petitions', 'detail', id] as const,
};

function withQuery(path: string, filters: Query): string {
  const q = new URLSearchParams(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return `${path}${q ? `?${q}` : ''}`;
}

export const fetchPetitions = (q: Query) => api.get<PetitionPage>('/api/petitions', q);
export const fetchPetition = (id: number) => api.get<PetitionDetail>(`/api/petitions/${id}`);
export const createPetition = (body: z.input<typeof petitionInput>) => api.post<PetitionDetail>('/api/petitions', body);
export const addPetitionStep = (id: number, body: z.input<typeof petitionStepInput>) =>
  api.post<PetitionDetail>(`/api/petitions/${id}/steps`, body);
export const closePetition = (id: number, body: z.input<typeof petitionCloseInput>) =>
  api.post<PetitionDetail>(`/api/petitions/${id}/close`, body);
export const addPetitionHousehold = (id: number, body: z.input<typeof petitionHouseholdInput>) =>
  api.post<PetitionDetail>(`/api/petitions/${id}/households`, body);
export const raisePetitionClue = (id: number, householdId: number, body: z.input<typeof petitionClueInput>) =>
  api.post<z.infer<typeof clueIdsAnswer>>(`/api/petitions/${id}/households/${householdId}/clue`, body);
export const petitionsExportUrl = (filters: Query) => withQuery('/api/petitions/export.xlsx', filters);
export const fetchZeroPetition = (q: Query) => api.get<ZeroPetitionPage>('/api/petitions/zero-petition', q);
export const zeroPetitionExportUrl = (filters: Query) => withQuery('/api/petitions/zero-petition/export.xlsx', filters);
