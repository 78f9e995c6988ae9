import { z } from 'zod';
import {
  PETITION_CLOSURE_RESULT_CODES,
  PETITION_EVENT_KIND_CODES,
  PETITION_LEVEL_CODES,
  PETITION_SOURCE_CODES,
  PETITION_STEP_ACTION_CODES,
} from '../domain/petitions/codes.ts';
import { RISK_TYPES } from '../domain/registry/codes.ts';
import { pageMeta, pagingFields, queryFlag } from './paging.ts';

// 涉贫舆情与信访 register (issue 15 item 6; 沁发〔2021〕17号 二(一)6, 二(三)6 三是): events with source, level, deadline,
// handling steps and closure, the households concerned (a clue for one at risk), the overdue list and 零上访 villages.

const orgCode = z.string().regex(/^\d{12}$/, { message: '机构代码为12位数字 / org code is 12 digits' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式 YYYY-MM-DD / date YYYY-MM-DD' });
const required = (zh: string, en: string, max: number) =>
  z
    .string({ message: `${zh} / ${en}` })
    .trim()
    .min(1, { message: `${zh} / ${en}` })
    .max(max, { message: `不超过${max}字 / at most ${max} characters` });

export const petitionKind = z.enum(PETITION_EVENT_KIND_CODES, { message: '请选择类别 / choose the kind' });
export const petitionSource = z.enum(PETITION_SOURCE_CODES, { message: '请选择来源 / choose the source' });
export const petitionLevel = z.enum(PETITION_LEVEL_CODES, { message: '请选择等级 / choose the level' });
export const petitionStepAction = z.enum(PETITION_STEP_ACTION_CODES, { message: '请选择环节 / choose the step' });
export const petitionClosureResult = z.enum(PETITION_CLOSURE_RESULT_CODES, {
  message: '请选择办结结果 / choose the result',
});
const riskType = z.enum(RISK_TYPES.map((r) => r.code) as [string, ...string[]], {
  message: '风险类型无效 / unknown risk type',
});

export const petitionInput = z.object({
  orgCode,
  kind: petitionKind,
  source: petitionSource,
  level: petitionLevel.default('ordinary'),
  receivedOn: isoDate,
  /** Set only when an assigning office gave its own deadline; otherwise received + petitions.handlingDays. */
  deadlineOn: isoDate.nullable().optional(),
  title: required('请填写事项标题', 'title required', 100),
  summary: required('请填写反映内容', 'summary required', 2000),
  petitioner: z.string().trim().max(50).nullable().optional(),
  reference: z.string().trim().max(60).nullable().optional(),
});

export const petitionStepInput = z.object({
  stepOn: isoDate,
  action: petitionStepAction,
  note: required('请填写办理情况', 'note required', 1000),
});

export const petitionCloseInput = z.object({
  closedOn: isoDate,
  closureResult: petitionClosureResult,
  closureNote: required('请填写办结情况', 'closure note required', 1000),
});

export const petitionHouseholdInput = z.object({
  householdId: z.number({ message: '请选择农户 / choose a household' }).int().positive(),
  note: z.string().trim().max(200).nullable().optional(),
});

export const petitionClueInput = z.object({
  riskTypes: z.array(riskType).min(1, { message: '请至少选择一种风险 / choose at least one risk' }).max(5),
});

export const PETITION_STATUSES = ['open', 'overdue', 'closed'] as const;

export const petitionRow = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  villageName: z.string().nullable(),
  townshipName: z.string().nullable(),
  kind: petitionKind,
  source: petitionSource,
  level: petitionLevel,
  receivedOn: z.string(),
  deadlineOn: z.string(),
  title: z.string(),
  petitioner: z.string().nullable(),
  reference: z.string().nullable(),
  closedOn: z.string().nullable(),
  closureResult: petitionClosureResult.nullable(),
  /** On the China day of the answer. */
  overdue: z.boolean(),
  /** Days until the deadline (negative: overdue); null once closed. */
  daysLeft: z.number().int().nullable(),
  households: z.number().int(),
  atRiskHouseholds: z.number().int(),
});
export type PetitionRow = z.infer<typeof petitionRow>;

export const PETITION_SORTS = ['receivedOn', 'deadlineOn', 'orgCode', 'id'] as const;
export const petitionListQuery = z.object({
  orgCode: orgCode.optional(),
  kind: petitionKind.optional(),
  source: petitionSource.optional(),
  level: petitionLevel.optional(),
  status: z
    .enum(PETITION_STATUSES, { message: '状态应为 open、overdue 或 closed / status open, overdue or closed' })
    .optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  householdId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional(),
  ...pagingFields(PETITION_SORTS),
});
export const petitionExportQuery = petitionListQuery.omit({ page: true, pageSize: true, sort: true, order: true });
export const petitionPage = z.object({ items: z.array(petitionRow), ...pageMeta });

export const petitionStepRow = z.object({
  id: z.number().int(),
  stepOn: z.string(),
  action: petitionStepAction,
  note: z.string(),
  actorName: z.string().nullable(),
});

export const petitionHouseholdRow = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  headName: z.string().nullable(),
  note: z.string().nullable(),
  atRisk: z.boolean(),
  riskTypes: z.array(z.string()),
  clueIds: z.array(z.number().int()),
});

export const petitionDetail = petitionRow.extend({
  summary: z.string(),
  closureNote: z.string().nullable(),
  steps: z.array(petitionStepRow),
  householdsConcerned: z.array(petitionHouseholdRow),
});
export type PetitionDetail = z.infer<typeof petitionDetail>;

/** 零上访: one row per village and year. */
export const zeroPetitionRow = z.object({
  orgCode: z.string(),
  villageName: z.string(),
  townshipCode: z.string(),
  townshipName: z.string().nullable(),
  /** 信访 events received in the year. */
  petitions: z.number().int(),
  /** 舆情 items received in the year (shown, not counted for 零上访). */
  publicOpinion: z.number().int(),
  /** 信访 of the year still open. */
  openPetitions: z.number().int(),
  zeroPetition: z.boolean(),
});
export const ZERO_PETITION_SORTS = ['orgCode', 'petitions'] as const;
export const zeroPetitionQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  orgCode: orgCode.optional(),
  zero: queryFlag().optional(),
  ...pagingFields(ZERO_PETITION_SORTS),
});
export const zeroPetitionExportQuery = zeroPetitionQuery.omit({ page: true, pageSize: true, sort: true, order: true });
export const zeroPetitionPage = z.object({
  year: z.number().int(),
  items: z.array(zeroPetitionRow),
  ...pageMeta,
  /** Per township of the filtered villages: villages and 零上访 villages. */
  townships: z.array(
    z.object({
      townshipCode: z.string(),
      townshipName: z.string().nullable(),
      villages: z.number().int(),
      zeroVillages: z.number().int(),
      petitions: z.number().int(),
    }),
  ),
});
export type ZeroPetitionPage = z.infer<typeof zeroPetitionPage>;

export const petitionIdParams = z.object({ id: z.coerce.number().int().positive() });
export const petitionHouseholdParams = z.object({
  id: z.coerce.number().int().positive(),
  householdId: z.coerce.number().int().positive(),
});
export const clueIdsAnswer = z.object({ clueIds: z.array(z.number().int()) });
