import { describe, expect, it } from 'vitest';
import { checkStep, deliberationStatus, isDecided, voteOutcome, type MeetingKind, type StepRecord } from './rules.ts';

// 四议两公开 vote rules (policy-rules §8): party meeting attendance ≥ 2/3 and passed by more than half
// of those due to attend. Step 4 per 村民委员会组织法: 村民会议 needs more than half of the adult villagers
// (art. 22) or at least two thirds of the households' representatives ("三分之二以上" includes 2/3), decided by
// more than half of those present; 村民代表会议 needs at least two thirds of its members (art. 26), decided by
// more than half of all members (policy-rules §8; parameter representativesPassBase) or of those present.

const params = {
  partyAttendance: 2 / 3,
  passShare: 0.5,
  villagersQuorum: 0.5,
  householdsQuorum: 2 / 3,
  representativesQuorum: 2 / 3,
  representativesPassBase: 'all' as const,
};
const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}`;
const proposal: StepRecord = { step: 'proposal', heldOn: day(1), content: '建设光伏电站', origin: 'cadres' };
const committee: StepRecord = { step: 'committee', heldOn: day(2), content: '两委商议同意' };
const party = (expected: number, present: number, votesFor: number): StepRecord => ({
  step: 'partyMeeting',
  heldOn: day(3),
  content: '党员大会审议',
  expected,
  present,
  votesFor,
  votesAgainst: 0,
});
const villagers = (meetingKind: MeetingKind, expected: number, present: number, votesFor: number): StepRecord => ({
  step: 'villagersMeeting',
  heldOn: day(4),
  content: '村民代表会议决议',
  expected,
  present,
  votesFor,
  votesAgainst: 0,
  meetingKind,
});

describe('party members meeting', () => {
  it.each([
    ['30 members, 19 present (below 2/3)', 30, 19, 19, false, true],
    ['30 members, 20 present (exactly 2/3)', 30, 20, 16, true, true],
    ['30 members, 21 present', 30, 21, 16, true, true],
    ['15 votes of 30 due (exactly half: not more)', 30, 25, 15, true, false],
    ['16 votes of 30 due', 30, 25, 16, true, true],
    ['29 members, 19 present (65.5 %)', 29, 19, 19, false, true],
  ])('%s', (_, expected, present, votesFor, attendanceMet, majorityMet) => {
    expect(voteOutcome(party(expected, present, votesFor), params)).toEqual({ attendanceMet, majorityMet });
  });
});

describe("villagers' meeting (art. 22: adults; more than half must attend)", () => {
  it.each([
    ['300 adults, 150 present (exactly half: not more)', 300, 150, 140, false, true],
    ['300 adults, 151 present (half + 1)', 300, 151, 140, true, true],
    ['301 adults, 150 present (below half)', 301, 150, 140, false, true],
    ['301 adults, 151 present', 301, 151, 140, true, true],
    ['decided by 75 of 151 present (not more than half)', 300, 151, 75, true, false],
    ['decided by 76 of 151 present', 300, 151, 76, true, true],
    ['nobody expected', 0, 0, 0, false, false],
  ] as const)('%s', (_, expected, present, votesFor, attendanceMet, majorityMet) => {
    expect(voteOutcome(villagers('villagers', expected, present, votesFor), params)).toEqual({
      attendanceMet,
      majorityMet,
    });
  });
});

describe("villagers' meeting of household representatives (art. 22: two thirds of households)", () => {
  it.each([
    ['90 households, 59 present (2/3 − 1)', 90, 59, 50, false, true],
    ['90 households, 60 present (exactly 2/3)', 90, 60, 50, true, true],
    ['90 households, 61 present (2/3 + 1)', 90, 61, 50, true, true],
    ['91 households, 60 present (65.9 %)', 91, 60, 50, false, true],
    ['decided by 30 of 60 present (exactly half)', 90, 60, 30, true, false],
    ['decided by 31 of 60 present', 90, 60, 31, true, true],
  ] as const)('%s', (_, expected, present, votesFor, attendanceMet, majorityMet) => {
    expect(voteOutcome(villagers('householdRepresentatives', expected, present, votesFor), params)).toEqual({
      attendanceMet,
      majorityMet,
    });
  });
});

describe("representatives' meeting (art. 26: two thirds of members)", () => {
  it.each([
    ['30 members, 19 present (2/3 − 1)', 30, 19, 19, false, true],
    ['30 members, 20 present (exactly 2/3)', 30, 20, 16, true, true],
    ['30 members, 21 present (2/3 + 1)', 30, 21, 16, true, true],
    ['decided by 15 of 30 members (exactly half of all)', 30, 25, 15, true, false],
    ['decided by 16 of 30 members (half + 1)', 30, 25, 16, true, true],
    ['40 members: 20 for, 30 present (half of all, more than half present)', 40, 30, 20, true, false],
  ] as const)('%s', (_, expected, present, votesFor, attendanceMet, majorityMet) => {
    expect(voteOutcome(villagers('representatives', expected, present, votesFor), params)).toEqual({
      attendanceMet,
      majorityMet,
    });
  });

  it('counts the majority over those present when the county sets representativesPassBase = present', () => {
    const present = { ...params, representativesPassBase: 'present' as const };
    expect(voteOutcome(villagers('representatives', 40, 30, 15), present).majorityMet).toBe(false);
    expect(voteOutcome(villagers('representatives', 40, 30, 16), present).majorityMet).toBe(true);
  });

  it('a meeting without its quorum fails the record', () => {
    const steps = [proposal, committee, party(30, 25, 20)];
    expect(checkStep(steps, villagers('representatives', 30, 19, 19), params)).toMatchObject({
      ok: true,
      passed: false,
    });
    expect(deliberationStatus([...steps, villagers('representatives', 30, 19, 19)], params)).toBe('failed');
  });
});

describe('the record', () => {
  it('runs in order to completion', () => {
    const steps: StepRecord[] = [];
    for (const s of [proposal, committee, party(30, 25, 20), villagers('representatives', 40, 35, 30)]) {
      expect(checkStep(steps, s, params)).toMatchObject({ ok: true, passed: true });
      steps.push(s);
    }
    expect(deliberationStatus(steps, params)).toBe('resolved');
    expect(isDecided('resolved')).toBe(false);
    steps.push({ step: 'resolutionPublished', heldOn: day(5), content: '村务公开栏公示' });
    expect(deliberationStatus(steps, params)).toBe('published');
    expect(isDecided(deliberationStatus(steps, params))).toBe(true);
    steps.push({ step: 'resultPublished', heldOn: day(20), content: '实施结果公开' });
    expect(deliberationStatus(steps, params)).toBe('completed');
    expect(checkStep(steps, { step: 'resultPublished', heldOn: day(21), content: 'x' }, params).ok).toBe(false);
  });

  it('refuses a step out of order', () => {
    const v = checkStep([proposal], party(30, 25, 20), params);
    expect(v.ok).toBe(false);
    expect(v.errors[0].field).toBe('step');
  });

  it('refuses impossible counts', () => {
    const v = checkStep([proposal, committee], party(30, 31, 20), params);
    expect(v.errors.map((e) => e.field)).toContain('present');
    const w = checkStep([proposal, committee], { ...party(30, 25, 20), votesAgainst: 6 }, params);
    expect(w.errors.map((e) => e.field)).toContain('votesFor');
  });

  it('a failed vote closes the record as not passed', () => {
    const steps = [proposal, committee, party(30, 19, 19)];
    expect(checkStep(steps.slice(0, 2), steps[2], params)).toMatchObject({ ok: true, passed: false });
    expect(deliberationStatus(steps, params)).toBe('failed');
    expect(checkStep(steps, villagers('villagers', 150, 80, 70), params).ok).toBe(false);
  });
});
