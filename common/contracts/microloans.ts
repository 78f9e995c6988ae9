import { z } from 'zod';
import { LOAN_PURPOSE_CODES } from '../domain/microloans/codes.ts';
import { pageMeta, pagingFields } from './paging.ts';

// 脱贫人口小额信贷 (issue 14 item 3, 沁发〔2021〕17号 §三(六)): loans to 脱贫 and monitored households, repayments,
// the fiscal interest subsidy (贴息) computed and paid, the overdue list and renewals (展期/续贷).

const orgCode = z.string().regex(/^\d{12}$/, { message: '机构代码为12位数字 / org code is 12 digits' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式 YYYY-MM-DD / date YYYY-MM-DD' });
const fen = z.number().int({ message: '金额以分为单位的整数 / amount in whole fen' });
const months = z.number().int({ message: '期限为整月数 / whole months' });
const rateBp = z
  .number()
  .int({ message: '年利率以基点计（3.85% = 385）/ rate in basis points' })
  .max(2_000, { message: '年利率不超过 20% / rate at most 20 %' });

export const loanPurpose = z.enum(LOAN_PURPOSE_CODES, {
  message: '贷款用途须为生产经营类（不得用于婚丧嫁娶、建房、理财、购置家庭用品等）/ purpose must be production',
});
export const loanStatus = z.enum(['active', 'repaid', 'renewed']);
export const renewalKind = z.enum(['extension', 'reloan']);

export const loanInput = z.object({
  householdId: z.number().int().positive(),
  borrowerPersonId: z.number().int().positive().nullable().optional(),
  bank: z.string().trim().min(1, { message: '请填写贷款银行 / bank required' }).max(60),
  purpose: loanPurpose,
  amountFen: fen,
  termMonths: months,
  rateBp,
  issuedOn: isoDate,
});
export type LoanInput = z.infer<typeof loanInput>;

export const loanRow = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  villageName: z.string().nullable(),
  townshipName: z.string().nullable(),
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  borrowerName: z.string().nullable(),
  bank: z.string(),
  purpose: loanPurpose,
  amountFen: z.number().int(),
  termMonths: z.number().int(),
  rateBp: z.number().int(),
  issuedOn: z.string(),
  dueOn: z.string(),
  status: loanStatus,
  overdue: z.boolean(),
  overdueDays: z.number().int(),
  repaidFen: z.number().int(),
  outstandingFen: z.number().int(),
  subsidyPaidFen: z.number().int(),
  renewalKind: renewalKind.nullable(),
  renewedFromId: z.number().int().nullable(),
});
export type LoanRow = z.infer<typeof loanRow>;

export const loanEvent = z.object({
  id: z.number().int(),
  kind: z.enum(['repayment', 'subsidy']),
  on: z.string(),
  amountFen: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

/** The interest subsidy due for a period: from the last subsidy (or the issue date) to `to`. */
export const subsidyQuote = z.object({
  from: z.string(),
  to: z.string(),
  days: z.number().int(),
  interestFen: z.number().int(),
  subsidyFen: z.number().int(),
  share: z.number(),
  dayCountBasis: z.number().int(),
});

export const loanDetail = loanRow.extend({ events: z.array(loanEvent), subsidyFrom: z.string() });

export const LOAN_SORTS = ['issuedOn', 'dueOn', 'orgCode', 'amountFen', 'outstandingFen'] as const;
export const loanListQuery = z.object({
  orgCode: orgCode.optional(),
  /** overdue: active and past its due date. */
  status: z.enum(['active', 'repaid', 'renewed', 'overdue']).optional(),
  purpose: loanPurpose.optional(),
  bank: z.string().trim().max(60).optional(),
  q: z.string().trim().max(50).optional(),
  ...pagingFields(LOAN_SORTS),
});
export const loanExportQuery = loanListQuery.omit({ page: true, pageSize: true, sort: true, order: true });
export const loanPage = z.object({ items: z.array(loanRow), ...pageMeta });

export const repaymentInput = z.object({
  on: isoDate,
  amountFen: fen,
  note: z.string().trim().max(200).optional(),
});

export const subsidyQuery = z.object({ to: isoDate });
export const subsidyInput = z.object({
  /** The subsidy covers interest up to (not including) this day. */
  to: isoDate,
  note: z.string().trim().max(200).optional(),
});

export const renewalInput = z.object({
  kind: renewalKind,
  termMonths: months,
  rateBp: rateBp.optional(),
  /** 续贷 only: the new amount and its issue date (展期 keeps the owed principal from the old due date). */
  amountFen: fen.optional(),
  issuedOn: isoDate.optional(),
  bank: z.string().trim().min(1).max(60).optional(),
  purpose: loanPurpose.optional(),
});

export const householdLoans = z.object({
  loans: z.array(loanDetail),
  eligible: z.boolean(),
  members: z.array(z.object({ personId: z.number().int(), name: z.string() })),
});

export const loanImportQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true') });
export const loanImportReport = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});

/** The import layout: a bank's 脱贫人口小额信贷放款明细 (header row within the first rows, one loan per row). */
export const LOAN_IMPORT_HEADERS = [
  '借款人姓名',
  '身份证号',
  '贷款银行',
  '贷款金额(元)',
  '贷款期限(月)',
  '年利率(%)',
  '放款日期',
  '贷款用途',
] as const;

export const loanIdParams = z.object({ id: z.coerce.number().int().positive() });
export const householdIdParams = z.object({ householdId: z.coerce.number().int().positive() });
