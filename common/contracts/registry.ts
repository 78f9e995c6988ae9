import { z } from 'zod';
import {
  ALLEVIATED_ATTRIBUTES,
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  EDUCATION_LEVELS,
  ETHNICITIES,
  HEALTH_CONDITIONS,
  HOUSEHOLD_KINDS,
  HOUSING_GRADES,
  LABOUR_SKILLS,
  MONITORING_TYPES,
  POLITICAL_STATUSES,
  RELATIONSHIPS,
  RISK_TYPES,
  SCHOOLING_STATUSES,
  type CodeEntry,
  type EliminationMode,
  type MonitoringType,
  type RiskType,
} from '../domain/registry/codes.ts';
import { orgCode } from './org.ts';
import { pageMeta, pagingFields } from './paging.ts';

/** A zod enum over a code list's English codes. */
function codeEnum<L extends readonly CodeEntry[]>(list: L) {
  return z.enum(list.map((e) => e.code) as [L[number]['code'], ...L[number]['code'][]]);
}

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM / month must be YYYY-MM' });
const fen = z.number().int().min(0).max(1e12);
const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, { message: '电话号码格式不正确 / invalid phone number' });
const reason = z.string().trim().min(2, { message: '请填写修改原因 / please give a reason' }).max(500);

export const memberInput = z.object({
  name: z.string().trim().min(1).max(40),
  idNumber: z.string().trim().min(15).max(22),
  relationship: codeEnum(RELATIONSHIPS),
  ethnicity: codeEnum(ETHNICITIES).nullable().default(null),
  politicalStatus: codeEnum(POLITICAL_STATUSES).nullable().default(null),
  education: codeEnum(EDUCATION_LEVELS).nullable().default(null),
  schooling: codeEnum(SCHOOLING_STATUSES).nullable().default(null),
  health: z.array(codeEnum(HEALTH_CONDITIONS)).default(['healthy']),
  disabilityCategory: codeEnum(DISABILITY_CATEGORIES).nullable().default(null),
  disabilityGrade: codeEnum(DISABILITY_GRADES).nullable().default(null),
  labourSkill: codeEnum(LABOUR_SKILLS),
  workMonths: z.number().int().min(0).max(12).nullable().default(null),
  workPlace: z.string().trim().max(100).nullable().default(null),
  publicWelfarePost: z.boolean().default(false),
  residentMedicalInsurance: z.boolean().default(false),
  employeeMedicalInsurance: z.boolean().default(false),
  minimumLiving: z.boolean().default(false),
  destituteSupport: z.boolean().default(false),
  phone: phone.nullable().default(null),
});
export type MemberInput = z.infer<typeof memberInput>;

export const incomeInput = z.object({
  year: z.number().int().min(2013).max(2100),
  wageIncome: fen,
  businessIncome: fen,
  propertyIncome: fen,
  transferIncome: fen,
  businessCost: fen,
  insurancePayout: fen.default(0),
  eligibleOutOfPocket: fen.default(0),
});
export type IncomeInput = z.infer<typeof incomeInput>;

const householdFacts = {
  villageCode: orgCode,
  kind: codeEnum(HOUSEHOLD_KINDS),
  alleviatedAttribute: codeEnum(ALLEVIATED_ATTRIBUTES).nullable().default(null),
  monitoringType: codeEnum(MONITORING_TYPES).nullable().default(null),
  identificationPeriod: period.nullable().default(null),
  riskTypes: z.array(codeEnum(RISK_TYPES)).max(5).default([]),
  phone: phone.nullable().default(null),
  address: z.string().trim().max(200).nullable().default(null),
  housingGrade: codeEnum(HOUSING_GRADES).nullable().default(null),
  waterSafe: z.boolean().nullable().default(null),
  schoolDropout: z.boolean().nullable().default(null),
  housingUnsafe: z.boolean().nullable().default(null),
  medicalUninsured: z.boolean().nullable().default(null),
};

