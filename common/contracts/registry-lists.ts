import { z } from 'zod';
import { pageMeta, pagingFields } from './paging.ts';
import { QUALITY_RULES } from '../domain/registry/quality-checks.ts';
import { changeRow, qualityReportRow } from './registry.ts';

// The registry's admin lists on the paged convention (issue 16 point 5): 待审核 (village edits waiting
// for township review) and the data-quality report (per-village rows, the households behind a rule).

const orgCode = z
  .string()
  .regex(/^\d{12}$/, { message: '区划代码须为 12 位数字 / must be a 12-digit code' })
  .optional();

export const REVIEW_SORTS = ['id', 'at', 'householdNo', 'village', 'actor', 'action'] as const;
/** The filters of the reviews list: its page, its total and its export read the same rows. */
export const reviewFilterQuery = z.object({
  /** A township or village in scope. */
  orgCode,
  /** pending (the default: what waits for a decision), confirmed or rejected. */
  status: z.enum(['pending', 'confirmed', 'rejected']).default('pending'),
  action: z.string().trim().max(40).optional(),
});
export const reviewListQuery = reviewFilterQuery.extend(pagingFields(REVIEW_SORTS));
export const reviewExportQuery = reviewFilterQuery.extend({
  sort: reviewListQuery.shape.sort,
  order: reviewListQuery.shape.order,
});
export const pendingRow = changeRow.extend({
  householdNo: z.string(),
  householdId: z.number().int(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  actorId: z.number().int().nullable(),
});
export const reviewPage = z.object({ items: z.array(pendingRow), ...pageMeta });

export const QUALITY_SORTS = [
  'orgCode',
  'orgName',
  'households',
  'householdsWithFindings',
  'errors',
  'warnings',
] as const;
export const qualityFilterQuery = z.object({
  /** A township or village in scope (the report covers its villages). */
  orgCode,
  /** Only villages with at least one finding. */
  withFindings: z.enum(['true', 'false']).optional(),
});
export const qualityListQuery = qualityFilterQuery.extend(pagingFields(QUALITY_SORTS));
export const qualityExportQuery = qualityFilterQuery.extend({
  sort: qualityListQuery.shape.sort,
  order: qualityListQuery.shape.order,
});

export const QUALITY_HOUSEHOLD_SORTS = ['householdNo', 'village', 'findings'] as const;
export const qualityHouseholdFilterQuery = z.object({
  orgCode,
  /** The rule whose households are listed (a code of common/domain/registry/quality-checks.ts). */
  rule: z
    .string()
    .trim()
    .refine((code) => QUALITY_RULES.some((r) => r.code === code), {
      message: '没有这条数据质量规则 / no such data-quality rule',
    }),
});
export const qualityHouseholdQuery = qualityHouseholdFilterQuery.extend(pagingFields(QUALITY_HOUSEHOLD_SORTS));
export const qualityHouseholdExportQuery = qualityHouseholdFilterQuery.extend({
  sort: qualityHouseholdQuery.shape.sort,
  order: qualityHouseholdQuery.shape.order,
});
export const qualityHouseholdRow = z.object({
  householdId: z.number().int(),
  householdNo: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  /** The rule's findings on this household, as words. */
  messagesZh: z.array(z.string()),
  messagesEn: z.array(z.string()),
  findings: z.number().int(),
});
export const qualityHouseholdPage = z.object({ items: z.array(qualityHouseholdRow), ...pageMeta });

/** With `page` (or a filter or sort): one page of the per-village rows and the total. */
export const qualityPage = z.object({ items: z.array(qualityReportRow), ...pageMeta });
