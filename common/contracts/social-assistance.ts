import { z } from 'zod';
import { BENEFIT_KINDS } from '../domain/social-assistance/rules.ts';
import { orgCode } from './org.ts';
import { pageMeta, pagingFields } from './paging.ts';

// 兜底保障 linkage: what each member receives (registry flags, 民政 feed records, entries) and the monitored households
// without labour not covered by 低保/特困 (精准施策分类帮扶). Money in fen.

const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' });
export const benefitKind = z.enum(BENEFIT_KINDS, { message: '请选择保障项目 / choose the benefit' });

export const benefitInput = z
  .object({
    personId: z.number().int().positive(),
    kind: benefitKind,
    startOn: isoDate,
    endOn: isoDate.nullish(),
    amountFen: z
      .number()
      .int({ message: '金额以分计 / amount in fen' })
      .min(0, { message: '金额不能为负 / amount cannot be negative' })
      .max(100_000_000, { message: '金额过大 / amount too large' })
      .nullish(),
    department: z.string().trim().max(60).nullish(),
    note: z.string().trim().max(500).nullish(),
  })
  .refine((v) => !v.endOn || v.endOn >= v.startOn, {
    path: ['endOn'],
    message: '结束日期不能早于开始日期 / end before start',
  });
export const endBenefitInput = z.object({
  endOn: isoDate,
  reason: z.string().trim().min(2, { message: '请填写结束原因 / reason required' }).max(200),
  version: z.number().int().positive(),
});
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const householdParams = z.object({ householdId: z.coerce.number().int().positive() });

export const benefitRow = z.object({
  /** Entry id (source manual), null for registry flags and feed records. */
  id: z.number().int().nullable(),
  kind: benefitKind,
  source: z.enum(['registry', 'feed', 'manual']),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  department: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int().nullable(),
});
export const householdBenefits = z.object({
  householdId: z.number().int(),
  day: z.string(),
  monitored: z.boolean(),
  uncovered: z.boolean(),
  members: z.array(
    z.object({
      personId: z.number().int(),
      name: z.string(),
      labourSkill: z.string().nullable(),
      hasLabour: z.boolean(),
      covered: z.boolean(),
      benefits: z.array(benefitRow),
    }),
  ),
});
export type HouseholdBenefits = z.infer<typeof householdBenefits>;

export const UNCOVERED_SORTS = ['householdNo', 'village'] as const;
export const uncoveredFilters = { orgCode: orgCode.optional() };
export const uncoveredQuery = z.object({ ...uncoveredFilters, ...pagingFields(UNCOVERED_SORTS) });
export const uncoveredExportQuery = z.object(uncoveredFilters);
export const uncoveredRow = z.object({
  householdId: z.number().int(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  members: z.number().int(),
  monitoringType: z.string().nullable(),
  riskTypes: z.array(z.string()),
});
export type UncoveredRow = z.infer<typeof uncoveredRow>;
export const uncoveredPage = z.object({ items: z.array(uncoveredRow), ...pageMeta });
