// 积分制 and 积分超市 (server/modules/village-points): items, awards, redemptions, ranking, balance, ledger.
import type { z } from 'zod';
import type {
  pointsAwardInput,
  pointsAwardPage,
  pointsBalance,
  pointsRankingPage,
  pointsRedemptionInput,
  pointsRedemptionPage,
  pointsRuleInput,
  pointsRulePage,
  pointsRuleRow,
} from '#common/contracts/village-points.ts';
import { api } from './client.ts';

export type PointsRulePage = z.infer<typeof pointsRulePage>;
export type PointsAwardPage = z.infer<typeof pointsAwardPage>;
export type PointsRedemptionPage = z.infer<typeof pointsRedemptionPage>;
export type PointsRankingPage = z.infer<typeof pointsRankingPage>;
export type PointsBalance = z.infer<typeof pointsBalance>;

type Query = Record<string, string | number | undefined>;

export const villagePointsKeys = {
  all: ['villagePoints'] as const,
  rules: (f: unknown) => ['villagePoints', 'rules', f] as const,
  awards: () => ['villagePoints', 'awards'] as const,
  redemptions: (f: unknown) => ['villagePoints', 'redemptions', f] as const,
  ranking: (f: unknown) => ['villagePoints', 'ranking', f] as const,
  balance: (id: number) => ['villagePoints', 'balance', id] as const,
};

export const fetchPointsRules = (q: Query) => api.get<PointsRulePage>('/api/village-points/rules', q);
export const createPointsRule = (body: z.input<typeof pointsRuleInput>) =>
  api.post<z.infer<typeof pointsRuleRow>>('/api/village-points/rules', body);
export const fetchPointsAwards = (q: Query) => api.get<PointsAwardPage>('/api/village-points/awards', q);
export const awardPoints = (body: z.input<typeof pointsAwardInput>) =>
  api.post<PointsBalance>('/api/village-points/awards', body);
export const fetchPointsRedemptions = (q: Query) => api.get<PointsRedemptionPage>('/api/village-points/redemptions', q);
export const redeemPoints = (body: z.input<typeof pointsRedemptionInput>) =>
  api.post<PointsBalance>('/api/village-points/redemptions', body);
export const fetchPointsRanking = (q: Query) => api.get<PointsRankingPage>('/api/village-points/ranking', q);
export const fetchPointsBalance = (id: number) => api.get<PointsBalance>(`/api/village-points/households/${id}`);
export function pointsExportUrl(filters: Query): string {
  const q = new URLSearchParams(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return `/api/village-points/export.xlsx${q ? `?${q}` : ''}`;
}
