import { describe, expect, it } from 'vitest';
import type { Role } from '../roles.ts';
import { ENTRY_STAGES, entryTransition, statusTransition, type EntryStage } from './workflow.ts';
import { entryGaps } from './types.ts';

const ctx = (role: Role, today = '2026-04-10') => ({ role, today, noticeDays: 5 });
const ROLES: Role[] = [
  'countyAdmin',
  'countyStaff',
  'townshipStaff',
  'villageOfficer',
  'department',
  'cadre',
  'auditor',
];

// Who may complete each entry step (the legality table, per role).
const ALLOWED: Record<Exclude<EntryStage, 'admitted' | 'withdrawn'>, Role[]> = {
  declaration: ['villageOfficer'],
  villageNotice: ['villageOfficer'],
  townshipReview: ['townshipStaff'],
  townshipNotice: ['townshipStaff'],
  departmentReview: ['department', 'countyStaff'],
  countyApproval: ['countyStaff', 'countyAdmin'],
  countyNotice: ['countyStaff', 'countyAdmin'],
  announcement: ['countyStaff', 'countyAdmin'],
};

describe('entry workflow legality per role', () => {
  const cases = Object.entries(ALLOWED).flatMap(([stage, allowed]) =>
    ROLES.map((role) => [stage as EntryStage, role, allowed.includes(role)] as const),
  );
  it.each(cases)('%s by %s → allowed %s', (stage, role, allowed) => {
    const r = entryTransition({ stage, noticeStartedOn: '2026-04-01' }, 'complete', ctx(role));
    expect(r.ok).toBe(allowed);
    if (r.ok) expect(r.next).toBe(ENTRY_STAGES[ENTRY_STAGES.indexOf(stage) + 1]);
  });
});

describe('a township project is declared by the township', () => {
  it.each([
    ['villageOfficer', false],
    ['townshipStaff', true],
  ] as const)('%s', (role, ok) => {
    expect(
      entryTransition({ stage: 'declaration', noticeStartedOn: null }, 'complete', {
        ...ctx(role),
        projectLevel: 'township',
      }).ok,
    ).toBe(ok);
  });
});

describe('notices are timed', () => {
  it.each([
    ['day 4', '2026-04-05', false],
    ['day 5', '2026-04-06', true],
  ])('a notice from 04-01 ending on %s', (_, today, ok) => {
    expect(
      entryTransition(
        { stage: 'townshipNotice', noticeStartedOn: '2026-04-01' },
        'complete',
        ctx('townshipStaff', today),
      ).ok,
    ).toBe(ok);
  });
  it('three notices and one announcement lie between declaration and admission', () => {
    expect(ENTRY_STAGES.filter((s) => s.endsWith('Notice'))).toHaveLength(3);
    expect(ENTRY_STAGES).toContain('announcement');
  });
});

describe('reject and withdraw', () => {
  it('returns to the declaration', () =>
    expect(entryTransition({ stage: 'countyApproval', noticeStartedOn: null }, 'reject', ctx('countyStaff'))).toEqual({
      ok: true,
      next: 'declaration',
    }));
  it('a declaration cannot be returned', () =>
    expect(entryTransition({ stage: 'declaration', noticeStartedOn: null }, 'reject', ctx('villageOfficer')).ok).toBe(
      false,
    ));
  it('the township cannot withdraw', () =>
    expect(
      entryTransition({ stage: 'townshipReview', noticeStartedOn: null }, 'withdraw', ctx('townshipStaff')).ok,
    ).toBe(false));
  it('admitted is final', () =>
    expect(entryTransition({ stage: 'admitted', noticeStartedOn: null }, 'complete', ctx('countyAdmin')).ok).toBe(
      false,
    ));
});

describe('project status after entry', () => {
  it.each([
    ['admitted', 'implementing', 'townshipStaff', true],
    ['admitted', 'implementing', 'villageOfficer', false],
    ['admitted', 'accepted', 'countyStaff', false],
    ['implementing', 'accepted', 'countyStaff', true],
    ['implementing', 'accepted', 'townshipStaff', false],
    ['accepted', 'completed', 'countyAdmin', true],
    ['completed', 'cancelled', 'countyAdmin', false],
    ['reserve', 'implementing', 'countyAdmin', false],
    ['implementing', 'admitted', 'countyAdmin', false],
  ] as const)('%s → %s by %s: %s', (from, to, role, ok) => {
    expect(statusTransition(from, to, role).ok).toBe(ok);
  });
});

describe('entry exclusions', () => {
  it('refuses without 联农带农 or 绩效目标', () => {
    expect(entryGaps({ farmerLinkage: '', performanceTargets: [], budgetFen: 100 }).map((g) => g.field)).toEqual([
      'farmerLinkage',
      'performanceTargets',
    ]);
    expect(
      entryGaps({
        farmerLinkage: '务工带动 20 户',
        performanceTargets: [{ indicator: '带动脱贫户', value: '20 户' }],
        budgetFen: 100,
      }),
    ).toEqual([]);
  });
});
