import { z } from 'zod';
import { MEASURE_CATEGORY_CODES, MEASURE_STATUSES } from '../domain/assistance/categories.ts';
import { OBLIGATION_CODES } from '../domain/assistance/obligations.ts';
import { RISK_TYPES } from '../domain/registry/codes.ts';
import { pageMeta, pagingFields } from './paging.ts';

// Assistance (帮扶) API: pairings (结对帮扶), measures (帮扶措施), obligations, recommendations,
// the cadre workspace and the relief funds (应急救助基金 / 临时救助). Money in integer fen.

const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' });
const text = (min: number, max: number, zh: string) =>
  z
    .string()
    .trim()
    .min(min, { message: `${zh} / too short` })
    .max(max);
const riskType = z.enum(RISK_TYPES.map((r) => r.code) as [string, ...string[]]);
const fen = z
  .number()
  .int({ message: '金额以分计，须为整数 / whole fen' })
  .nonnegative({ message: '金额不能为负 / must not be negative' });
const positiveFen = z
  .number()
  .int({ message: '金额以分计，须为整数 / whole fen' })
  .positive({ message: '金额须大于0 / must be more than 0' });
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const householdParams = z.object({ householdId: z.coerce.number().int().positive() });

// ---- pairing ----
export const pairingRequest = z.object({
  householdId: z.number().int().positive(),
  cadreUserId: z.number().int().positive(),
  unit: text(2, 100, '请填写工作单位'),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, { message: '请填写11位手机号 / an 11-digit mobile number' })
    .nullable()
    .default(null),
  startOn: isoDate,
  /** Required when the household already has a cadre: the old pairing ends the day before. */
  reason: z.string().trim().max(200).nullable().default(null),
});
export const endPairingRequest = z.object({ endOn: isoDate, reason: text(2, 200, '请填写结束原因') });
export const pairingRow = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  cadreUserId: z.number().int(),
  cadreName: z.string(),
  unit: z.string(),
  phoneMasked: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  endReason: z.string().nullable(),
});
const orgCode12 = z
  .string()
  .regex(/^\d{12}$/, { message: '机构代码为12位数字 / a 12-digit org code' })
  .optional();
