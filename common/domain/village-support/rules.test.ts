import { describe, expect, it } from 'vitest';
import { contributionErrors } from './pairing.ts';
import { attendanceErrors, attendanceShortfall, lacksTeam, rotationErrors, teamRequiredFor } from './rules.ts';

// 沁发〔2021〕17号 §三(二): 重点帮扶村 (任务重的村), 易地扶贫搬迁安置点 → 第一书记和驻村工作队; 软弱涣散村 → 第一书记.
describe('teamRequiredFor / lacksTeam', () => {
  const none = { keyVillage: false, relocationSite: false, weakParty: false };
  it.each([
    [none, false, [], false],
    [none, true, [], false],
    [{ ...none, keyVillage: true }, false, ['keyVillage'], true],
    [{ ...none, keyVillage: true }, true, ['keyVillage'], false],
    [{ ...none, relocationSite: true }, false, ['relocationSite'], true],
    [{ ...none, weakParty: true }, false, ['weakParty'], true],
    [
      { keyVillage: true, relocationSite: true, weakParty: true },
      false,
      ['keyVillage', 'relocationSite', 'weakParty'],
      true,
    ],
  ])('%o, team in place %s → %o, lacking %s', (flags, hasTeam, reasons, lacking) => {
    expect(teamRequiredFor(flags)).toEqual(reasons);
    expect(lacksTeam(flags, hasTeam)).toBe(lacking);
  });
});

describe('attendanceShortfall (minimum: parameter residentTeams.minDaysPerMonth)', () => {
  it.each([
    [22, 20, 0],
    [20, 20, 0],
    [19, 20, 1],
    [0, 20, 20],
    [15, 18, 3],
  ])('%i days against %i → %i short', (days, min, short) => expect(attendanceShortfall(days, min)).toBe(short));
});

describe('attendanceErrors', () => {
  const member = { joinedOn: '2025-03-10', leftOn: '2026-06-30' };
  const today = '2026-12-06';
  it.each([
    ['2026-02', 28, []],
    ['2026-02', 29, ['daysInVillage']],
    ['2024-02', 29, ['period']],
    ['2023-02', 29, ['daysInVillage', 'period']],
    ['2026-01', 31, []],
    ['2026-01', -1, ['daysInVillage']],
    ['2025-03', 10, []],
    ['2025-02', 10, ['period']],
    ['2026-06', 10, []],
    ['2026-07', 10, ['period']],
    ['2027-01', 10, ['period']],
  ])('%s with %i days → %o', (period, daysInVillage, fields) => {
    expect(attendanceErrors({ period, daysInVillage }, member, today).map((e) => e.field)).toEqual(fields);
  });
});

describe('rotationErrors', () => {
  const today = '2026-12-06';
  it.each([
    ['2026-06-30', '2026-07-01', []],
    ['2026-06-30', '2026-06-30', []],
    ['2026-06-30', '2026-06-29', ['next.startedOn']],
    ['2024-12-31', '2025-01-01', ['endedOn']],
    ['2026-12-07', '2026-12-07', ['endedOn']],
    ['2026-06-30', undefined, []],
  ])('ends %s, next starts %s → %o', (endedOn, nextStartedOn, fields) => {
    expect(rotationErrors({ startedOn: '2025-03-01' }, { endedOn, nextStartedOn }, today).map((e) => e.field)).toEqual(
      fields,
    );
  });
});

describe('contributionErrors (社会力量帮扶: funds, a project or jobs, within the pairing)', () => {
  const pairing = { startedOn: '2025-03-01', endedOn: '2025-12-31' };
  const today = '2026-12-06';
  it.each([
    [{ contributedOn: '2025-05-01', fundsFen: 100, jobs: 0 }, []],
    [{ contributedOn: '2025-05-01', fundsFen: 0, projectName: '大棚', jobs: 0 }, []],
    [{ contributedOn: '2025-05-01', fundsFen: 0, jobs: 3 }, []],
    [{ contributedOn: '2025-05-01', fundsFen: 0, projectName: '  ', jobs: 0 }, ['fundsFen']],
    [{ contributedOn: '2025-02-28', fundsFen: 100, jobs: 0 }, ['contributedOn']],
    [{ contributedOn: '2026-01-01', fundsFen: 100, jobs: 0 }, ['contributedOn']],
    [{ contributedOn: '2026-12-07', fundsFen: 100, jobs: 0 }, ['contributedOn']],
  ])('%o → %o', (input, fields) => {
    expect(contributionErrors(input, pairing, today).map((e) => e.field)).toEqual(fields);
  });
});
