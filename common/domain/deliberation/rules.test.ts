import { describe, expect, it } from 'vitest';
import { checkStep, deliberationStatus, isDecided, voteOutcome, type StepRecord } from './rules.ts';

// 四议两公开 vote rules (policy-rules §8): party meeting attendance ≥ 2/3 and passed by more than half
// of those due to attend; villagers' meeting more than half of attendees, representatives' meeting
// more than half of all representatives.

const params = { partyAttendance: 2 / 3, passShare: 0.5 };
const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}`;
const proposal: StepRecord = { step: 'proposal', heldOn: day(1), content: '建设光伏电站', origin: 'cadres' };
const committee: StepRecord = { step: 'committee', heldOn: day(2), content: '两委商议同意' };
const party = (expected: number, present: number, votesFor: number): StepRecord => ({ step: 'partyMeeting', heldOn: day(3), content: '党员大会审议', expected, present, votesFor, votesAgainst: 0 });
const villagers = (meetingKind: 'villagers' | 'representatives', expected: number, present: number, votesFor: number): StepRecord => ({
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

describe("villagers' meeting", () => {
  it.each([
    ['villagers: 50 of 100 attendees', 'villagers', 300, 100, 50, false],
    ['villagers: 51 of 100 attendees', 'villagers', 300, 100, 51, true],
    ['representatives: 20 of 40 (all), 30 present', 'representatives', 40, 30, 20, false],
    ['representatives: 21 of 40', 'representatives', 40, 30, 21, true],
  ] as const)('%s', (_, kind, expected, present, votesFor, majorityMet) => {
    expect(voteOutcome(villagers(kind, expected, present, votesFor), params).majorityMet).toBe(majorityMet);
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
    expect(checkStep(steps, villagers('villagers', 100, 80, 70), params).ok).toBe(false);
  });
});
