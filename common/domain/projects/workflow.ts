import type { OrgLevel, Role } from '../roles.ts';

// Project-library entry (入库) as data (policy-rules §6): 村级申报 → 乡镇审核 → 行业部门论证 → 县级审定,
// with the three public notices and one announcement (三公示一公告) as steps of their own:
// 村级公示 after the declaration, 乡镇公示 after the township review, 县级公示 after the county decision,
// then the 入库公告. The notices are timed (projects.noticeDays); the announcement publishes the result.
// The server enforces it; nothing else decides the order.
//
// Who acts (decided here, documented in docs/ARCHITECTURE.md): the village officer declares and runs the
// village notice; township staff review and run the township notice; a line department (role `department`)
// does the 论证 — county staff may record it on the department's behalf; county staff or the county
// administrator decide, run the county notice and publish the announcement.

export type EntryStage =
  | 'declaration' // 村级申报
  | 'villageNotice' // 村级公示 (timed)
  | 'townshipReview' // 乡镇审核
  | 'townshipNotice' // 乡镇公示 (timed)
  | 'departmentReview' // 行业部门论证
  | 'countyApproval' // 县级审定
  | 'countyNotice' // 县级公示 (timed)
  | 'announcement' // 入库公告
  | 'admitted' // 已入库
  | 'withdrawn'; // 已撤销

export const ENTRY_STAGES: readonly EntryStage[] = [
  'declaration',
  'villageNotice',
  'townshipReview',
  'townshipNotice',
  'departmentReview',
  'countyApproval',
  'countyNotice',
  'announcement',
  'admitted',
];

export const ENTRY_STAGE_LABELS: Record<EntryStage, string> = {
  declaration: '村级申报',
  villageNotice: '村级公示',
  townshipReview: '乡镇审核',
  townshipNotice: '乡镇公示',
  departmentReview: '行业部门论证',
  countyApproval: '县级审定',
  countyNotice: '县级公示',
  announcement: '入库公告',
  admitted: '已入库',
  withdrawn: '已撤销',
};

export const NOTICE_STAGES: readonly EntryStage[] = ['villageNotice', 'townshipNotice', 'countyNotice'];

export const ENTRY_ACTORS: Record<
  Exclude<EntryStage, 'admitted' | 'withdrawn'>,
  { level: OrgLevel; roles: readonly Role[] }
> = {
  declaration: { level: 'village', roles: ['villageOfficer'] },
  villageNotice: { level: 'village', roles: ['villageOfficer'] },
  townshipReview: { level: 'township', roles: ['townshipStaff'] },
  townshipNotice: { level: 'township', roles: ['townshipStaff'] },
  departmentReview: { level: 'county', roles: ['department', 'countyStaff'] },
  countyApproval: { level: 'county', roles: ['countyStaff', 'countyAdmin'] },
  countyNotice: { level: 'county', roles: ['countyStaff', 'countyAdmin'] },
  announcement: { level: 'county', roles: ['countyStaff', 'countyAdmin'] },
};

/** 储备 → 入库 → 实施 → 验收 → 完成 (and 终止 for a project dropped from the library). */
export type ProjectStatus = 'reserve' | 'admitted' | 'implementing' | 'accepted' | 'completed' | 'cancelled';
export const PROJECT_STATUSES: readonly ProjectStatus[] = [
  'reserve',
  'admitted',
  'implementing',
  'accepted',
  'completed',
  'cancelled',
];
/**
 * The steps that decide on the project carry a written opinion (意见): 乡镇审核 checks 真实性、必要性… and
 * 县级审定 decides (policy-rules.md, project library "村级申报、乡镇审核、行业部门论证、县级审定").
 */
export const OPINION_STAGES: readonly EntryStage[] = ['townshipReview', 'countyApproval'];

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  reserve: '储备',
  admitted: '入库',
  implementing: '实施',
  accepted: '验收',
  completed: '完成',
  cancelled: '终止',
};

/** Who moves a project on after entry: the township starts implementation, the county accepts and completes. */
export const STATUS_ACTORS: Record<'implementing' | 'accepted' | 'completed' | 'cancelled', readonly Role[]> = {
  implementing: ['townshipStaff', 'countyStaff', 'countyAdmin'],
  accepted: ['countyStaff', 'countyAdmin'],
  completed: ['countyStaff', 'countyAdmin'],
  cancelled: ['countyStaff', 'countyAdmin'],
};

const NEXT_STATUS: Partial<Record<ProjectStatus, ProjectStatus>> = {
  admitted: 'implementing',
  implementing: 'accepted',
  accepted: 'completed',
};

export type EntryAction = 'complete' | 'reject' | 'withdraw';

export interface EntryState {
  stage: EntryStage;
  /** ISO date the current notice started (set when a notice stage begins). */
  noticeStartedOn: string | null;
}

