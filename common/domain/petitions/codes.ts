import type { CodeEntry } from '../registry/codes.ts';

// 涉贫舆情与信访 register (沁发〔2021〕17号 二(一)6 “持续做好涉贫舆情防控工作…建立应对处置机制”, 二(一)2 “舆情信访研判”
// as a discovery channel, 二(三)6 三是 “零上访、零事故、零案件”村创建). The plan gives no code lists: the sources, levels,
// handling steps and closure results below are local lists (not found in the plan or policy-rules.md), each with a
// Chinese label; a county may rename them later. Glossary: 舆情信访 → petition.

/** What was received: a 信访 (letters, visits, online petitions, calls) or a 舆情 (public-opinion item). */
export const PETITION_EVENT_KINDS = [
  { code: 'petition', zh: '信访' },
  { code: 'publicOpinion', zh: '舆情' },
] as const satisfies readonly CodeEntry[];
export type PetitionEventKind = (typeof PETITION_EVENT_KINDS)[number]['code'];
export const PETITION_EVENT_KIND_CODES = PETITION_EVENT_KINDS.map((k) => k.code) as [
  PetitionEventKind,
  ...PetitionEventKind[],
];

/** Where it came from (local list; the plan names 网信办, 信访局 and 12317 only as responsible bodies or channels). */
export const PETITION_SOURCES = [
  { code: 'letter', zh: '来信' },
  { code: 'visit', zh: '来访' },
  { code: 'onlinePetition', zh: '网上信访' },
  { code: 'hotline12317', zh: '12317热线' },
  { code: 'hotline12345', zh: '12345热线' },
  { code: 'internet', zh: '网络舆情' },
  { code: 'media', zh: '媒体报道' },
  { code: 'assigned', zh: '上级交办' },
  { code: 'other', zh: '其他' },
] as const satisfies readonly CodeEntry[];
export type PetitionSource = (typeof PETITION_SOURCES)[number]['code'];
export const PETITION_SOURCE_CODES = PETITION_SOURCES.map((k) => k.code) as [PetitionSource, ...PetitionSource[]];

/**
 * Level: not found — the plan grades no events. 一般/较大/重大 is the local default (the usual three grades of
 * 突发事件 and 舆情 handling); the register only records and filters it, no rule depends on it.
 */
export const PETITION_LEVELS = [
  { code: 'ordinary', zh: '一般' },
  { code: 'serious', zh: '较大' },
  { code: 'major', zh: '重大' },
] as const satisfies readonly CodeEntry[];
export type PetitionLevel = (typeof PETITION_LEVELS)[number]['code'];
export const PETITION_LEVEL_CODES = PETITION_LEVELS.map((k) => k.code) as [PetitionLevel, ...PetitionLevel[]];
export const PETITION_LEVELS_NOTE =
  '事件等级：沁发〔2021〕17号未分级（未找到），暂按一般、较大、重大三级登记，不影响期限和统计';

/** A handling step (the timeline). */
export const PETITION_STEP_ACTIONS = [
  { code: 'accept', zh: '受理登记' },
  { code: 'assign', zh: '交办转办' },
  { code: 'verify', zh: '调查核实' },
  { code: 'handle', zh: '处理化解' },
  { code: 'reply', zh: '答复反馈' },
  { code: 'followUp', zh: '回访' },
  { code: 'other', zh: '其他' },
] as const satisfies readonly CodeEntry[];
export type PetitionStepAction = (typeof PETITION_STEP_ACTIONS)[number]['code'];
export const PETITION_STEP_ACTION_CODES = PETITION_STEP_ACTIONS.map((k) => k.code) as [
  PetitionStepAction,
  ...PetitionStepAction[],
];

/** How it was closed. */
export const PETITION_CLOSURE_RESULTS = [
  { code: 'resolved', zh: '问题已解决' },
  { code: 'explained', zh: '已解释答复' },
  { code: 'unfounded', zh: '反映不实' },
  { code: 'referred', zh: '移交有权机关' },
] as const satisfies readonly CodeEntry[];
export type PetitionClosureResult = (typeof PETITION_CLOSURE_RESULTS)[number]['code'];
export const PETITION_CLOSURE_RESULT_CODES = PETITION_CLOSURE_RESULTS.map((k) => k.code) as [
  PetitionClosureResult,
  ...PetitionClosureResult[],
];

/**
 * 零上访村 (二(三)6 三是 “深入开展‘零上访、零事故、零案件’村创建”): the plan does not define it (not found). Computed
 * here as: a village with no 信访 event (kind petition) received in the calendar year; 舆情 items do not count.
 */
export const ZERO_PETITION_NOTE =
  '零上访村：沁发〔2021〕17号 二(三)6 提出“零上访、零事故、零案件”村创建，未给出认定口径（未找到）；本系统按“本年度该村未登记信访事项（舆情不计）”计算';

export function zhOf(list: readonly CodeEntry[], code: string | null | undefined): string {
  return list.find((e) => e.code === code)?.zh ?? code ?? '';
}
