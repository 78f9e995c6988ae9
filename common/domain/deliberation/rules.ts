import { atLeast, moreThan, toFraction } from '../funds/fraction.ts';

// 四议两公开 (policy-rules §8) as a reusable record: the four deliberations in order, then the two
// disclosures. The system checks every step as it is recorded and refuses an out-of-order or failing one:
//  1 村党组织提议 → 2 村"两委"会议商议 (merged with 1 when 书记 and 主任 are one person, "一肩挑")
//  → 3 党员大会审议: attendance ≥ deliberation.partyAttendance of members; passed by more than
//    deliberation.passShare of those due to attend → 4 村民会议 or 村民代表会议 with the legal quorum
//    (村民委员会组织法 arts. 22, 26; see MEETING_KINDS) → 决议公开 → 实施结果公开.
// "过半数" is strictly more than half; "三分之二以上" includes two thirds itself (民法典 art. 1259:
// 以上 includes the number), as for the party meeting.

export const DELIBERATION_STEPS = [
  'proposal',
  'committee',
  'partyMeeting',
  'villagersMeeting',
  'resolutionPublished',
  'resultPublished',
] as const;
export type DeliberationStep = (typeof DELIBERATION_STEPS)[number];

export const STEP_LABELS: Record<DeliberationStep, { zh: string; en: string }> = {
  proposal: { zh: '村党组织提议', en: 'Party branch proposal' },
  committee: { zh: '村"两委"会议商议', en: 'Two committees deliberation' },
  partyMeeting: { zh: '党员大会审议', en: "Party members' meeting" },
  villagersMeeting: { zh: '村民（代表）会议决议', en: "Villagers' (representatives') meeting" },
  resolutionPublished: { zh: '决议公开', en: 'Resolution published' },
  resultPublished: { zh: '实施结果公开', en: 'Result published' },
};

export const PROPOSAL_ORIGINS = ['masses', 'cadres', 'superior'] as const;
export const PROPOSAL_ORIGIN_LABELS: Record<(typeof PROPOSAL_ORIGINS)[number], string> = {
  masses: '群众建议',
  cadres: '村干部提议',
  superior: '上级安排',
};

export type DeliberationStatus = 'inProgress' | 'failed' | 'resolved' | 'published' | 'completed';
export const STATUS_LABELS: Record<DeliberationStatus, { zh: string; en: string }> = {
  inProgress: { zh: '进行中', en: 'In progress' },
  failed: { zh: '未通过', en: 'Not passed' },
  resolved: { zh: '已决议', en: 'Resolved' },
  published: { zh: '决议已公开', en: 'Resolution published' },
  completed: { zh: '结果已公开', en: 'Result published' },
};

/**
 * The meeting that takes the decision (step 4), and what its 应到 counts:
 * - villagers: 村民会议 of 本村十八周岁以上村民; opens with more than deliberation.villagersQuorum (1/2) of them (art. 22);
 * - householdRepresentatives: 村民会议 of one representative per household; opens with at least
 *   deliberation.householdsQuorum (2/3) of the households (art. 22, "三分之二以上的户的代表");
 *   both decide by more than passShare of those present ("到会人员的过半数");
 * - representatives: 村民代表会议; opens with at least deliberation.representativesQuorum (2/3) of its members (art. 26),
 *   decides by more than passShare of all members or of those present (deliberation.representativesPassBase).
 */
