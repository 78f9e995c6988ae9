import { z } from 'zod';
import { MONITORING_TYPES, RISK_TYPES } from '../domain/registry/codes.ts';
import { consent } from './clues.ts';
import { pageMeta, pagingFields } from './paging.ts';

// 识别认定 / 风险消除 cases. The stage records are validated per stage (STAGE_FIELDS) by the server,
// so a form error names the field. Dates are ISO; every change carries the case version it was made on.

const riskType = z.enum(RISK_TYPES.map((r) => r.code) as [string, ...string[]]);
const monitoringType = z.enum(MONITORING_TYPES.map((r) => r.code) as [string, ...string[]]);
const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' });
const text = (min: number, max: number, zh: string) =>
  z
    .string()
    .trim()
    .min(min, { message: `${zh} / too short` })
    .max(max);

export const CASE_KINDS = ['identification', 'elimination'] as const;
export const CASE_STAGES = [
  'verification',
  'comparison',
  'villageReview',
  'publicNotice',
  'townshipReview',
  'countyApproval',
  'announcement',
  'done',
  'closed',
] as const;
export const CASE_ACTIONS = ['complete', 'reject', 'close', 'startNotice'] as const;
export const ELIMINATION_MODE_CODES = ['assistedElimination', 'naturalElimination'] as const;

export const startIdentificationRequest = z.object({ clueId: z.number().int().positive() });
export const startEliminationRequest = z.object({
  householdId: z.number().int().positive(),
  mode: z.enum(ELIMINATION_MODE_CODES),
  /** 自然消除: why the risk disappeared by itself. */
  naturalReason: z.string().trim().max(1000).optional(),
});

/** What each stage's "complete" (or startNotice) records. */
export const STAGE_FIELDS = {
  verification: z.object({
    /** 承诺授权: required unless the clue already carries it. */
    consent: consent.optional(),
    findings: text(2, 2000, '请填写入户核实情况'),
    /** Identification: the risks found (1–5). */
    riskTypes: z
      .array(riskType)
      .min(1, { message: '请至少选择一种风险 / choose at least one risk' })
      .max(5, { message: '最多5种风险 / at most 5 risks' })
      .optional(),
    /** Elimination: large rigid spending (medical, schooling) settled. */
    rigidSpendingResolved: z.boolean().optional(),
  }),
  comparison: z.object({
    monitoringType,
    /** Required when the comparison shows an exclusion flag (public payroll, company, vehicle). */
    exclusionReason: z.string().trim().max(1000).optional(),
  }),
  villageReview: z.object({
    meetingOn: isoDate,
    attendance: z.number().int().min(1, { message: '参会人数至少1人 / at least one attendee' }).max(2000),
    agreed: z.literal(true, {
      message: '评议未通过的请“退回”或“终止” / a review that did not agree: return or close the case',
    }),
    result: text(2, 1000, '请填写评议结果'),
  }),
  publicNoticeStart: z.object({ startedOn: isoDate }),
  publicNotice: z.object({
    objections: z
      .array(
        z.object({
          receivedOn: isoDate,
          content: text(2, 1000, '请填写异议内容'),
          handling: text(2, 1000, '请填写处理结果'),
        }),
      )
      .max(50)
      .default([]),
  }),
  townshipReview: z.object({ opinion: text(2, 1000, '请填写审核意见') }),
  countyApproval: z.object({
    opinion: text(2, 1000, '请填写审定意见'),
    monitoringType: monitoringType.optional(),
    riskTypes: z.array(riskType).min(1).max(5).optional(),
  }),
  announcement: z.object({ announcedOn: isoDate }),
} as const;

export const caseActionRequest = z.object({
  action: z.enum(CASE_ACTIONS),
  version: z.number().int().positive(),
  /** Reason of a return or a closing (required for those); on complete, the optional opinion (意见) kept on the step. */
  reason: z.string().trim().max(1000).optional(),
  /** The stage record (see STAGE_FIELDS). */
  fields: z.record(z.string(), z.unknown()).default({}),
  /** Uploaded attachments (owner kind caseStep) to link to this step. */
  attachmentIds: z.array(z.number().int().positive()).max(20).default([]),
});
export type CaseActionRequest = z.infer<typeof caseActionRequest>;

export const caseIdParams = z.object({ id: z.coerce.number().int().positive() });

