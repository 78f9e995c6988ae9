import { describe, expect, it } from 'vitest';
import { hireErrors, monthErrors, type HireFacts } from './eligibility.ts';

const limits = { minHireAge: 16, maxHireAge: 60, maxPerHousehold: 1 };
const ok: HireFacts = {
  householdKind: 'alleviated',
  monitoringStatus: 'none',
  labourSkill: 'ordinary',
  birthDate: '1970-05-10',
  hiredOn: '2026-03-01',
  activeHiresInHousehold: 0,
  personHasPost: false,
  cadreFamily: false,
};
const fields = (f: Partial<HireFacts>) => hireErrors({ ...ok, ...f }, limits).map((e) => e.field);

describe('公益岗位 hire eligibility (policy-rules §4.3, §3.6)', () => {
  it('accepts a 脱贫户 labourer of 55', () => {
    expect(hireErrors(ok, limits)).toEqual([]);
  });

  it.each([
    // [case, facts, expected error fields]
    ['monitored ordinary household', { householdKind: 'ordinary', monitoringStatus: 'monitored' }, []],
    ['ordinary household, not monitored', { householdKind: 'ordinary', monitoringStatus: 'none' }, ['personId']],
    ['ordinary household, eliminated', { householdKind: 'ordinary', monitoringStatus: 'eliminated' }, ['personId']],
    ['weak labour counts as labour', { labourSkill: 'weak' }, []],
    ['no labour', { labourSkill: 'none' }, ['personId']],
    ['lost labour', { labourSkill: 'lost' }, ['personId']],
    // age boundaries: inclusive at both ends, completed years on the hire day
    ['exactly 60 on the hire day', { birthDate: '1966-03-01' }, []],
    ['61 the day before … turned 61 on the hire day', { birthDate: '1965-03-01' }, ['hiredOn']],
    ['60 and 364 days', { birthDate: '1965-03-02' }, []],
    ['exactly 16 on the hire day', { birthDate: '2010-03-01' }, []],
    ['one day short of 16', { birthDate: '2010-03-02' }, ['hiredOn']],
    ['no birth date', { birthDate: null }, ['personId']],
    // household cap: fewer than maxPerHousehold already
    ['household already holds one post', { activeHiresInHousehold: 1 }, ['personId']],
    ['person already on a post', { personHasPost: true, activeHiresInHousehold: 1 }, ['personId', 'personId']],
    ['cadre family declared', { cadreFamily: true }, ['cadreFamily']],
  ] as const)('%s', (_, facts, expected) => {
    expect(fields(facts as Partial<HireFacts>)).toEqual(expected);
  });

  it('a county that allows two posts per household accepts the second', () => {
    expect(hireErrors({ ...ok, activeHiresInHousehold: 1 }, { ...limits, maxPerHousehold: 2 })).toEqual([]);
    expect(hireErrors({ ...ok, activeHiresInHousehold: 2 }, { ...limits, maxPerHousehold: 2 })).toHaveLength(1);
  });
});

describe('在岗领补: a month of attendance and subsidy', () => {
  it.each([
    ['28 days in February 2026', { period: '2026-02', daysWorked: 28, subsidyFen: 50_000 }, []],
    ['29 days in February 2026', { period: '2026-02', daysWorked: 29, subsidyFen: 50_000 }, ['daysWorked']],
    ['29 days in February 2028 (leap)', { period: '2028-02', daysWorked: 29, subsidyFen: 50_000 }, []],
    ['subsidy equal to the monthly subsidy', { period: '2026-03', daysWorked: 31, subsidyFen: 60_000 }, []],
    ['one fen above it', { period: '2026-03', daysWorked: 31, subsidyFen: 60_001 }, ['subsidyFen']],
  ] as const)('%s', (_, m, expected) => {
    expect(monthErrors(m, 60_000).map((e) => e.field)).toEqual(expected);
  });
});
