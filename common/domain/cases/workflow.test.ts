import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles.ts';
import { STAGES, STAGE_ACTORS, noticeEndsOn, timeLimit, transition, type CaseKind, type Stage } from './workflow.ts';

const ctx = (role: Role, today = '2026-11-20') => ({ role, today, noticeDays: 5 });
const state = (kind: CaseKind, stage: Stage, noticeStartedOn: string | null = null) => ({
  kind,
  stage,
  noticeStartedOn,
});

// Who acts at each stage, written out from policy-rules.md §1.6 (and §1.8, which mirrors it), not read
// from STAGE_ACTORS: 入户核实, 民主评议 and 村内公示 are the village's ("held once, in the village only");
// 乡镇初审/审核 the township's; 县级审定/审批 the county's (staff or the county administrator); 结果公告
// "in the village, in the name of the township". 信息比对 (永城: "via the county 乡村振兴部门") is
// recorded by the township from the departments' results; the county checks it at 县级审定 (§1.6 step 5).
const EXPECTED_ACTORS: Record<Exclude<Stage, 'done' | 'closed'>, readonly Role[]> = {
  verification: ['villageOfficer'],
  comparison: ['townshipStaff'],
  villageReview: ['villageOfficer'],
  publicNotice: ['villageOfficer'],
  townshipReview: ['townshipStaff'],
  countyApproval: ['countyStaff', 'countyAdmin'],
  announcement: ['townshipStaff'],
};

describe('every stage × every role (legal and illegal transitions)', () => {
  const cases = (['identification', 'elimination'] as const).flatMap((kind) =>
    STAGES[kind].filter((s) => s !== 'done').flatMap((stage) => ROLES.map((role) => [kind, stage, role] as const)),
  );
  it('the table of actors is the documented one', () => {
    expect(Object.fromEntries(Object.entries(STAGE_ACTORS).map(([stage, a]) => [stage, [...a.roles].sort()]))).toEqual(
      Object.fromEntries(Object.entries(EXPECTED_ACTORS).map(([stage, roles]) => [stage, [...roles].sort()])),
    );
  });

  it.each(cases)('%s / %s / %s', (kind, stage, role) => {
    const allowed = EXPECTED_ACTORS[stage as Exclude<Stage, 'done' | 'closed'>].includes(role);
    const s = state(kind, stage, stage === 'publicNotice' ? '2026-11-01' : null);
    const r = transition(s, 'complete', ctx(role));
    if (!allowed) {
      expect(r).toMatchObject({ ok: false, code: 'notYourStage' });
      return;
    }
    const stages = STAGES[kind];
    expect(r).toEqual({ ok: true, next: stages[stages.indexOf(stage) + 1] });
    expect(transition(s, 'close', ctx(role))).toEqual({ ok: true, next: 'closed' });
    expect(transition(s, 'reject', ctx(role))).toEqual(
      stage === 'verification'
        ? expect.objectContaining({ ok: false, code: 'cannotReject' })
        : { ok: true, next: 'verification' },
    );
  });

  it('the procedures are the documented ones', () => {
    expect(STAGES.identification).toEqual([
      'verification',
      'comparison',
      'villageReview',
      'publicNotice',
      'townshipReview',
      'countyApproval',
      'announcement',
      'done',
    ]);
    expect(STAGES.elimination).not.toContain('comparison');
  });

  it('nothing moves a finished case', () => {
    for (const stage of ['done', 'closed'] as const) {
      expect(transition(state('identification', stage), 'complete', ctx('countyAdmin'))).toMatchObject({
        ok: false,
        code: 'finished',
      });
    }
  });
});

describe('the public notice hangs at least the parameter days', () => {
  it.each([
    ['2026-11-01', '2026-11-05', false],
    ['2026-11-01', '2026-11-06', true],
    ['2026-11-28', '2026-12-02', false], // across a month end
    ['2026-11-28', '2026-12-03', true],
    ['2026-12-30', '2027-01-04', true], // across a year end
  ])('started %s, ending on %s allowed: %s', (started, today, ok) => {
    const r = transition(state('identification', 'publicNotice', started), 'complete', ctx('villageOfficer', today));
    expect(r.ok).toBe(ok);
    if (!ok)
      expect(r).toMatchObject({
        code: 'noticeNotOver',
        opensOn: noticeEndsOn(started, 5),
        messageZh: expect.stringContaining(noticeEndsOn(started, 5)),
      });
  });

  it('a notice that never started cannot end', () => {
    expect(transition(state('identification', 'publicNotice', null), 'complete', ctx('villageOfficer'))).toMatchObject({
      ok: false,
      code: 'noticeNotOver',
      opensOn: null,
    });
  });
});

describe('the 15-day limit from the first clue, in calendar days', () => {
  it.each([
    ['2026-11-01', '2026-11-10', 9, 6, 'onTime'],
    ['2026-11-01', '2026-11-13', 12, 3, 'nearDue'],
    ['2026-11-01', '2026-11-16', 15, 0, 'nearDue'],
    ['2026-11-01', '2026-11-17', 16, -1, 'overdue'],
    ['2026-01-25', '2026-02-09', 15, 0, 'nearDue'], // across a month end
    ['2028-02-20', '2028-03-07', 16, -1, 'overdue'], // leap February
    ['2026-02-20', '2026-03-07', 15, 0, 'nearDue'], // ordinary February
    ['2026-12-20', '2027-01-04', 15, 0, 'nearDue'], // across the year end
    ['2026-12-20', '2027-01-05', 16, -1, 'overdue'],
    ['2026-09-28', '2026-10-08', 10, 5, 'onTime'], // the National Day holiday counts: calendar days, no holiday calendar
    ['2026-02-10', '2026-02-26', 16, -1, 'overdue'], // so does the Spring Festival
  ])('clue %s, as of %s: %d days elapsed, %d left, %s', (clue, asOf, elapsed, remaining, status) => {
    expect(timeLimit(clue, asOf, 15)).toMatchObject({ elapsed, remaining, status });
  });

  it('stops the clock at the decision', () => {
    expect(timeLimit('2026-11-01', '2026-12-31', 15, '2026-11-12')).toMatchObject({
      elapsed: 11,
      status: 'onTime',
      dueOn: '2026-11-16',
    });
  });
});
