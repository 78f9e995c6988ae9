import { z } from 'zod';
import {
  AGGREGATION_TYPES,
  INDICATOR_MODES,
  PERIOD_TYPES,
  TARGET_OPERATORS,
  TARGET_PATHS,
  TARGET_STATUSES,
} from '../domain/indicators/model.ts';

const code = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, '代码须为大写字母、数字、下划线 / A-Z, 0-9, _');
const orgCode = z.string().regex(/^\d{12}(\d{3})?$/);
const anyPeriod = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '期间格式为 YYYY 或 YYYY-MM / YYYY or YYYY-MM');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM / YYYY-MM');
const level = z.enum(['county', 'township', 'village', 'group']);

export const dataElement = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  valueType: z.enum(['number', 'integer', 'boolean', 'percent']),
  aggregation: z.enum(AGGREGATION_TYPES),
  entryLevel: level,
  computed: z.string().nullable(),
  unitZh: z.string(),
});
export const dataSet = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  periodType: z.enum(PERIOD_TYPES),
  entryLevel: level,
  elements: z.array(z.string()),
  openDays: z.number().int().nullable(),
});
export const indicatorDef = z.object({
  code,
  nameZh: z.string().min(1).max(100),
  nameEn: z.string().max(200),
  mode: z.enum(INDICATOR_MODES),
  numerator: z.string().min(1).max(2000),
  denominator: z.string().max(2000).nullable(),
  factor: z.number().positive(),
  unitZh: z.string().max(10),
  decimals: z.number().int().min(0).max(4),
  periodType: z.enum(PERIOD_TYPES),
  unitLevel: level.nullable().optional(),
  threshold: z
    .object({ op: z.enum(TARGET_OPERATORS), value: z.number() })
    .nullable()
    .optional(),
  descriptionZh: z.string().max(1000).nullable().optional(),
});
export const definitionsResponse = z.object({
  elements: z.array(dataElement),
  dataSets: z.array(dataSet),
  indicators: z.array(indicatorDef),
});

export const targetScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), code: orgCode }),
  z.object({ kind: z.literal('level'), level }),
  z.object({ kind: z.literal('group'), group: z.string().min(1).max(64) }),
]);
export const targetInput = z.object({
  indicator: code,
  scope: targetScope,
  fromYear: z.number().int().min(2013).max(2100),
  toYear: z.number().int().min(2013).max(2100),
  op: z.enum(TARGET_OPERATORS),
  value: z.number().nullable(),
  upper: z.number().nullable().optional(),
  band: z.number().min(0),
  baselineYear: z.number().int().nullable().optional(),
  reference: z.string().max(2000).nullable().optional(),
  /** linear: an end state reached by toYear; earlier years are judged on the path from the baseline. */
  path: z.enum(TARGET_PATHS).default('constant'),
  pathFromYear: z.number().int().min(2013).max(2100).nullable().optional(),
  pathFromValue: z.number().nullable().optional(),
  sourceDoc: z.string().min(1).max(200),
  /** The document's sentence, verbatim. */
  sourceText: z.string().min(1).max(2000),
  /** Our reading, outside the quote. */
  note: z.string().max(1000).nullable().optional(),
});
export const targetRow = targetInput.extend({
  id: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  scopeLabel: z.string(),
});
export type TargetRow = z.infer<typeof targetRow>;

/** The org groups usable as target scopes, with their members in the reader's scope (a county decision's key villages…). */
export const orgGroupList = z.array(
  z.object({
    code: z.string(),
    zh: z.string(),
    en: z.string(),
    members: z.array(z.object({ code: z.string(), name: z.string() })),
  }),
);
export type OrgGroupList = z.infer<typeof orgGroupList>;