/** Sort keys of the case list (the server's whitelist; the page's sortable columns). */
export const CASE_SORTS = ['id', 'householdNo', 'village', 'stage', 'startedOn', 'dueOn'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** The filters of the case list; its page, total and export (/api/cases/export.xlsx) read the same rows. */
export const caseFilterQuery = z.object({
  kind: z.enum(CASE_KINDS).optional(),
  status: z.enum(['active', 'done', 'closed']).default('active'),
  stage: z.enum(CASE_STAGES).optional(),
  due: z.enum(['onTime', 'nearDue', 'overdue']).optional(),
  orgCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});

export const caseListQuery = caseFilterQuery.extend({
  afterId: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  ...pagingFields(CASE_SORTS),
});

export const timeLimitView = z.object({
  elapsed: z.number().int(),
  remaining: z.number().int(),
  dueOn: z.string(),
  status: z.enum(['onTime', 'nearDue', 'overdue']),
  limitDays: z.number().int(),
});

export const caseRow = z.object({
  id: z.number().int(),
  kind: z.enum(CASE_KINDS),
  stage: z.enum(CASE_STAGES),
  status: z.enum(['active', 'done', 'closed']),
  householdId: z.number().int(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
  townshipName: z.string(),
  riskTypes: z.array(z.string()),
  monitoringType: z.string().nullable(),
  eliminationMode: z.string().nullable(),
  startedOn: z.string(),
  noticeStartedOn: z.string().nullable(),
  noticeEndsOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  finishedOn: z.string().nullable(),
  /** Identification only: the time limit from the clue. */
  timeLimit: timeLimitView.nullable(),
  version: z.number().int(),
});
export type CaseRow = z.infer<typeof caseRow>;

/** The case list: one page (`page`) or the rows after the id cursor, with the total the filters match. */
export const caseListAnswer = z.object({
  items: z.array(caseRow),
  nextAfterId: z.number().int().nullable(),
  stageLabels: z.record(z.string(), z.string()),
  ...pageMeta,
});

export const attachmentBrief = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
});

export const caseStepView = z.object({
  id: z.number().int(),
  action: z.enum(['start', ...CASE_ACTIONS]),
  fromStage: z.string().nullable(),
  toStage: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
  attachments: z.array(attachmentBrief),
});

export const criterionView = z.object({
  code: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  ok: z.boolean().nullable(),
  detailZh: z.string(),
});

export const caseDetail = caseRow.extend({
  clue: z
    .object({
      id: z.number().int(),
      channel: z.string(),
      summary: z.string(),
      openedAt: z.string(),
      consentSigned: z.boolean(),
    })
    .nullable(),
  naturalReason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  steps: z.array(caseStepView),
  /** What the current user may do now (empty when it is not their stage). */
  allowedActions: z.array(z.enum(CASE_ACTIONS)),
  /** Who acts at the current stage. */
  actorLevel: z.enum(['county', 'township', 'village']).nullable(),
  noticeDays: z.number().int(),
  /**
   * When 'complete' is offered but the rule refuses it now (the notice has not hung its days): why, and the
   * day it opens (公示期满, from the server's own rule; null while the notice has not started).
   */
  completeBlocked: z
    .object({ opensOn: z.string().nullable(), messageZh: z.string(), messageEn: z.string() })
    .nullable(),
  /** Elimination: each criterion and whether it holds now. */
  criteria: z.array(criterionView).nullable(),
  household: z.object({
    /** 户类型: decides which monitoring types it may be identified as (§1.2). */
    kind: z.string(),
    monitoringStatus: z.string(),
    monitoringType: z.string().nullable(),
    riskTypes: z.array(z.string()),
    identificationPeriod: z.string().nullable(),
    eliminationPeriod: z.string().nullable(),
    wholeHouseholdNoLabour: z.boolean(),
  }),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const dueListQuery = z.object({
  orgCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});
export const dueGroup = z.object({
  townshipCode: z.string(),
  townshipName: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  overdue: z.number().int(),
  nearDue: z.number().int(),
  cases: z.array(
    z.object({
      id: z.number().int(),
      householdNo: z.string(),
      headName: z.string().nullable(),
      stage: z.string(),
      elapsed: z.number().int(),
      remaining: z.number().int(),
      status: z.string(),
    }),
  ),
});

export const zeroingQuery = z.object({
  orgCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});
export const zeroingRow = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  openClues: z.number().int(),
  openCluesWithoutCase: z.number().int(),
  clueAge: z.object({ d0to7: z.number().int(), d8to15: z.number().int(), over15: z.number().int() }),
  byStage: z.record(z.string(), z.number().int()),
  monitoredAtRisk: z.number().int(),
  /** Monitored households by months since identification. */
  monitoredAge: z.object({ m0to5: z.number().int(), m6to11: z.number().int(), m12plus: z.number().int() }),
  identifiedThisMonth: z.number().int(),
  eliminatedThisMonth: z.number().int(),
  overdue: z.number().int(),
});
export const zeroingResponse = z.object({
  period: z.string(),
  asOf: z.string(),
  limitDays: z.number().int(),
  total: zeroingRow,
  rows: z.array(zeroingRow),
});
export type ZeroingResponse = z.infer<typeof zeroingResponse>;
