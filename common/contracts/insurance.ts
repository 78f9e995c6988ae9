import { z } from 'zod';
import { CLAIM_CAUSE_CODES, CLAIM_STATUS_CODES } from '../domain/insurance/codes.ts';
import { pageMeta, pagingFields } from './paging.ts';

// 防贫保险 "1+N" (issue 14 item 4; 沁发〔2021〕17号 §二(三)5 一是): insured households by year, the coverage check,
// claims reported → paid / refused; a paid claim is 理赔收入 of the year paid (docs/insurance.md).

const orgCode = z.string().regex(/^\d{12}$/, { message: '机构代码为12位数字 / org code is 12 digits' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式 YYYY-MM-DD / date YYYY-MM-DD' });
const year = z.coerce
  .number()
  .int()
  .min(2016, { message: '年度须在2016年之后 / year from 2016' })
  .max(2100, { message: '年度过大 / year too large' });

export const claimCause = z.enum(CLAIM_CAUSE_CODES);
export const claimStatus = z.enum(CLAIM_STATUS_CODES);

export const policyInput = z.object({
  householdId: z.number().int().positive(),
  year,
  insurer: z.string().trim().min(1, { message: '请填写承保机构 / insurer required' }).max(100),
  premiumFen: z.number().int().nonnegative().default(0),
});

export const policyRow = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  headName: z.string().nullable(),
  orgCode: z.string(),
  villageName: z.string().nullable(),
  year: z.number().int(),
  insurer: z.string(),
  premiumFen: z.number().int(),
  claims: z.number().int(),
  paidFen: z.number().int(),
});
export type PolicyRow = z.infer<typeof policyRow>;

export const POLICY_SORTS = ['year', 'orgCode', 'paidFen'] as const;
export const policyListQuery = z.object({
  year: year.optional(),
  orgCode: orgCode.optional(),
  q: z.string().trim().max(50).optional(),
  ...pagingFields(POLICY_SORTS),
});
export const policyPage = z.object({ items: z.array(policyRow), ...pageMeta });

/** A household that must be insured in the year and is not (coverage check). */
export const uncoveredRow = z.object({
  householdId: z.number().int(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  orgCode: z.string(),
  villageName: z.string().nullable(),
  townshipName: z.string().nullable(),
  reason: z.enum(['monitored', 'alleviated']),
});
export const UNCOVERED_SORTS = ['orgCode', 'householdNo'] as const;
export const uncoveredQuery = z.object({
  year: year.optional(),
  orgCode: orgCode.optional(),
  ...pagingFields(UNCOVERED_SORTS),
});
export const uncoveredPage = z.object({ items: z.array(uncoveredRow), year: z.number().int(), ...pageMeta });

export const claimInput = z.object({
  householdId: z.number().int().positive(),
  cause: claimCause,
  claimedOn: isoDate,
  amountFen: z.number().int().positive({ message: '理赔金额须大于0 / amount above zero' }),
  note: z.string().trim().max(200).optional(),
});

export const decisionInput = z.discriminatedUnion('to', [
  z.object({
    to: z.literal('paid'),
    paidOn: isoDate,
    amountFen: z.number().int(),
    /** Whether the year's hand-typed 理赔收入 already holds this payment (asked when some was typed by hand). */
    alreadyInIncome: z.boolean().optional(),
  }),
  z.object({ to: z.literal('refused'), note: z.string().trim().max(200) }),
]);

export const claimRow = z.object({
  id: z.number().int(),
  policyId: z.number().int(),
  policyYear: z.number().int(),
  insurer: z.string(),
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  headName: z.string().nullable(),
  orgCode: z.string(),
  villageName: z.string().nullable(),
  cause: claimCause,
  claimedOn: z.string(),
  amountFen: z.number().int(),
  status: claimStatus,
  paidOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type ClaimRow = z.infer<typeof claimRow>;

export const CLAIM_SORTS = ['claimedOn', 'orgCode', 'amountFen', 'paidOn'] as const;
export const claimListQuery = z.object({
  year: year.optional(),
  orgCode: orgCode.optional(),
  status: claimStatus.optional(),
  cause: claimCause.optional(),
  q: z.string().trim().max(50).optional(),
  ...pagingFields(CLAIM_SORTS),
});
export const claimExportQuery = claimListQuery.omit({ page: true, pageSize: true, sort: true, order: true });
export const claimPage = z.object({ items: z.array(claimRow), ...pageMeta });

/** A decision's answer: the claim, and for a payment whether it reached 理赔收入 (no income row of that year: no). */
export const decisionResult = z.object({
  claim: claimRow,
  income: z
    .object({
      applied: z.boolean(),
      year: z.number().int(),
      beforeFen: z.number().int().nullable(),
      afterFen: z.number().int().nullable(),
      /** added; noIncomeRecord (no income record of the year: nothing added); alreadyCounted (typed in by hand). */
      outcome: z.enum(['added', 'noIncomeRecord', 'alreadyCounted']),
    })
    .nullable(),
});

export const householdInsurance = z.object({
  policies: z.array(policyRow),
  claims: z.array(claimRow),
});

export const importQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true') });
export const importReport = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  paid: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});

/** The insurer's claim list (承保机构理赔清单): header row within the first five rows, one claim per row. */
export const CLAIM_IMPORT_HEADERS = [
  '身份证号',
  '姓名',
  '出险原因',
  '报案日期',
  '理赔金额(元)',
  '理赔状态',
  '赔付日期',
] as const;
/** Optional column: 是 when the household's hand-typed 理赔收入 already holds the payment, 否 when it does not. */
export const CLAIM_IMPORT_OPTIONAL = ['已计入收入'] as const;

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const householdIdParams = z.object({ householdId: z.coerce.number().int().positive() });