/** Sort keys of the pairing list (the paged convention, common/contracts/paging.ts). */
export const PAIRING_SORTS = ['startOn', 'householdNo', 'cadreName', 'village'] as const;
/** The filters of the pairing list; its export takes the same ones. */
const pairingFilters = {
  householdId: z.coerce.number().int().positive().optional(),
  cadreUserId: z.coerce.number().int().positive().optional(),
  activeOnly: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  orgCode: orgCode12,
  /** Words in the cadre's name, the unit, the household number, the head's name or the village name. */
  q: z.string().trim().max(50).optional(),
};
export const pairingListQuery = z.object({ ...pairingFilters, ...pagingFields(PAIRING_SORTS) });
export const pairingExportQuery = z.object(pairingFilters);
export const UNPAIRED_SORTS = ['householdNo', 'village', 'identified'] as const;
export const unpairedQuery = z.object({ orgCode: orgCode12, ...pagingFields(UNPAIRED_SORTS) });
/** A monitored household without an active pairing (the workbench's 未结对的监测户 card lists these). */
export const unpairedRow = z.object({
  householdId: z.number().int(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  townshipName: z.string().nullable(),
  identificationPeriod: z.string().nullable(),
});
export const unpairedResponse = z.object({ items: z.array(unpairedRow), ...pageMeta });
export const cadreOption = z.object({
  id: z.number().int(),
  displayName: z.string(),
  orgCode: z.string(),
  orgName: z.string().nullable(),
});

// ---- measures ----
export const measureCategory = z.enum(MEASURE_CATEGORY_CODES, { message: '请选择措施类别 / choose a category' });
export const measureStatus = z.enum(
  MEASURE_STATUSES.map((s) => s.code) as ['planned', 'ongoing', 'completed', 'stopped'],
);
export const evidenceItem = z.object({
  name: z.string().max(200),
  note: z.string().max(500).optional(),
  attachmentId: z.number().int().optional(),
});
export const measureInput = z.object({
  householdId: z.number().int().positive(),
  riskType,
  category: measureCategory,
  subType: z.string().trim().max(60).nullable().default(null),
  department: text(2, 100, '请填写责任部门'),
  startOn: isoDate,
  endOn: isoDate.nullable().default(null),
  amountFen: fen.default(0),
  status: measureStatus.default('ongoing'),
  evidence: z.array(evidenceItem).max(20).default([]),
  /** Uploads (POST /api/attachments, ownerKind assistanceMeasure) linked to the measure on save. */
  attachmentIds: z.array(z.number().int().positive()).max(20).default([]),
  note: z.string().trim().max(1000).nullable().default(null),
});
export const measureUpdate = measureInput.omit({ householdId: true }).extend({ version: z.number().int().positive() });
export const measureRow = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  riskType: z.string(),
  category: z.string(),
  subType: z.string().nullable(),
  subTypeLabel: z.string().nullable(),
  department: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  amountFen: z.number().int(),
  status: measureStatus,
  evidence: z.array(evidenceItem),
  attachments: z.array(z.object({ id: z.number().int(), fileName: z.string() })),
  note: z.string().nullable(),
  version: z.number().int(),
});
/** Sort keys of the measure list (id order when none is named). */
export const MEASURE_SORTS = ['id', 'category', 'startOn', 'endOn', 'amountFen', 'status'] as const;
export type MeasureSort = (typeof MEASURE_SORTS)[number];
/** With `page`: one numbered page, sorted by the whitelist; without: the `limit` measures after `afterId`. */
export const measureListQuery = z.object({
  orgCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  category: measureCategory.optional(),
  status: measureStatus.optional(),
  afterId: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  ...pagingFields(MEASURE_SORTS),
});
/** The export of the measure list takes the list's own filters. */
export const measureExportQuery = measureListQuery.pick({ orgCode: true, category: true, status: true });
export const measurePage = z.object({
  items: z.array(measureRow),
  /** The cursor of the next measures when paging by `afterId` (null on a numbered page or at the end). */
  nextAfterId: z.number().int().nullable(),
  ...pageMeta,
});
export const subtypeRow = z.object({
  id: z.number().int(),
  category: z.string(),
  code: z.string(),
  labelZh: z.string(),
  continuesAfterElimination: z.string().nullable(),
  active: z.boolean(),
});
export const subtypeRequest = z.object({
  category: measureCategory,
  code: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9]{1,59}$/, { message: '代码为英文字母数字 / letters and digits' }),
  labelZh: text(1, 60, '请填写名称'),
  continuesAfterElimination: z.enum(['contractEnd', 'agreementEnd', 'stageEnd']).nullable().default(null),
  active: z.boolean().default(true),
});

