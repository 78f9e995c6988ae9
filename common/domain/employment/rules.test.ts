import { describe, expect, it } from 'vitest';
import {
  jobLossOn,
  daysWorkedInMonth,
  employedInMonth,
  employmentFigures,
  monthsEmployed,
  stablyEmployed,
  workingAway,
  type PersonFacts,
  type Spell,
} from './rules.ts';

const P = { minDaysInMonth: 15, stableMonths: 6, stableWindowMonths: 12 };
const job = (startOn: string, endOn: string | null, placeKind: Spell['placeKind'] = 'county'): Spell => ({
  startOn,
  endOn,
  placeKind,
});

describe('days worked and employed in a month (employment.minDaysInMonth)', () => {
  it.each([
    // spells, month, days, employed at 15
    [[job('2026-03-17', null)], '2026-03', 15, true], // 17..31 = 15 days: the boundary counts
    [[job('2026-03-18', null)], '2026-03', 14, false], // one day short
    [[job('2026-02-14', null)], '2026-02', 15, true], // February 14..28
    [[job('2026-02-15', null)], '2026-02', 14, false],
    [[job('2026-01-01', '2026-03-15')], '2026-03', 15, true], // ended on the 15th, inclusive
    [[job('2026-01-01', '2026-03-14')], '2026-03', 14, false],
    // Two overlapping jobs count a day once: 1..10 and 5..14 = 14 days.
    [[job('2026-03-01', '2026-03-10'), job('2026-03-05', '2026-03-14')], '2026-03', 14, false],
    // Two jobs apart add up: 1..7 and 20..27 = 15 days.
    [[job('2026-03-01', '2026-03-07'), job('2026-03-20', '2026-03-27')], '2026-03', 15, true],
    [[job('2026-04-01', null)], '2026-03', 0, false], // starts after the month
    [[job('2025-01-01', '2026-02-28')], '2026-03', 0, false], // ended before
  ] as const)('%j in %s: %i days, employed %s', (spells, month, days, employed) => {
    expect(daysWorkedInMonth(spells, month)).toBe(days);
    expect(employedInMonth(spells, month, P.minDaysInMonth)).toBe(employed);
  });

  it('a minimum of 0 still needs one day', () => {
    expect(employedInMonth([], '2026-03', 0)).toBe(false);
    expect(employedInMonth([job('2026-03-31', null)], '2026-03', 0)).toBe(true);
  });
});

describe('stable employment (employment.stableMonths of employment.stableWindowMonths)', () => {
  it.each([
    // started on the 1st: employed from that month through March 2026
    ['2025-10-01', 6, true], // Oct..Mar = 6 months
    ['2025-11-01', 5, false],
    ['2025-10-17', 6, true], // October counts: 17..31 = 15 days
    ['2025-10-18', 5, false], // October: 14 days
    ['2024-01-01', 12, true], // the window caps at 12
  ] as const)('working since %s: %i months by 2026-03, stable %s', (start, months, stable) => {
    const spells = [job(start, null)];
    expect(monthsEmployed(spells, '2026-03', P)).toBe(months);
    expect(stablyEmployed(spells, '2026-03', P)).toBe(stable);
  });

  it('a job that ended more than a window ago does not count', () => {
    expect(monthsEmployed([job('2024-01-01', '2025-03-31')], '2026-03', P)).toBe(0);
    expect(monthsEmployed([job('2024-01-01', '2025-04-30')], '2026-03', P)).toBe(1);
  });
});

describe('figures: 就业率, 持证率, 外出务工人数', () => {
  const person = (labourSkill: string, spells: Spell[], trained = false, certified = false): PersonFacts => ({
    labourSkill,
    spells,
    trained,
    certified,
  });
  const people = [
    person('ordinary', [job('2026-01-01', null, 'outOfProvince')], true, true),
    person('weak', [job('2026-03-10', null, 'province')], true, false),
    person('skilled', [], false, false),
    person('none', [job('2026-01-01', null, 'county')], true, true), // not a labourer, but trained and certified
  ];

  it('counts labourers employed in the month, people away, certificates over the trained', () => {
    const f = employmentFigures(people, '2026-03', { minDaysInMonth: 15, certificateRateBase: 'trained' });
    expect(f.labourers).toBe(3);
    expect(f.employed).toBe(2); // the weak labourer's 10..31 = 22 days
    expect(f.employmentRate.rate).toBeCloseTo(2 / 3);
    expect(f.certificateRate).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(f.workingAway).toBe(2);
  });

  it('base labour: certificates of labourers over the labourers', () => {
    const f = employmentFigures(people, '2026-03', { minDaysInMonth: 15, certificateRateBase: 'labour' });
    expect(f.certificateRate).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
  });

  it('nobody in the base is no data, not 0 %', () => {
    const f = employmentFigures([], '2026-03', { minDaysInMonth: 15, certificateRateBase: 'trained' });
    expect(f.employmentRate.rate).toBeNull();
    expect(f.certificateRate.rate).toBeNull();
  });

  it('working away needs the month of work outside the county', () => {
    expect(workingAway([job('2026-03-20', null, 'province')], '2026-03', 15)).toBe(false);
    expect(workingAway([job('2026-03-01', null, 'county')], '2026-03', 15)).toBe(false);
    expect(workingAway([job('2026-03-17', null, 'outOfProvince')], '2026-03', 15)).toBe(true);
  });
});

describe('job loss in the data window (feeds UNEMPLOYMENT)', () => {
  const window = { from: '2026-06-01', to: '2026-08-31' };
  const job = (startOn: string, endOn: string | null) => ({ startOn, endOn });
  it.each([
    ['no jobs at all: nothing lost', [], null],
    ['still working', [job('2026-01-01', null)], null],
    ['ended inside the window, nothing after', [job('2026-01-01', '2026-07-15')], '2026-07-15'],
    ['ended on the first day of the window', [job('2026-01-01', '2026-06-01')], '2026-06-01'],
    ['ended the day before the window: not this window', [job('2026-01-01', '2026-05-31')], null],
    ['ended on the last day of the window: still worked that day', [job('2026-01-01', '2026-08-31')], null],
    ['ended, then a new job covers the last day', [job('2026-01-01', '2026-06-30'), job('2026-08-01', null)], null],
    [
      'a new job that ended too: the later end counts',
      [job('2026-01-01', '2026-06-30'), job('2026-07-10', '2026-08-20')],
      '2026-08-20',
    ],
    [
      'a job starting after the window does not cover it',
      [job('2026-01-01', '2026-07-01'), job('2026-09-01', null)],
      '2026-07-01',
    ],
  ] as [string, { startOn: string; endOn: string | null }[], string | null][])('%s', (_name, spells, lost) => {
    expect(jobLossOn(spells, window)).toBe(lost);
  });
});