export interface EntryContext {
  role: Role;
  today: string;
  /** projects.noticeDays in force. */
  noticeDays: number;
  /**
   * The level of the project's unit. A township or county project (cross-village) is declared and
   * publicised by that level's staff instead of a village officer (policy-rules §6, 狸桥镇 procedure).
   */
  projectLevel?: OrgLevel;
}

/** The roles that act at a step of this project. */
export function actorsAt(
  stage: Exclude<EntryStage, 'admitted' | 'withdrawn'>,
  projectLevel: OrgLevel = 'village',
): readonly Role[] {
  if ((stage === 'declaration' || stage === 'villageNotice') && projectLevel === 'township') return ['townshipStaff'];
  if ((stage === 'declaration' || stage === 'villageNotice') && projectLevel === 'county')
    return ['countyStaff', 'countyAdmin'];
  return ENTRY_ACTORS[stage].roles;
}

export interface Refusal {
  ok: false;
  code: string;
  messageZh: string;
  messageEn: string;
}
export type EntryResult = { ok: true; next: EntryStage } | Refusal;

const refuse = (code: string, messageZh: string, messageEn: string): Refusal => ({
  ok: false,
  code,
  messageZh,
  messageEn,
});
const LEVEL_ZH: Record<OrgLevel, string> = { county: '县级', township: '乡镇', village: '村级', group: '村民小组' };

/** The earliest day a notice that started on `startedOn` may end: it must have hung for `days` full days. */
export function noticeEndsOn(startedOn: string, days: number): string {
  return new Date(Date.parse(startedOn + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * complete: the step's work is done, go on (a notice only once its days have passed);
 * reject: back to 村级申报 for correction (not from the declaration itself); withdraw: drop the declaration
 * (the declaring village or the county).
 */
export function entryTransition(state: EntryState, action: EntryAction, ctx: EntryContext): EntryResult {
  if (state.stage === 'admitted' || state.stage === 'withdrawn')
    return refuse('finished', '该项目入库流程已结束', 'The entry procedure is finished');
  const actors = ENTRY_ACTORS[state.stage];
  const declarers = actorsAt('declaration', ctx.projectLevel);
  if (action === 'withdraw') {
    if ([...declarers, 'countyStaff', 'countyAdmin'].includes(ctx.role)) return { ok: true, next: 'withdrawn' };
    return refuse(
      'notYourStage',
      '只有申报单位或县级可以撤销申报',
      'Only the declaring unit or the county may withdraw',
    );
  }
  if (!actorsAt(state.stage, ctx.projectLevel).includes(ctx.role)) {
    return refuse(
      'notYourStage',
      `「${ENTRY_STAGE_LABELS[state.stage]}」环节应由${LEVEL_ZH[actors.level]}办理`,
      `The ${state.stage} step is handled at ${actors.level} level`,
    );
  }
  if (action === 'reject') {
    if (state.stage === 'declaration')
      return refuse(
        'cannotReject',
        '申报环节不能退回，可撤销',
        'A declaration cannot be returned; withdraw it instead',
      );
    return { ok: true, next: 'declaration' };
  }
  if (NOTICE_STAGES.includes(state.stage)) {
    const earliest = noticeEndsOn(state.noticeStartedOn ?? ctx.today, ctx.noticeDays);
    if (!state.noticeStartedOn || ctx.today < earliest) {
      return refuse(
        'noticeNotOver',
        `公示期不少于${ctx.noticeDays}天，${earliest}起方可结束公示`,
        `The notice must hang ${ctx.noticeDays} days; it can end from ${earliest}`,
      );
    }
  }
  return { ok: true, next: ENTRY_STAGES[ENTRY_STAGES.indexOf(state.stage) + 1] };
}

export type StatusResult = { ok: true; next: ProjectStatus } | Refusal;

/** After entry: 入库 → 实施 → 验收 → 完成 one step at a time, or 终止 with a reason. */
export function statusTransition(current: ProjectStatus, target: ProjectStatus, role: Role): StatusResult {
  if (target === 'reserve' || target === 'admitted')
    return refuse('viaEntry', '入库须经申报审定流程', 'Admission goes through the entry procedure');
  if (current === 'completed' || current === 'cancelled')
    return refuse('finished', '项目已完成或终止', 'The project is completed or cancelled');
  if (!STATUS_ACTORS[target].includes(role))
    return refuse(
      'forbidden',
      `无权将项目置为「${PROJECT_STATUS_LABELS[target]}」`,
      `You may not set the project to ${target}`,
    );
  if (target === 'cancelled') return { ok: true, next: 'cancelled' };
  if (NEXT_STATUS[current] !== target) {
    return refuse(
      'order',
      `项目须按 储备→入库→实施→验收→完成 的顺序推进，当前为「${PROJECT_STATUS_LABELS[current]}」`,
      `Projects move reserve → admitted → implementing → accepted → completed; now ${current}`,
    );
  }
  return { ok: true, next: target };
}