// ---- obligations, recommendations, household tab ----
export const obligationCode = z.enum(OBLIGATION_CODES);
export const obligationRow = z.object({
  householdId: z.number().int(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  townshipCode: z.string(),
  code: obligationCode,
  dueOn: z.string(),
  overdueDays: z.number().int(),
  riskType: z.string().nullable(),
  measureId: z.number().int().nullable(),
});
/** Sort keys of the obligation list (the board's rows). */
export const OBLIGATION_SORTS = ['dueOn', 'householdNo', 'village', 'code'] as const;
/** The filters of the obligation list; its export takes the same ones. */
export const obligationExportQuery = z.object({
  orgCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  code: obligationCode.optional(),
  asOf: isoDate.optional(),
});
export const obligationQuery = obligationExportQuery.extend({
  /** Rows without a numbered page (older clients): the first `limit`; `total` says how many match. */
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  ...pagingFields(OBLIGATION_SORTS),
});
export const obligationBoard = z.object({
  asOf: z.string(),
  townships: z.array(
    z.object({
      townshipCode: z.string(),
      townshipName: z.string().nullable(),
      counts: z.record(z.string(), z.number().int()),
      total: z.number().int(),
    }),
  ),
  items: z.array(obligationRow),
  ...pageMeta,
  /** More rows match than this page holds. */
  truncated: z.boolean(),
});
export const pairingPage = z.object({ items: z.array(pairingRow), ...pageMeta });
export const recommendationRow = z.object({
  category: z.string(),
  riskType: z.string().nullable(),
  priority: z.number().int(),
  reasonZh: z.string(),
  reasonEn: z.string(),
  alreadyInPlace: z.boolean(),
});
export const householdAssistance = z.object({
  household: z.object({
    id: z.number().int(),
    householdNo: z.string(),
    headName: z.string().nullable(),
    villageCode: z.string(),
    villageName: z.string().nullable(),
    monitoringStatus: z.string(),
    monitoringType: z.string().nullable(),
    identificationPeriod: z.string().nullable(),
    eliminationPeriod: z.string().nullable(),
    riskTypes: z.array(z.string()),
    labourCapableMembers: z.number().int(),
    wholeHouseholdNoLabour: z.boolean(),
  }),
  pairings: z.array(pairingRow),
  measures: z.array(measureRow),
  obligations: z.array(
    z.object({
      code: obligationCode,
      dueOn: z.string(),
      riskType: z.string().nullable(),
      measureId: z.number().int().nullable(),
    }),
  ),
  recommendations: z.array(recommendationRow),
  visits: z.array(
    z.object({
      id: z.number().int(),
      visitedOn: z.string(),
      visitorName: z.string(),
      findings: z.string(),
      riskFound: z.boolean(),
      riskTypes: z.array(z.string()),
    }),
  ),
});

// ---- cadre workspace ----
export const workspaceHousehold = z.object({
  householdId: z.number().int(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  villageName: z.string().nullable(),
  monitoringStatus: z.string(),
  /** alleviated (脱贫户) or ordinary. */
  kind: z.string(),
  riskTypes: z.array(z.string()),
  openClues: z.number().int(),
  lastVisitOn: z.string().nullable(),
  visitDueOn: z.string(),
  visitDue: z.boolean(),
  obligations: z.array(obligationCode),
  pairedSince: z.string(),
});
export const workspace = z.object({
  cadreName: z.string(),
  asOf: z.string(),
  visitIntervalDays: z.number().int(),
  households: z.array(workspaceHousehold),
  recentVisits: z.array(
    z.object({
      id: z.number().int(),
      householdId: z.number().int(),
      householdNo: z.string(),
      visitedOn: z.string(),
      findings: z.string(),
      riskFound: z.boolean(),
    }),
  ),
});

// ---- relief funds ----
export const RELIEF_KINDS = ['emergency', 'temporary'] as const;
export const fundRow = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string().nullable(),
  name: z.string(),
  kind: z.enum(['emergency', 'temporaryReserve']),
  balanceFen: z.number().int(),
});
export const createFundRequest = z.object({
  orgCode: z.string().regex(/^\d{12}$/),
  name: text(2, 60, '请填写基金名称'),
  kind: z.enum(['emergency', 'temporaryReserve']),
});
export const fundIncomeRequest = z.object({
  amountFen: positiveFen,
  source: text(2, 100, '请填写资金来源'),
  occurredOn: isoDate,
  note: z.string().trim().max(500).nullable().default(null),
});
export const reliefApplicationRequest = z.object({
  fundId: z.number().int().positive(),
  householdId: z.number().int().positive(),
  reliefKind: z.enum(RELIEF_KINDS),
  eventType: riskType,
  reason: text(5, 1000, '请说明突发困难情况（至少5个字）'),
  requestedFen: positiveFen,
  appliedOn: isoDate,
});
export const reliefDecisionRequest = z.object({
  decision: z.enum(['approve', 'reject']),
  approvedFen: positiveFen.optional(),
  note: z.string().trim().max(500).nullable().default(null),
});
export const disburseRequest = z.object({ occurredOn: isoDate });
export const reliefApplicationRow = z.object({
  id: z.number().int(),
  fundId: z.number().int(),
  fundName: z.string(),
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  reliefKind: z.enum(RELIEF_KINDS),
  eventType: z.string(),
  reason: z.string(),
  requestedFen: z.number().int(),
  approvedFen: z.number().int().nullable(),
  status: z.enum(['submitted', 'approved', 'rejected', 'disbursed']),
  appliedOn: z.string(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdBy: z.string(),
});
export const fundEntryRow = z.object({
  id: z.number().int(),
  fundId: z.number().int(),
  kind: z.enum(['income', 'disbursement']),
  amountFen: z.number().int(),
  balanceAfterFen: z.number().int(),
  applicationId: z.number().int().nullable(),
  source: z.string().nullable(),
  occurredOn: z.string(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const fundDetail = fundRow.extend({
  entries: z.array(fundEntryRow),
  applications: z.array(reliefApplicationRow),
});

export type PairingRow = z.infer<typeof pairingRow>;
export type MeasureRow = z.infer<typeof measureRow>;
export type ObligationRow = z.infer<typeof obligationRow>;
export type HouseholdAssistance = z.infer<typeof householdAssistance>;
export type Workspace = z.infer<typeof workspace>;
export type FundRow = z.infer<typeof fundRow>;
export type FundDetail = z.infer<typeof fundDetail>;
export type ReliefApplicationRow = z.infer<typeof reliefApplicationRow>;
