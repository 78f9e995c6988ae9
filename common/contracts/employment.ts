import { z } from 'zod';
import { PLACE_KINDS } from '../domain/employment/rules.ts';
import { orgCode } from './org.ts';
import { pageMeta, pagingFields } from './paging.ts';

// Employment and training (就业与培训, 沁发〔2021〕17号 §二(三)2): jobs of registry people with 稳岗 follow-ups,
// training with certificates, 扶贫车间 / 就业帮扶车间, and the programme's figures. Money in fen.

const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' });
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM / month must be YYYY-MM' });
const fen = z
  .number()
  .int({ message: '金额以分计，须为整数 / amount in fen, a whole number' })
  .min(0, { message: '金额不能为负 / amount cannot be negative' })
  .max(100_000_000_00, { message: '金额过大 / amount too large' });
const text = (max: number) => z.string().trim().max(max);
const required = (max: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${zh} / ${en}` })
    .max(max);

export const TRAINING_KINDS = ['employmentSkill', 'skillUpgrade', 'entrepreneurship', 'agriculture'] as const;
export const CERTIFICATE_KINDS = ['qualification', 'skillLevel', 'specialAbility', 'trainingCertificate'] as const;
export const FOLLOW_UP_STATUSES = ['working', 'changed', 'left'] as const;
export const placeKind = z.enum(PLACE_KINDS as unknown as ['county', 'province', 'outOfProvince'], {
  message: '请选择务工地点类别 / choose where the job is',
});

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const householdParams = z.object({ householdId: z.coerce.number().int().positive() });

// ---------------------------------------------------------------- jobs

export const employmentInput = z
  .object({
    personId: z.number().int().positive(),
    placeKind,
    place: required(100, '请填写务工地点', 'place required'),
    employer: text(100).nullish(),
    job: text(60).nullish(),
    startOn: isoDate,
    endOn: isoDate.nullish(),
    monthlyIncomeFen: fen,
    workshopId: z.number().int().positive().nullish(),
    note: text(500).nullish(),
  })
  .refine((v) => !v.endOn || v.endOn >= v.startOn, {
    path: ['endOn'],
    message: '结束日期不能早于开始日期 / end before start',
  });
export const employmentUpdate = z
  .object({
    placeKind,
    place: required(100, '请填写务工地点', 'place required'),
    employer: text(100).nullish(),
    job: text(60).nullish(),
    startOn: isoDate,
    endOn: isoDate.nullish(),
    monthlyIncomeFen: fen,
    workshopId: z.number().int().positive().nullish(),
    note: text(500).nullish(),
    reason: required(200, '请填写修改原因', 'reason required'),
    version: z.number().int().positive(),
  })
  .refine((v) => !v.endOn || v.endOn >= v.startOn, {
    path: ['endOn'],
    message: '结束日期不能早于开始日期 / end before start',
  });
export const followUpInput = z.object({
  on: isoDate,
  status: z.enum(FOLLOW_UP_STATUSES, { message: '请选择跟踪结果 / choose the finding' }),
  note: text(500).nullish(),
});

export const followUpRow = z.object({
  id: z.number().int(),
  on: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  note: z.string().nullable(),
});

export const employmentRow = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  personId: z.number().int(),
  personName: z.string(),
  labourSkill: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  placeKind,
  place: z.string(),
  employer: z.string().nullable(),
  job: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  monthlyIncomeFen: z.number().int(),
  workshopId: z.number().int().nullable(),
  workshopName: z.string().nullable(),
  source: z.enum(['manual', 'import']),
  note: z.string().nullable(),
  lastFollowUpOn: z.string().nullable(),
  lastFollowUpStatus: z.enum(FOLLOW_UP_STATUSES).nullable(),
  version: z.number().int(),
});
export type EmploymentRow = z.infer<typeof employmentRow>;

export const EMPLOYMENT_SORTS = ['startOn', 'village', 'personName', 'monthlyIncomeFen', 'placeKind'] as const;
export const employmentFilters = {
  orgCode: orgCode.optional(),
  placeKind: placeKind.optional(),
  /** 1: jobs not ended (as of today). */
  current: z.enum(['1']).optional(),
  q: z.string().trim().max(40).optional(),
};
export const employmentListQuery = z.object({ ...employmentFilters, ...pagingFields(EMPLOYMENT_SORTS) });
export const employmentExportQuery = z.object(employmentFilters);
export const employmentPage = z.object({ items: z.array(employmentRow), ...pageMeta });

// ---------------------------------------------------------------- training

export const trainingInput = z
  .object({
    personId: z.number().int().positive(),
    kind: z.enum(TRAINING_KINDS, { message: '请选择培训类型 / choose the kind of training' }),
    course: required(100, '请填写培训项目', 'course required'),
    provider: text(100).nullish(),
    startOn: isoDate,
    endOn: isoDate,
    certificateKind: z.enum(CERTIFICATE_KINDS).nullish(),
    certificateNo: text(60).nullish(),
    certifiedOn: isoDate.nullish(),
  })
  .refine((v) => v.endOn >= v.startOn, { path: ['endOn'], message: '结束日期不能早于开始日期 / end before start' })
  .refine((v) => !v.certificateKind || !!v.certifiedOn, {
    path: ['certifiedOn'],
    message: '有证书时请填写发证日期 / certificate date required',
  });
export const trainingRow = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  personId: z.number().int(),
  personName: z.string(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  kind: z.enum(TRAINING_KINDS),
  course: z.string(),
  provider: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string(),
  certificateKind: z.enum(CERTIFICATE_KINDS).nullable(),
  certificateNo: z.string().nullable(),
  certifiedOn: z.string().nullable(),
  source: z.enum(['manual', 'import']),
});
export type TrainingRow = z.infer<typeof trainingRow>;
export const TRAINING_SORTS = ['startOn', 'village', 'personName', 'kind'] as const;
export const trainingFilters = {
  orgCode: orgCode.optional(),
  kind: z.enum(TRAINING_KINDS).optional(),
  certified: z.enum(['yes', 'no']).optional(),
  q: z.string().trim().max(40).optional(),
};
export const trainingListQuery = z.object({ ...trainingFilters, ...pagingFields(TRAINING_SORTS) });
export const trainingExportQuery = z.object(trainingFilters);
export const trainingPage = z.object({ items: z.array(trainingRow), ...pageMeta });

// ---------------------------------------------------------------- workshops

export const workshopInput = z
  .object({
    villageCode: orgCode,
    name: required(100, '请填写车间名称', 'name required'),
    operator: required(100, '请填写经营主体', 'operator required'),
    recognisedOn: isoDate.nullish(),
    employeesTotal: z.number().int().min(0).max(100_000),
    employeesAssisted: z.number().int().min(0).max(100_000),
    subsidyFen: fen.nullish(),
    subsidyPaidOn: isoDate.nullish(),
    status: z.enum(['active', 'closed']).default('active'),
    note: text(500).nullish(),
  })
  .refine((v) => v.employeesAssisted <= v.employeesTotal, {
    path: ['employeesAssisted'],
    message: '吸纳脱贫（监测）劳动力人数不能超过吸纳就业总人数 / assisted more than total',
  })
  .refine((v) => !v.subsidyPaidOn || v.subsidyFen != null, {
    path: ['subsidyFen'],
    message: '已发放补贴时请填写金额 / amount required when paid',
  });
export const workshopUpdate = workshopInput.and(z.object({ version: z.number().int().positive() }));
export const workshopRow = z.object({
  id: z.number().int(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  name: z.string(),
  operator: z.string(),
  recognisedOn: z.string().nullable(),
  employeesTotal: z.number().int(),
  employeesAssisted: z.number().int(),
  subsidyFen: z.number().int().nullable(),
  subsidyPaidOn: z.string().nullable(),
  status: z.enum(['active', 'closed']),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type WorkshopRow = z.infer<typeof workshopRow>;
export const WORKSHOP_SORTS = ['name', 'village', 'employeesTotal', 'subsidyFen'] as const;
export const workshopFilters = {
  orgCode: orgCode.optional(),
  status: z.enum(['active', 'closed']).optional(),
  q: z.string().trim().max(40).optional(),
};
export const workshopListQuery = z.object({ ...workshopFilters, ...pagingFields(WORKSHOP_SORTS) });
export const workshopExportQuery = z.object(workshopFilters);
export const workshopPage = z.object({ items: z.array(workshopRow), ...pageMeta });

// ---------------------------------------------------------------- figures and the household section

const rate = z.object({ numerator: z.number().int(), denominator: z.number().int(), rate: z.number().nullable() });
export const figuresQuery = z.object({ period: period.optional(), orgCode: orgCode.optional() });
export const employmentFiguresResponse = z.object({
  period: z.string(),
  /** People of 脱贫户 and monitored households in scope. */
  people: z.number().int(),
  labourers: z.number().int(),
  employed: z.number().int(),
  employmentRate: rate,
  certificateRate: rate,
  certificateRateBase: z.enum(['trained', 'labour']),
  workingAway: z.number().int(),
  minDaysInMonth: z.number().int(),
});
export type EmploymentFigures = z.infer<typeof employmentFiguresResponse>;

export const householdEmployment = z.object({
  householdId: z.number().int(),
  period: z.string(),
  members: z.array(
    z.object({
      personId: z.number().int(),
      name: z.string(),
      relationship: z.string(),
      labourSkill: z.string().nullable(),
      labourer: z.boolean(),
      employedThisMonth: z.boolean(),
      monthsEmployed: z.number().int(),
      stable: z.boolean(),
      certified: z.boolean(),
    }),
  ),
  jobs: z.array(employmentRow.extend({ followUps: z.array(followUpRow) })),
  trainings: z.array(trainingRow),
  stableMonths: z.number().int(),
  stableWindowMonths: z.number().int(),
});
export type HouseholdEmployment = z.infer<typeof householdEmployment>;

export const importQuery = z.object({ dryRun: z.enum(['1', '0']).default('1') });
export const importReport = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  errors: z.array(
    z.object({ row: z.number().int(), column: z.string(), messageZh: z.string(), messageEn: z.string() }),
  ),
});
export type EmploymentImportReport = z.infer<typeof importReport>;