export const MEETING_KINDS = ['villagers', 'householdRepresentatives', 'representatives'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, { zh: string; en: string; expectedZh: string }> = {
  villagers: {
    zh: '村民会议（十八周岁以上村民）',
    en: "Villagers' meeting (adult villagers)",
    expectedZh: '本村十八周岁以上村民数',
  },
  householdRepresentatives: {
    zh: '村民会议（户代表）',
    en: "Villagers' meeting (one per household)",
    expectedZh: '本村户数',
  },
  representatives: {
    zh: '村民代表会议',
    en: "Villagers' representatives' meeting",
    expectedZh: '村民代表会议组成人员数',
  },
};

export interface StepRecord {
  step: DeliberationStep;
  heldOn: string;
  content: string;
  /** 应到 / 实到 (meetings). */
  expected?: number | null;
  present?: number | null;
  votesFor?: number | null;
  votesAgainst?: number | null;
  /** villagersMeeting: 村民会议 (adults or household representatives) or 村民代表会议. */
  meetingKind?: MeetingKind | null;
  /** proposal: 动议事由. */
  origin?: (typeof PROPOSAL_ORIGINS)[number] | null;
  /** committee: merged with the proposal (一肩挑). */
  merged?: boolean | null;
  townshipAttendee?: string | null;
}

export interface VoteParams {
  /** deliberation.partyAttendance (2/3). */
  partyAttendance: number;
  /** deliberation.passShare (1/2, passed by MORE than this share). */
  passShare: number;
  /** deliberation.villagersQuorum (1/2): 村民会议 opens with MORE than this share of adult villagers. */
  villagersQuorum: number;
  /** deliberation.householdsQuorum (2/3): a 户代表 村民会议 opens with AT LEAST this share of households. */
  householdsQuorum: number;
  /** deliberation.representativesQuorum (2/3): 村民代表会议 opens with AT LEAST this share of its members. */
  representativesQuorum: number;
  /** deliberation.representativesPassBase: a 村民代表会议 majority counts over all members or those present. */
  representativesPassBase: 'all' | 'present';
}

export interface StepVerdict {
  ok: boolean;
  /** The step was recorded but the vote failed: the whole record ends as not passed. */
  passed: boolean;
  errors: { field: string; messageZh: string; messageEn: string }[];
}

const MEETINGS: readonly DeliberationStep[] = ['partyMeeting', 'villagersMeeting'];

/** Next step expected after the recorded ones (null when complete or failed). */
export function nextStep(recorded: readonly StepRecord[], failed = false): DeliberationStep | null {
  if (failed) return null;
  const i = recorded.length;
  return i < DELIBERATION_STEPS.length ? DELIBERATION_STEPS[i] : null;
}

/** Checks one step against the ones already recorded. Shape errors refuse it; a failed vote is recorded as failed. */
export function checkStep(recorded: readonly StepRecord[], s: StepRecord, params: VoteParams): StepVerdict {
  const errors: StepVerdict['errors'] = [];
  const err = (field: string, zh: string, en: string) => errors.push({ field, messageZh: zh, messageEn: en });
  const failedBefore = recorded.some((r) => !stepPassed(r, params));
  const expectedStep = nextStep(recorded, failedBefore);
  if (expectedStep === null) {
    err(
      'step',
      failedBefore ? '表决未通过，本次议事已结束' : '四议两公开已全部完成',
      failedBefore ? 'A vote failed; this record is closed' : 'All steps are recorded',
    );
    return { ok: false, passed: false, errors };
  }
  if (s.step !== expectedStep)
    err('step', `应先完成「${STEP_LABELS[expectedStep].zh}」`, `Next step is ${expectedStep}`);
  const prev = recorded[recorded.length - 1];
  if (prev && s.heldOn < prev.heldOn) err('heldOn', '日期不得早于上一环节', 'Date is before the previous step');
  if (!s.content.trim()) err('content', '请填写议事内容', 'Content is required');
  if (s.step === 'proposal' && !s.origin) err('origin', '请选择动议事由', 'Choose the origin of the proposal');
  if (MEETINGS.includes(s.step)) {
    const { expected, present, votesFor, votesAgainst } = s;
    if (!expected || expected <= 0) err('expected', '请填写应到人数', 'Expected attendance is required');
    if (present == null || present < 0) err('present', '请填写实到人数', 'Attendance is required');
    if (expected && present != null && present > expected)
      err('present', '实到人数不能超过应到人数', 'Attendance exceeds the expected number');
    if (votesFor == null || votesFor < 0) err('votesFor', '请填写赞成票数', 'Votes for are required');
    if (present != null && votesFor != null && votesFor + (votesAgainst ?? 0) > present)
      err('votesFor', '赞成与反对票之和不能超过实到人数', 'Votes exceed attendance');
    if (s.step === 'villagersMeeting' && !s.meetingKind)
      err('meetingKind', '请选择村民会议或村民代表会议', "Choose villagers' or representatives' meeting");
  }
  if (errors.length) return { ok: false, passed: false, errors };
  return { ok: true, passed: stepPassed(s, params), errors };
}

export interface VoteOutcome {
  attendanceMet: boolean;
  majorityMet: boolean;
}

/** The vote rules of §8 for the two meetings, exact fractions. */
export function voteOutcome(s: StepRecord, params: VoteParams): VoteOutcome {
  const expected = s.expected ?? 0;
  const present = s.present ?? 0;
  const votesFor = s.votesFor ?? 0;
  const pass = toFraction(params.passShare);
  if (s.step === 'partyMeeting') {
    return {
      attendanceMet: expected > 0 && atLeast(present, expected, toFraction(params.partyAttendance)),
      majorityMet: expected > 0 && moreThan(votesFor, expected, pass),
    };
  }
  if (s.step === 'villagersMeeting') {
    const majorityOf = (base: number) => base > 0 && moreThan(votesFor, base, pass);
    if (s.meetingKind === 'representatives') {
      return {
        attendanceMet: expected > 0 && atLeast(present, expected, toFraction(params.representativesQuorum)),
        majorityMet: majorityOf(params.representativesPassBase === 'all' ? expected : present),
      };
    }
    const attendanceMet =
      expected > 0 &&
      (s.meetingKind === 'householdRepresentatives'
        ? atLeast(present, expected, toFraction(params.householdsQuorum))
        : moreThan(present, expected, toFraction(params.villagersQuorum)));
    return { attendanceMet, majorityMet: majorityOf(present) };
  }
  return { attendanceMet: true, majorityMet: true };
}

export function stepPassed(s: StepRecord, params: VoteParams): boolean {
  const o = voteOutcome(s, params);
  return o.attendanceMet && o.majorityMet;
}

export function deliberationStatus(recorded: readonly StepRecord[], params: VoteParams): DeliberationStatus {
  if (recorded.some((r) => !stepPassed(r, params))) return 'failed';
  const done = new Set(recorded.map((r) => r.step));
  if (done.has('resultPublished')) return 'completed';
  if (done.has('resolutionPublished')) return 'published';
  if (done.has('villagersMeeting')) return 'resolved';
  return 'inProgress';
}

/** A decision others may rely on (project declaration, asset income): resolved by vote and the resolution published. */
export function isDecided(status: DeliberationStatus): boolean {
  return status === 'published' || status === 'completed';
}
