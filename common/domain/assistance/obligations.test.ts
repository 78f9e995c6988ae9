import { describe, expect, it } from 'vitest';
import {
  addMonthsToDate,
  evaluateObligations,
  type ObligationHousehold,
  type ObligationMeasure,
} from './obligations.ts';

const params = { firstMeasureMonths: 1, developmentMeasureMonths: 6, riskMeasureMonths: 1 };
const household = (o: Partial<ObligationHousehold> = {}): ObligationHousehold => ({
  monitoringStatus: 'monitored',
  identificationPeriod: '2025-03',
  eliminationPeriod: null,
  labourCapable: false,
  risks: [],
  measures: [],
  ...o,
});
const measure = (o: Partial<ObligationMeasure> = {}): ObligationMeasure => ({
  id: 1,
  category: 'health',
  riskType: 'illness',
  status: 'ongoing',
  startOn: '2025-03-10',
  endOn: null,
  continuesAfterElimination: false,
  ...o,
});
const codes = (h: ObligationHousehold, asOf: string) => evaluateObligations(h, params, asOf).map((o) => o.code);

describe('one month is the same day next month, clamped to the month end', () => {
  it.each([
    ['2025-03-01', 1, '2025-04-01'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-03-01', 6, '2025-09-01'],
  ])('%s + %i months = %s', (from, months, expected) => expect(addMonthsToDate(from, months)).toBe(expected));
});

describe('no measure one month after identification (识别后1个月及以上未落实帮扶措施)', () => {
  it.each([
    // identified 2025-03 → day 1 is 2025-03-01; day 30 (03-31) fine, day 31 (04-01) overdue
    ['2025-03-31', false],
    ['2025-04-01', true],
    ['2025-05-20', true],
  ])('as of %s: overdue %s', (asOf, overdue) => expect(codes(household(), asOf).includes('noMeasure')).toBe(overdue));

  it('February identification: 28 days later is already a month (2025-03-01)', () => {
    expect(codes(household({ identificationPeriod: '2025-02' }), '2025-02-28')).not.toContain('noMeasure');
    expect(codes(household({ identificationPeriod: '2025-02' }), '2025-03-01')).toContain('noMeasure');
  });

  it.each([
    ['ongoing', '2025-03-31', false],
    ['completed', '2025-03-31', false],
    ['planned', '2025-03-31', true],
    ['stopped', '2025-03-31', true],
    // started after the day asked about: not yet in place then
    ['ongoing', '2025-04-02', true],
  ] as const)('a %s measure started %s clears it (as of 04-01): still overdue %s', (status, startOn, overdue) => {
    expect(codes(household({ measures: [measure({ status, startOn })] }), '2025-04-01').includes('noMeasure')).toBe(
      overdue,
    );
  });

  it('only monitored households: none and eliminated are never asked', () => {
    expect(codes(household({ monitoringStatus: 'none' }), '2026-01-01')).toEqual([]);
    expect(codes(household({ monitoringStatus: 'eliminated', eliminationPeriod: '2025-09' }), '2026-01-01')).toEqual(
      [],
    );
  });

  it('the months are a parameter', () => {
    expect(evaluateObligations(household(), { ...params, firstMeasureMonths: 2 }, '2025-04-30')).toEqual([]);
    expect(
      evaluateObligations(household(), { ...params, firstMeasureMonths: 2 }, '2025-05-01').map((o) => o.code),
    ).toEqual(['noMeasure']);
  });
});

describe('labour-capable households need a development measure six months after identification (5_12_007)', () => {
  const health = measure({ category: 'health', startOn: '2025-03-05' });
  it.each([
    [true, [health], '2025-08-31', false],
    [true, [health], '2025-09-01', true],
    [false, [health], '2025-09-01', false],
    [
      true,
      [health, measure({ id: 2, category: 'employment', riskType: 'illness', startOn: '2025-06-01' })],
      '2025-09-01',
      false,
    ],
    [true, [health, measure({ id: 2, category: 'finance', status: 'planned' })], '2025-09-01', true],
    [true, [health, measure({ id: 2, category: 'publicWelfarePost' })], '2025-12-01', false],
    [true, [health, measure({ id: 2, category: 'comprehensiveSecurity' })], '2025-12-01', true],
  ])('labour %s, measures %#, as of %s: overdue %s', (labourCapable, measures, asOf, overdue) => {
    expect(codes(household({ labourCapable, measures }), asOf).includes('noDevelopmentMeasure')).toBe(overdue);
  });
});

describe('a risk with no measure for a month', () => {
  const risks = [
    { riskType: 'illness', since: '2025-03-01' },
    // a later risk (a visit's clue on 2025-05-20) counts from its own day
    { riskType: 'unsafeHousing', since: '2025-05-20' },
  ];
  const h = household({ risks, measures: [measure({ riskType: 'illness' })] });
  const riskCodes = (asOf: string) =>
    evaluateObligations(h, params, asOf)
      .filter((o) => o.code === 'riskWithoutMeasure')
      .map((o) => o.riskType);
  it.each([
    ['2025-06-19', []],
    ['2025-06-20', ['unsafeHousing']],
  ])('as of %s', (asOf, expected) => expect(riskCodes(asOf)).toEqual(expected));

  it('a risk begun before identification counts from identification', () => {
    const early = household({ risks: [{ riskType: 'illness', since: '2025-02-10' }] });
    expect(codes(early, '2025-03-31')).not.toContain('riskWithoutMeasure');
    expect(codes(early, '2025-04-01')).toContain('riskWithoutMeasure');
  });
});

describe('measures continuing past elimination only where allowed (§1.8)', () => {
  const eliminated = (m: ObligationMeasure) =>
    household({ monitoringStatus: 'eliminated', eliminationPeriod: '2025-09', measures: [m] });
  const loan = measure({
    category: 'finance',
    riskType: 'failedBusiness',
    continuesAfterElimination: true,
    endOn: '2026-03-31',
  });
  it.each([
    ['a health measure, in the elimination month', measure(), '2025-09-30', false],
    ['a health measure, the month after', measure(), '2025-10-01', true],
    ['a completed measure', measure({ status: 'completed' }), '2026-01-01', false],
    ['a stopped measure', measure({ status: 'stopped' }), '2026-01-01', false],
    ['a loan to its contract end', loan, '2026-03-31', false],
    ['a loan past its contract end', loan, '2026-04-01', true],
    ['a loan without an end date', { ...loan, endOn: null }, '2025-10-01', true],
  ])('%s (as of %s): warning %s', (_name, m, asOf, warned) => {
    expect(codes(eliminated(m), asOf).includes('continuesAfterElimination')).toBe(warned);
  });
  it('the loan is overdue from the day after its end', () => {
    expect(evaluateObligations(eliminated(loan), params, '2026-05-01')[0]).toMatchObject({
      code: 'continuesAfterElimination',
      dueOn: '2026-04-01',
      measureId: 1,
    });
  });
});
