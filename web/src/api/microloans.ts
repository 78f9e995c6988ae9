// 小额信贷 (server/modules/microloans): paged list, the household section, writes, ledger and bank-sheet import.
import type { z } from 'zod';
import type {
  householdLoans,
  loanDetail,
  loanImportReport,
  loanInput,
  loanPage,
  renewalInput,
  subsidyQuote,
} from '#common/contracts/microloans.ts';
import { api, uploadSheet } from './client.ts';

export type LoanPage = z.infer<typeof loanPage>;
export type LoanDetail = z.infer<typeof loanDetail>;
export type HouseholdLoans = z.infer<typeof householdLoans>;
export type LoanInputBody = z.input<typeof loanInput>;
export type RenewalBody = z.input<typeof renewalInput>;
export type SubsidyQuote = z.infer<typeof subsidyQuote>;
export type LoanImportReport = z.infer<typeof loanImportReport>;

type Query = Record<string, string | number | undefined>;

export const microloanKeys = {
  all: ['microloans'] as const,
  list: () => ['microloans', 'list'] as const,
  household: (id: number) => ['microloans', 'household', id] as const,
  quote: (id: number, to: string) => ['microloans', 'quote', id, to] as const,
};

export const fetchLoans = (q: Query) => api.get<LoanPage>('/api/microloans', q);
export const fetchHouseholdLoans = (id: number) => api.get<HouseholdLoans>(`/api/microloans/households/${id}`);
export const createLoan = (body: LoanInputBody) => api.post<LoanDetail>('/api/microloans', body);
export const repayLoan = (id: number, body: { on: string; amountFen: number; note?: string }) =>
  api.post<LoanDetail>(`/api/microloans/${id}/repayments`, body);
export const fetchSubsidyQuote = (id: number, to: string) =>
  api.get<SubsidyQuote>(`/api/microloans/${id}/subsidy`, { to });
export const paySubsidy = (id: number, body: { to: string; note?: string }) =>
  api.post<LoanDetail>(`/api/microloans/${id}/subsidies`, body);
export const renewLoan = (id: number, body: RenewalBody) => api.post<LoanDetail>(`/api/microloans/${id}/renew`, body);

/** The ledger of what the list filters. */
export function loansExportUrl(filters: Query): string {
  const q = new URLSearchParams(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== '') as [string, string][],
  ).toString();
  return `/api/microloans/export.xlsx${q ? `?${q}` : ''}`;
}

/** Uploads a bank's .xlsx (multipart `file`); a dry run writes nothing. */
export const importLoansFile = (file: File, dryRun: boolean) =>
  uploadSheet<LoanImportReport>(`/api/microloans/import?dryRun=${dryRun ? 'true' : 'false'}`, file);