export const formQuery = z.object({ dataSet: code, org: orgCode, period: anyPeriod });
export const approvalStatus = z.enum(['open', 'submitted', 'approvedTownship', 'approvedCounty']);
export const violation = z.object({
  rule: z.string(),
  nameZh: z.string(),
  importance: z.enum(['high', 'medium', 'low']),
  left: z.number().nullable(),
  right: z.number().nullable(),
});
export const formResponse = z.object({
  dataSet,
  org: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  period: z.string(),
  status: approvalStatus,
  locked: z.boolean(),
  open: z.boolean(),
  closedReasonZh: z.string().nullable(),
  history: z.array(
    z.object({ action: z.string(), status: z.string(), by: z.string(), at: z.string(), note: z.string().optional() }),
  ),
  values: z.array(
    z.object({
      element: dataElement,
      value: z.number().nullable(),
      comment: z.string().nullable(),
      storedBy: z.string().nullable(),
      updatedAt: z.string().nullable(),
    }),
  ),
  violations: z.array(violation),
});
export type FormResponse = z.infer<typeof formResponse>;
export const saveFormRequest = z.object({
  dataSet: code,
  org: orgCode,
  period: anyPeriod,
  values: z
    .array(
      z.object({
        element: code,
        value: z.number().finite().nullable(),
        comment: z.string().max(500).nullable().optional(),
      }),
    )
    .max(500),
});
export const approvalAction = z.object({
  dataSet: code,
  org: orgCode,
  period: anyPeriod,
  note: z.string().max(500).optional(),
});
export const approvalsQuery = z.object({ dataSet: code, period: anyPeriod, org: orgCode.optional() });
export const approvalRow = z.object({
  orgCode: z.string(),
  orgName: z.string(),
  level: z.string(),
  status: approvalStatus,
  values: z.number().int(),
  updatedAt: z.string().nullable(),
});

export const importRequest = z.object({
  format: z.enum(['json', 'csv']),
  content: z.string().max(5_000_000),
  dryRun: z.boolean().default(true),
});
export const importSummary = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), messageZh: z.string(), messageEn: z.string() })),
});

export const cockpitQuery = z.object({
  org: orgCode.optional(),
  period: month.optional(),
  boundaries: z.enum(['asOfPeriod', 'current']).optional(),
});
export const indicatorCell = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  status: z.enum(TARGET_STATUSES),
  threshold: z.number().nullable(),
});
export const cockpitResponse = z.object({
  unit: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  period: z.string(),
  summary: z.object({
    met: z.number().int(),
    atRisk: z.number().int(),
    notMet: z.number().int(),
    noData: z.number().int(),
    noTarget: z.number().int(),
  }),
  indicators: z.array(
    indicatorCell.extend({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      unitZh: z.string(),
      decimals: z.number().int(),
      period: z.string(),
      target: z
        .object({
          id: z.number().int(),
          op: z.enum(TARGET_OPERATORS),
          value: z.number().nullable(),
          upper: z.number().nullable(),
          band: z.number(),
          toYear: z.number().int(),
          path: z.enum(TARGET_PATHS),
          sourceDoc: z.string(),
          sourceText: z.string(),
          note: z.string().nullable(),
          scopeLabel: z.string(),
          textZh: z.string(),
        })
        .nullable(),
      trend: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
    }),
  ),
  children: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: z.string(),
      /** The assessment scheme's total (the same number as the assessment page), null when nothing was scored. */
      score: z.number().nullable(),
      grade: z.string(),
      band: z.enum(['green', 'yellow', 'red', 'grey']),
      cells: z.record(z.string(), indicatorCell),
    }),
  ),
});
export type CockpitResponse = z.infer<typeof cockpitResponse>;

export const auditQuery = z.object({ element: code, org: orgCode, period: anyPeriod });
export const valueAuditRow = z.object({
  action: z.string(),
  oldValue: z.number().nullable(),
  newValue: z.number().nullable(),
  comment: z.string().nullable(),
  actor: z.string(),
  at: z.string(),
});

export const assessmentItem = z.object({
  key: z.string().min(1).max(40),
  kind: z.enum(['indicator', 'workflow']),
  ref: z.string().min(1).max(64),
  weight: z.number().min(0).max(100),
  labelZh: z.string().min(1).max(100),
});
export const assessmentScheme = z.object({ year: z.number().int(), items: z.array(assessmentItem).min(1).max(50) });
export const assessmentQuery = z.object({ year: z.coerce.number().int().min(2013).max(2100) });
export const assessmentResponse = z.object({
  year: z.number().int(),
  items: z.array(assessmentItem),
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      rank: z.number().int(),
      total: z.number(),
      grade: z.string(),
      points: z.record(z.string(), z.number().nullable()),
      figures: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    }),
  ),
  notesZh: z.array(z.string()),
});
export type AssessmentResponse = z.infer<typeof assessmentResponse>;