/** Read-only in the create and edit requests: read loosely so the service can refuse a value field by field (400). */
const monitoringEcho = {
  monitoringType: z.string().nullable().optional(),
  identificationPeriod: z.string().nullable().optional(),
  riskTypes: z.array(z.string()).optional(),
  eliminationPeriod: z.string().nullable().optional(),
  eliminationMode: z.string().nullable().optional(),
};

export const createHouseholdRequest = z
  .object({
    householdNo: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{4,40}$/, { message: '户编号为 4-40 位数字或字母 / 4-40 digits or letters' }),
    ...householdFacts,
    members: z.array(memberInput).min(1).max(30),
    income: incomeInput.optional(),
    reason: reason.default('新增农户 / new household'),
  })
  .omit({ monitoringType: true, identificationPeriod: true, riskTypes: true })
  // A new household is never monitored: only 识别认定 (cases) or an import of the national export sets the status.
  .extend(monitoringEcho);
export type CreateHouseholdRequest = z.infer<typeof createHouseholdRequest>;

/** The monitoring status a national import (or the demo) brings with a new household, as the service takes it. */
export interface MonitoringStatusInput {
  monitoringType: MonitoringType | null;
  identificationPeriod: string | null;
  riskTypes: RiskType[];
  eliminationPeriod?: string | null;
  eliminationMode?: EliminationMode | null;
}

/**
 * The monitoring status (监测对象类别, 识别监测时间, risks, 风险消除) changes only through the identification and
 * elimination procedures (cases) or an import of the national system's export (recorded as imported history).
 */
export const MONITORING_FIELDS = [
  'monitoringType',
  'identificationPeriod',
  'riskTypes',
  'eliminationPeriod',
  'eliminationMode',
] as const;
export type MonitoringField = (typeof MONITORING_FIELDS)[number];

export const updateHouseholdRequest = z
  .object(householdFacts)
  .omit({ monitoringType: true, identificationPeriod: true, riskTypes: true })
  .extend({
    /** Absent: unchanged (forms see only the masked number); null: remove it. */
    phone: phone.nullable().optional(),
    // Read-only here: absent or sent back unchanged they are ignored; a different value is refused (400).
    ...monitoringEcho,
    version: z.number().int().min(1),
    reason,
  });
export type UpdateHouseholdRequest = z.infer<typeof updateHouseholdRequest>;

/**
 * A member in 调整家庭成员. People already in the household are named by `personId`: their ID number
 * and phone stay as recorded unless typed again (forms only ever see them masked). Newcomers carry
 * their full ID number.
 */
export const replaceMemberInput = memberInput
  .extend({
    personId: z.number().int().positive().optional(),
    idNumber: memberInput.shape.idNumber.optional(),
    phone: phone.nullable().optional(),
  })
  .refine((m) => m.personId !== undefined || m.idNumber !== undefined, {
    message: '新增成员须填写身份证号码 / A new member needs an ID number',
    path: ['idNumber'],
  });
export type ReplaceMemberInput = z.infer<typeof replaceMemberInput>;

/** Replace the active members: people left out are end-dated, never deleted. */
export const replaceMembersRequest = z.object({
  members: z.array(replaceMemberInput).min(1).max(30),
  version: z.number().int().min(1),
  reason,
});

export const moveMemberRequest = z.object({
  toHouseholdNo: z.string().trim().min(4).max(40),
  relationship: codeEnum(RELATIONSHIPS),
  reason,
});

export const splitHouseholdRequest = z.object({
  newHouseholdNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{4,40}$/),
  /** Person ids leaving, with their relationship in the new household (one of them 户主). */
  members: z.array(z.object({ personId: z.number().int(), relationship: codeEnum(RELATIONSHIPS) })).min(1),
  reason,
});

export const mergeHouseholdRequest = z.object({
  /** The household whose members join this one; it is closed afterwards (kept, never deleted). */
  fromHouseholdNo: z.string().trim().min(4).max(40),
  relationships: z.record(z.string(), codeEnum(RELATIONSHIPS)),
  reason,
});

