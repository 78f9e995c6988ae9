// 驻村工作队 (server/modules/resident-teams) and 社会力量帮扶 (server/modules/social-pairing): lists, details, writes, ledgers.
import type { z } from 'zod';
import type {
  attendanceInput,
  flagsInput,
  logInput,
  memberInput,
  rotateInput,
  teamDetail,
  teamInput,
  teamPage,
  villagePage,
  villageRow,
} from '#common/contracts/resident-teams.ts';
import type {
  contributionInput,
  pairingDetail,
  pairingInput,
  pairingPage,
  pairingTotals,
} from '#common/contracts/social-pairing.ts';
import { api } from './client.ts';

export type TeamPage = z.infer<typeof teamPage>;
export type TeamDetail = z.infer<typeof teamDetail>;
export type VillagePage = z.infer<typeof villagePage>;
export type VillageRow = z.infer<typeof villageRow>;
export type PairingPage = z.infer<typeof pairingPage>;
export type PairingDetail = z.infer<typeof pairingDetail>;
export type PairingTotals = z.infer<typeof pairingTotals>;

type Query = Record<string, string | number | undefined>;

export const residentTeamKeys = {
  all: ['residentTeams'] as const,
  teams: () => ['residentTeams', 'teams'] as const,
  villages: () => ['residentTeams', 'villages'] as const,
  team: (id: number) => ['residentTeams', 'team', id] as const,
};

export const socialPairingKeys = {
  all: ['socialPairing'] as const,
  list: () => ['socialPairing', 'list'] as const,
  totals: (filters: unknown) => ['socialPairing', 'totals', filters] as const,
  detail: (id: number) => ['socialPairing', 'detail', id] as const,
};

function withQuery(path: string, filters: Query): string {
  const q = new URLSearchParams(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== '') as [string, string][],
  ).toString();
  return `${path}${q ? `?${q}` : ''}`;
}

export const fetchTeams = (q: Query) => api.get<TeamPage>('/api/resident-teams', q);
export const fetchTeam = (id: number) => api.get<TeamDetail>(`/api/resident-teams/${id}`);
export const fetchTeamVillages = (q: Query) => api.get<VillagePage>('/api/resident-teams/villages', q);
export const createTeam = (body: z.input<typeof teamInput>) => api.post<TeamDetail>('/api/resident-teams', body);
export const rotateTeam = (id: number, body: z.input<typeof rotateInput>) =>
  api.post<TeamDetail>(`/api/resident-teams/${id}/rotate`, body);
export const endTeam = (id: number, body: { endedOn: string; endNote?: string }) =>
  api.post<TeamDetail>(`/api/resident-teams/${id}/end`, body);
export const addTeamMember = (id: number, body: z.input<typeof memberInput>) =>
  api.post<TeamDetail>(`/api/resident-teams/${id}/members`, body);
export const memberLeaves = (memberId: number, body: { leftOn: string }) =>
  api.post<TeamDetail>(`/api/resident-teams/members/${memberId}/leave`, body);
export const recordAttendance = (id: number, body: z.input<typeof attendanceInput>) =>
  api.post<TeamDetail>(`/api/resident-teams/${id}/attendance`, body);
export const addTeamLog = (id: number, body: z.input<typeof logInput>) =>
  api.post<TeamDetail>(`/api/resident-teams/${id}/logs`, body);
export const setVillageFlags = (orgCode: string, body: z.input<typeof flagsInput>) =>
  api.post<VillageRow>(`/api/resident-teams/villages/${orgCode}/flags`, body);
export const teamsExportUrl = (filters: Query) => withQuery('/api/resident-teams/export.xlsx', filters);

export const fetchPairings = (q: Query) => api.get<PairingPage>('/api/social-pairing', q);
export const fetchPairing = (id: number) => api.get<PairingDetail>(`/api/social-pairing/${id}`);
export const fetchPairingTotals = (q: Query) => api.get<PairingTotals>('/api/social-pairing/totals', q);
export const createPairing = (body: z.input<typeof pairingInput>) =>
  api.post<PairingDetail>('/api/social-pairing', body);
export const addContribution = (id: number, body: z.input<typeof contributionInput>) =>
  api.post<PairingDetail>(`/api/social-pairing/${id}/contributions`, body);
export const endPairing = (id: number, body: { endedOn: string }) =>
  api.post<PairingDetail>(`/api/social-pairing/${id}/end`, body);
export const pairingsExportUrl = (filters: Query) => withQuery('/api/social-pairing/export.xlsx', filters);
