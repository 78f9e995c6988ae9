// 兜底保障 linkage (server/modules/social-assistance).
import type { z } from 'zod';
import type { benefitInput, householdBenefits, uncoveredPage } from '#common/contracts/social-assistance.ts';
import { api } from './client.ts';

export type UncoveredPage = z.infer<typeof uncoveredPage>;
export type HouseholdBenefits = z.infer<typeof householdBenefits>;
export type BenefitInput = z.input<typeof benefitInput>;

export const socialKeys = {
  all: ['social-assistance'] as const,
  uncovered: () => ['social-assistance', 'uncovered'] as const,
  household: (id: number) => ['social-assistance', 'household', id] as const,
};
type Query = Record<string, string | number | undefined>;
export const fetchUncovered = (q: Query) => api.get<UncoveredPage>('/api/social-assistance/uncovered', q);
export const fetchHouseholdBenefits = (id: number) =>
  api.get<HouseholdBenefits>(`/api/social-assistance/households/${id}`);
export const addBenefit = (body: BenefitInput) => api.post<unknown>('/api/social-assistance/benefits', body);
export const endBenefit = (id: number, body: { endOn: string; reason: string; version: number }) =>
  api.post<unknown>(`/api/social-assistance/benefits/${id}/end`, body);
export const uncoveredExportUrl = (orgCode?: string) =>
  `/api/social-assistance/uncovered/export.xlsx${orgCode ? `?orgCode=${encodeURIComponent(orgCode)}` : ''}`;
