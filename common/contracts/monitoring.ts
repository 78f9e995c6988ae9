import { z } from 'zod';
import { pageMeta, pagingFields } from './paging.ts';
import { WARNING_CATEGORY_CODES } from '../domain/monitoring/categories.ts';
import { MONITORING_TYPES, RISK_TYPES } from '../domain/registry/codes.ts';

// Monitoring API: monthly runs, their diffs against the previous month, warnings, explain.

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM / month must be YYYY-MM' });
const riskType = z.enum(RISK_TYPES.map((r) => r.code) as [string, ...string[]]);

export const startRunRequest = z.object({ period });
export const startRunResponse = z.object({ jobId: z.number().int(), runId: z.number().int().optional() });

export const runRow = z.object({
  id: z.number().int(),
  countyCode: z.string(),
  period: z.string(),
  kind: z.enum(['monthly', 'incremental']),
  status: z.enum(['running', 'succeeded', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  householdsEvaluated: z.number().int().nullable(),
  warningCount: z.number().int().nullable(),
  counts: z.record(z.string(), z.number().int()).nullable(),
  params: z.record(z.string(), z.unknown()).nullable(),
  jobId: z.number().int().nullable(),
  triggeredBy: z.string().nullable(),
  /** Why a failed run failed, as stored; null unless failed. */
  error: z.string().nullable(),
  /** Failed because the process running it stopped (killed, power cut); a later run superseded it. */
  abandoned: z.boolean(),
});
export type RunRowDto = z.infer<typeof runRow>;

export const RUN_SORTS = [
  'id',
  'period',
  'kind',
  'status',
  'startedAt',
  'durationMs',
  'householdsEvaluated',
  'warningCount',
] as const;
/** The filters of the runs list: its page, its total and its export read the same rows. */
export const runFilterQuery = z.object({
  period: period.optional(),
  kind: z.enum(['monthly', 'incremental']).optional(),
  status: z.enum(['running', 'succeeded', 'failed']).optional(),
});
export const runListQuery = runFilterQuery.extend({
  /** Older callers (no `page`): the `limit` runs before this id, newest first, as a bare array. */
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  ...pagingFields(RUN_SORTS),
});
export const runExportQuery = runFilterQuery.extend({
  sort: runListQuery.shape.sort,
  order: runListQuery.shape.order,
});
/** With `page`: one numbered page and the total (without: the bare array older callers read). */
export const runPage = z.object({ items: z.array(runRow), ...pageMeta });
export const runIdParams = z.object({ id: z.coerce.number().int().positive() });

export const ruleDiff = z.object({
  ruleCode: z.string(),
  new: z.number().int(),
  persisting: z.number().int(),
  resolved: z.number().int(),
});
export const runDiff = z.object({
  runId: z.number().int(),
  period: z.string(),
  previousPeriod: z.string(),
  /** The org-code prefix the diff covers (the actor's scope). */
  scope: z.string(),
  rules: z.array(ruleDiff),
  totals: z.object({ new: z.number().int(), persisting: z.number().int(), resolved: z.number().int() }),
});

export const WARNING_SORTS = [
  'id',
  'householdNo',
  'township',
  'village',
  'headName',
  'rule',
  'riskType',
  'status',
] as const;
export const warningListQuery = z.object({
  /** Absent: the latest month with a finished monthly run (the month the list opens on). */
  period: period.optional(),
  orgCode: z
    .string()
    .regex(/^\d{12}$/, { message: '区划代码须为 12 位数字 / must be a 12-digit code' })
    .optional(),
  ruleCode: z.enum(WARNING_CATEGORY_CODES).optional(),
  riskType: riskType.optional(),
  status: z.enum(['new', 'handled']).optional(),
  afterId: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  ...pagingFields(WARNING_SORTS),
});

export const warningRow = z.object({
  id: z.number().int(),
  period: z.string(),
  householdId: z.number().int(),
  householdNo: z.string(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  townshipName: z.string().nullable(),
  /** 户主姓名 */
  headName: z.string().nullable(),
  ruleCode: z.string(),
  category: z.string(),
  nameZh: z.string(),
  riskType: z.string().nullable(),
  status: z.enum(['new', 'handled']),
  runId: z.number().int(),
  evidence: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type WarningRowDto = z.infer<typeof warningRow>;
export const warningPage = z.object({
  items: z.array(warningRow),
  nextAfterId: z.number().int().nullable(),
  ...pageMeta,
  /** The month listed (the latest run month when none was asked; null when no month has run yet). */
  period: z.string().nullable(),
});

export const explainQuery = z.object({ period: period.optional() });
export const householdIdParams = z.object({ id: z.coerce.number().int().positive() });

export const suggestion = z.object({
  type: z.enum(MONITORING_TYPES.map((t) => t.code) as [string, ...string[]]).nullable(),
  withinRange: z.boolean().nullable(),
  burdens: z.array(z.string()),
  needsWrittenReason: z.boolean(),
  reasonZh: z.string(),
});

export const explainResponse = z.object({
  householdId: z.number().int(),
  householdNo: z.string(),
  period: z.string(),
  window: z.object({ from: z.string(), to: z.string() }),
  facts: z
    .object({
      kind: z.string(),
      monitoringStatus: z.string(),
      monitoringType: z.string().nullable(),
      incomeYear: z.number().int().nullable(),
      perCapitaFen: z.number().int().nullable(),
    })
    .nullable(),
  rules: z.array(
    z.object({
      ruleCode: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      category: z.string(),
      riskType: z.string().nullable(),
      appliesTo: z.enum(['all', 'notMonitored']),
      fired: z.boolean(),
      evidence: z.record(z.string(), z.unknown()).nullable(),
      /** The stored warning of the period for this rule, if any (the run's snapshot). */
      stored: z.object({ id: z.number().int(), status: z.enum(['new', 'handled']) }).nullable(),
      /** Against the previous period's stored warnings: new / persisting / resolved, or null. */
      state: z.enum(['new', 'persisting', 'resolved']).nullable(),
    }),
  ),
  suggestion,
  params: z.record(z.string(), z.unknown()),
});
export type ExplainResponse = z.infer<typeof explainResponse>;
