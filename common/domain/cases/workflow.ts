import type { OrgLevel, Role } from '../roles.ts';

// The identification (识别认定) and risk-elimination (风险消除) procedures as data (policy-rules §1.6, §1.8):
// which stages follow each other, who may act at each stage, and what each action does. The server
// enforces it; nothing else decides the order.

export type CaseKind = 'identification' | 'elimination';

export type Stage =
  | 'verification' // 入户核实 (+ 承诺授权)
  | 'comparison' // 信息比对
  | 'villageReview' // 村级民主评议
  | 'publicNotice' // 村内公示 (timed)
  | 'townshipReview' // 乡镇审核
  | 'countyApproval' // 县级审定
  | 'announcement' // 结果公告
  | 'done' // 纳入监测 / 风险消除
  | 'closed'; // 核实不符合, ended without inclusion

export const STAGE_LABELS: Record<Stage, string> = {
  verification: '入户核实',
  comparison: '信息比对',
  villageReview: '村级民主评议',
  publicNotice: '村内公示',
  townshipReview: '乡镇审核',
  countyApproval: '县级审定',
  announcement: '结果公告',
  done: '已办结',
  closed: '已终止',
};

/** Elimination mirrors identification without the data comparison (§1.8). */
export const STAGES: Record<CaseKind, readonly Stage[]> = {
  identification: [
    'verification',
    'comparison',
    'villageReview',
    'publicNotice',
    'townshipReview',
    'countyApproval',
    'announcement',
    'done',
  ],
  elimination: [
    'verification',
    'villageReview',
    'publicNotice',
    'townshipReview',
    'countyApproval',
    'announcement',
    'done',
  ],
};

/** Who acts at each stage: the village does the groundwork, the township reviews and announces, the county decides. */
export const STAGE_ACTORS: Record<Exclude<Stage, 'done' | 'closed'>, { level: OrgLevel; roles: readonly Role[] }> = {
  verification: { level: 'village', roles: ['villageOfficer'] },
  comparison: { level: 'township', roles: ['townshipStaff'] },
  villageReview: { level: 'village', roles: ['villageOfficer'] },
  publicNotice: { level: 'village', roles: ['villageOfficer'] },
  townshipReview: { level: 'township', roles: ['townshipStaff'] },
  countyApproval: { level: 'county', roles: ['countyStaff', 'countyAdmin'] },
  announcement: { level: 'township', roles: ['townshipStaff'] },
};

export type Action = 'complete' | 'reject' | 'close';

export interface CaseState {
  kind: CaseKind;
  stage: Stage;
  /** ISO date the public notice started (set when the notice stage begins). */
  noticeStartedOn: string | null;
}

export interface TransitionContext {
  role: Role;
  today: string;
  /** workflow.noticeDays in force. */
  noticeDays: number;
}

export type TransitionResult =
  | { ok: true; next: Stage }
  | {
      ok: false;
      code: 'finished' | 'notYourStage' | 'noticeNotOver' | 'cannotReject';
      messageZh: string;
      messageEn: string;
      /** noticeNotOver: the first day the notice may end (公示期满), null while it has not started. */
      opensOn?: string | null;
    };

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);
}

/** The earliest day a notice that started on `startedOn` may end: it must have hung for `days` full days. */
export function noticeEndsOn(startedOn: string, days: number): string {
  return new Date(Date.parse(startedOn + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * complete: the stage's work is done, go to the next stage (the notice only after its days have passed);
 * reject: return the case to 入户核实 with a reason (not from 入户核实 itself); close: end it (核实不符合).
 */
export function transition(state: CaseState, action: Action, ctx: TransitionContext): TransitionResult {
  if (state.stage === 'done' || state.stage === 'closed') {
    return { ok: false, code: 'finished', messageZh: '该事项已办结', messageEn: 'The case is finished' };
  }
  const actors = STAGE_ACTORS[state.stage];
  if (!actors.roles.includes(ctx.role)) {
    return {
      ok: false,
      code: 'notYourStage',
      messageZh: `「${STAGE_LABELS[state.stage]}」环节应由${actors.level === 'village' ? '村级' : actors.level === 'township' ? '乡镇' : '县级'}办理`,
      messageEn: `The ${state.stage} stage is handled at ${actors.level} level`,
    };
  }
  if (action === 'close') return { ok: true, next: 'closed' };
  if (action === 'reject') {
    if (state.stage === 'verification')
      return {
        ok: false,
        code: 'cannotReject',
        messageZh: '入户核实环节不能退回，可终止',
        messageEn: 'Verification cannot be returned; close it instead',
      };
    return { ok: true, next: 'verification' };
  }
  if (state.stage === 'publicNotice') {
    const earliest = noticeEndsOn(state.noticeStartedOn ?? ctx.today, ctx.noticeDays);
    if (!state.noticeStartedOn || ctx.today < earliest) {
      return {
        ok: false,
        code: 'noticeNotOver',
        opensOn: state.noticeStartedOn ? earliest : null,
        messageZh: `公示期不少于${ctx.noticeDays}天，${earliest}起方可结束公示`,
        messageEn: `The notice must hang ${ctx.noticeDays} days; it can end from ${earliest}`,
      };
    }
  }
  const stages = STAGES[state.kind];
  return { ok: true, next: stages[stages.indexOf(state.stage) + 1] };
}

export type DueStatus = 'onTime' | 'nearDue' | 'overdue';
/** Days left at or under which a case is near due (the list's filter in SQL uses the same number). */
export const NEAR_DUE_DAYS = 3;

/**
 * The time limit from the first clue to the county decision (workflow.identificationDays, calendar days).
 * `decidedOn` stops the clock. Near due: `nearDays` or fewer left.
 */
export function timeLimit(
  clueOn: string,
  asOf: string,
  limitDays: number,
  decidedOn: string | null = null,
  nearDays = NEAR_DUE_DAYS,
) {
  const end = decidedOn ?? asOf;
  const elapsed = daysBetween(clueOn, end);
  const remaining = limitDays - elapsed;
  const status: DueStatus = remaining < 0 ? 'overdue' : remaining <= nearDays ? 'nearDue' : 'onTime';
  return { elapsed, remaining, dueOn: noticeEndsOn(clueOn, limitDays), status };
}
