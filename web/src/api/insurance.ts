// 防贫保险 (server/modules/insurance): paged lists, the household section, writes, ledger and import.
import type { z } from 'zod';
import type {
  claimPage,
  claimRow,
  decisionResult,
  householdInsurance,
  importReport,
  policyPage,
  uncoveredPage,
} from '#common/contracts/insurance.ts';
import { api, uploadSheet } from './client.ts';

export type PolicyPage = z.infer<typeof policyPage>;
export type UncoveredPage = z.infer<typeof uncoveredPage>;
export type ClaimPage = z.infer<typeof claimPage>;
export type ClaimRow = z.infer<typeof claimRow>;
export type DecisionResult = z.infer<typeof decisionResult>;
export type HouseholdInsurance = z.infer<typeof householdInsurance>;
export type InsuranceImportReport = z.infer<typeof importReport>;

type Query = Record<string, string | number | undefined>;

export const insuranceKeys = {
  all: ['insurance'] as const,
  policies: () => ['insurance', 'policies'] as const,
  uncovered: () => ['insurance', 'uncovered'] as const,
  claims: () => ['insurance', 'claims'] as const,
  household: (id: number) => ['insurance', 'household', id] as const,
};

export const fetchPolicies = (q: Query) => api.get<PolicyPage>('/api/insurance/policies', q);
export const fetchUncovered = (q: Query) => api.get<UncoveredPage>('/api/insurance/uncovered', q);
export const fetchClaims = (q: Query) => api.get<ClaimPage>('/api/insurance/claims', q);
export const fetchHouseholdInsurance = (id: number) => api.get<HouseholdInsurance>(`/api/insurance/households/${id}`);
export const insureHousehold = (body: { householdId: number; year: number; insurer: string; premiumFen: number }) =>
  api.post<unknown>('/api/insurance/policies', body);
export const reportClaim = (body: {
  householdId: number;
  cause: string;
  claimedOn: string;
  amountFen: number;
  note?: string;
}) => api.post<ClaimRow>('/api/insurance/claims', body);
export const decideClaim = (
  id: number,
  body: { to: 'paid'; paidOn: string; amountFen: number; alreadyInIncome?: boolean } | { to: 'refused'; note: string },
) => api.post<DecisionResult>(`/api/insurance/claims/${id}/decision`, body);

/** The ledger of what the list filters. */
export function claimsExportUrl(filters: Query): string {
  const q = new URLSearchParams(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return `/api/insurance/claims/export.xlsx${q ? `?${q}` : ''}`;
}

/** The 应保未保 list as .xlsx, under the list's filters. */
export function uncoveredExportUrl(filters: Query): string {
  return claimsExportUrl(filters).replace('/api/insurance/claims/export.xlsx', '/api/insurance/uncovered/export.xlsx');
}

/** Uploads the insurer's claim list (multipart `file`); a dry run writes nothing. */
export const importClaimsFile = (file: File, dryRun: boolean) =>
  uploadSheet<InsuranceImportReport>(`/api/insurance/claims/import?dryRun=${dryRun ? 'true' : 'false'}`, file);
