import { z } from 'zod';
import { FUND_SOURCES } from '../domain/projects/types.ts';

const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' });
const positiveFen = z
  .number()
  .int()
  .positive({ message: '金额须大于 0 / amount must be above zero' })
  .max(100_000_000_000_00);

export const allocationInput = z.object({
  year: z.number().int().min(2013).max(2100),
  source: z.enum(FUND_SOURCES),
  docNo: z.string().trim().min(2, { message: '请填写文号 / document number required' }).max(100),
  receivedOn: isoDate,
  amountFen: positiveFen,
  note: z.string().trim().max(500).nullish(),
});

export const assignmentInput = z.object({
  allocationId: z.number().int().positive(),
  projectId: z.number().int().positive(),
  amountFen: positiveFen,
});

export const disbursementInput = z.object({
  assignmentId: z.number().int().positive(),
  amountFen: positiveFen,
  paidOn: isoDate,
  voucherNo: z.string().trim().min(1, { message: '请填写凭证号 / voucher number required' }).max(60),
  payee: z.string().trim().max(100).nullish(),
  labour: z.boolean().default(false),
  note: z.string().trim().max(500).nullish(),
});

export const allocationRow = z.object({
  id: z.number().int(),
  year: z.number().int(),
  source: z.enum(FUND_SOURCES),
  docNo: z.string(),
  receivedOn: z.string(),
  amountFen: z.number().int(),
  assignedFen: z.number().int(),
  balanceFen: z.number().int(),
  note: z.string().nullable(),
});

export const assignmentRow = z.object({
  id: z.number().int(),
  allocationId: z.number().int(),
  source: z.enum(FUND_SOURCES),
  docNo: z.string(),
  year: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  projectType: z.string(),
  orgName: z.string(),
  amountFen: z.number().int(),
  disbursedFen: z.number().int(),
  balanceFen: z.number().int(),
});

export const disbursementRow = z.object({
  id: z.number().int(),
  assignmentId: z.number().int(),
  projectName: z.string(),
  amountFen: z.number().int(),
  paidOn: z.string(),
  voucherNo: z.string(),
  payee: z.string().nullable(),
  labour: z.boolean(),
});

export const fundYearQuery = z.object({ year: z.coerce.number().int().min(2013).max(2100) });

export const fundCheck = z.object({
  key: z.enum(['industryShare', 'workForReliefLabour', 'managementFee']),
  labelZh: z.string(),
  labelEn: z.string(),
  status: z.enum(['met', 'atRisk', 'notMet', 'noData']),
  partFen: z.number().int(),
  wholeFen: z.number().int(),
  share: z.number().nullable(),
  threshold: z.number(),
  kind: z.enum(['min', 'max']),
  detailZh: z.string(),
});

export const fundChecksResponse = z.object({
  year: z.number().int(),
  countyCode: z.string(),
  allocatedFen: z.number().int(),
  assignedFen: z.number().int(),
  disbursedFen: z.number().int(),
  checks: z.array(fundCheck),
});
export type FundChecksResponse = z.infer<typeof fundChecksResponse>;
export type AllocationRow = z.infer<typeof allocationRow>;
export type AssignmentRow = z.infer<typeof assignmentRow>;
export type DisbursementRow = z.infer<typeof disbursementRow>;