export const saveIncomeRequest = incomeInput.extend({ reason });

export const HOUSEHOLD_SORTS = [
  'id',
  'householdNo',
  'township',
  'village',
  'headName',
  'size',
  'kind',
  'monitoringStatus',
] as const;
export const householdSearchQuery = z.object({
  q: z.string().trim().max(40).optional(),
  orgCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  kind: codeEnum(HOUSEHOLD_KINDS).optional(),
  monitoringStatus: z.enum(['none', 'monitored', 'eliminated']).optional(),
  /** Monitored households monitored for at least this many months (监测满 N 个月; the workbench links with N). */
  monitoredMonths: z.coerce.number().int().min(1).max(600).optional(),
  afterId: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  ...pagingFields(HOUSEHOLD_SORTS),
});

export const householdListRow = z.object({
  id: z.number().int(),
  householdNo: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  townshipName: z.string(),
  kind: z.string(),
  monitoringStatus: z.string(),
  monitoringType: z.string().nullable(),
  headName: z.string().nullable(),
  headIdMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  size: z.number().int(),
});
export type HouseholdListRow = z.infer<typeof householdListRow>;
export const householdPage = z.object({
  items: z.array(householdListRow),
  nextAfterId: z.number().int().nullable(),
  ...pageMeta,
});

export const memberRow = memberInput.omit({ idNumber: true, phone: true }).extend({
  personId: z.number().int(),
  idMasked: z.string(),
  idKind: z.enum(['resident', 'disability']),
  phoneMasked: z.string().nullable(),
  sex: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  validFrom: z.string(),
});
export type MemberRow = z.infer<typeof memberRow>;

export const incomeRow = incomeInput.extend({
  householdSize: z.number().int(),
  netIncome: z.number().int(),
  perCapitaNetIncome: z.number().int(),
});

export const qualityFinding = z.object({
  rule: z.string(),
  nationalRef: z.string().nullable(),
  severity: z.enum(['warning', 'error']),
  field: z.string(),
  memberIndex: z.number().int().nullable(),
  messageZh: z.string(),
  messageEn: z.string(),
  evidence: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export const qualityReportQuery = z.object({
  orgCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});
export const qualityReportRow = z.object({
  orgCode: z.string(),
  orgName: z.string(),
  households: z.number().int(),
  householdsWithFindings: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  byRule: z.record(z.string(), z.number().int()),
});

export const householdDetail = householdListRow.omit({ size: true }).extend({
  alleviatedAttribute: z.string().nullable(),
  identificationPeriod: z.string().nullable(),
  riskTypes: z.array(z.string()),
  eliminationPeriod: z.string().nullable(),
  eliminationMode: z.string().nullable(),
  wholeHouseholdNoLabour: z.boolean(),
  address: z.string().nullable(),
  housingGrade: z.string().nullable(),
  waterSafe: z.boolean().nullable(),
  schoolDropout: z.boolean().nullable(),
  housingUnsafe: z.boolean().nullable(),
  medicalUninsured: z.boolean().nullable(),
  extra: z.record(z.string(), z.string()).nullable(),
  version: z.number().int(),
  members: z.array(memberRow),
  incomes: z.array(incomeRow),
  quality: z.array(qualityFinding),
});
export type HouseholdDetail = z.infer<typeof householdDetail>;

export const changeRow = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  reason: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reviewStatus: z.enum(['none', 'pending', 'confirmed', 'rejected']),
  reviewedBy: z.string().nullable(),
  reviewNote: z.string().nullable(),
});

export const reviewRequest = z.object({
  decision: z.enum(['confirmed', 'rejected']),
  note: z.string().trim().max(500).optional(),
});

export const revealResponse = z.object({ personId: z.number().int(), idNumber: z.string() });
export const householdIdParams = z.object({ id: z.coerce.number().int().positive() });
export const personParams = householdIdParams.extend({ personId: z.coerce.number().int().positive() });
