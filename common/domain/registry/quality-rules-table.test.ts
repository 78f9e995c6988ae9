import { describe, expect, it } from 'vitest';
import { FIXTURE_TODAY, IDS, family, household, monitoredHousehold } from './fixtures.ts';
import type { Household, HouseholdIncome, Member } from './household.ts';
import {
  DEFAULT_QUALITY_PARAMS,
  QUALITY_RULES,
  runQualityChecks,
  type AssistanceSummary,
  type QualityContext,
} from './quality-checks.ts';

// Table-driven cases, passing and failing, for the rules the quality report used to skip (they need
// the assistance facts or the monitoring line) and the national checks 1_11_005 / 1_11_011 (§1.7, §1.8, §1.2).
// Each row: a household, its members and context; whether the rule fires, and on which field.

const LINE = 600_000; // 6,000 yuan, the 2021 national floor (§1.3)
const base: QualityContext = { today: FIXTURE_TODAY, params: { ...DEFAULT_QUALITY_PARAMS }, incomeLineFen: LINE };
const measures = (
  measureCount: number,
  developmentMeasureCount = 0,
  contact?: AssistanceSummary['contact'],
): AssistanceSummary => ({
  measureCount,
  developmentMeasureCount,
  ...(contact === undefined ? {} : { contact }),
});
/** Income whose per-capita net income over four members is exactly `perCapita` fen. */
const incomePerCapita = (perCapita: number): HouseholdIncome => ({
  ...monitoredHousehold().income!,
  wageIncome: perCapita * 4 - 400_000,
});
const assisted = (period: string) => ({ period, mode: 'assistedElimination' as const });
const natural = (period: string) => ({ period, mode: 'naturalElimination' as const });
const nobodyCanWork = (): Member[] =>
  family().map((m) => ({
    ...m,
    labourSkill: 'none' as const,
    workMonths: null,
    workPlace: null,
    health: ['seriousIllness' as const],
  }));
const withDaughter = (overrides: Partial<Member>): Member[] =>
  family().map((m) => (m.idNumber === IDS.daughter ? { ...m, ...overrides } : m));
const paired = { name: '赵干部', hasPhone: true };

type Case = [name: string, h: Household, members: Member[], ctx: Partial<QualityContext>, fieldOrNull: string | null];

const CASES: Record<string, Case[]> = {
  NO_MEASURE_AFTER_IDENTIFICATION: [
    [
      'identified last month, no measure',
      monitoredHousehold({ identificationPeriod: '2024-05' }),
      family(),
      { assistance: measures(0) },
      'measures',
    ],
    [
      'identified this month, no measure yet',
      monitoredHousehold({ identificationPeriod: '2024-06' }),
      family(),
      { assistance: measures(0) },
      null,
    ],
    ['identified long ago with a measure', monitoredHousehold(), family(), { assistance: measures(1) }, null],
    [
      'risk eliminated',
      monitoredHousehold({ elimination: assisted('2024-01') }),
      family(),
      { assistance: measures(0) },
      null,
    ],
    [
      'the county allows 2 months',
      monitoredHousehold({ identificationPeriod: '2024-05' }),
      family(),
      { assistance: measures(0), params: { ...DEFAULT_QUALITY_PARAMS, measureDueMonths: 2 } },
      null,
    ],
  ],
  NO_DEVELOPMENT_MEASURE: [
    [
      'labour, 6 months, no 开发式 measure',
      monitoredHousehold({ identificationPeriod: '2023-12' }),
      family(),
      { assistance: measures(2, 0) },
      'measures',
    ],
    [
      'labour, 5 months',
      monitoredHousehold({ identificationPeriod: '2024-01' }),
      family(),
      { assistance: measures(2, 0) },
      null,
    ],
    [
      'labour, 6 months, with a 开发式 measure',
      monitoredHousehold({ identificationPeriod: '2023-12' }),
      family(),
      { assistance: measures(2, 1) },
      null,
    ],
    [
      'nobody can work',
      monitoredHousehold({ identificationPeriod: '2023-12' }),
      nobodyCanWork(),
      { assistance: measures(1, 0) },
      null,
    ],
  ],
  ELIMINATED_TOO_SOON: [
    [
      'assisted, 5 months after identification',
      monitoredHousehold({ elimination: assisted('2023-08') }),
      family(),
      {},
      'elimination.period',
    ],
    ['assisted, 6 months', monitoredHousehold({ elimination: assisted('2023-09') }), family(), {}, null],
    [
      'natural, 5 months (natural exempt by default)',
      monitoredHousehold({ elimination: natural('2023-08') }),
      family(),
      {},
      null,
    ],
    [
      'natural, 5 months, county checks natural too',
      monitoredHousehold({ elimination: natural('2023-08') }),
      family(),
      { params: { ...DEFAULT_QUALITY_PARAMS, minMonthsAppliesToNatural: true } },
      'elimination.period',
    ],
    [
      'eliminated before 2022-04',
      monitoredHousehold({ identificationPeriod: '2022-01', elimination: assisted('2022-03') }),
      family(),
      {},
      null,
    ],
  ],
  ELIMINATED_BELOW_LINE: [
    [
      'assisted, per capita below the line',
      monitoredHousehold({ elimination: assisted('2024-01') }),
      family(),
      {},
      'income',
    ],
    [
      'assisted, per capita exactly the line (not above)',
      monitoredHousehold({ elimination: assisted('2024-01'), income: incomePerCapita(LINE) }),
      family(),
      {},
      'income',
    ],
    [
      'assisted, one fen above the line',
      monitoredHousehold({ elimination: assisted('2024-01'), income: incomePerCapita(LINE + 1) }),
      family(),
      {},
      null,
    ],
    ['natural elimination', monitoredHousehold({ elimination: natural('2024-01') }), family(), {}, null],
  ],
  MONITORING_TYPE_INCOME_MISMATCH: [
    ['边缘易致贫户 within the line', monitoredHousehold(), family(), {}, null],
    ['边缘易致贫户 exactly at the line', monitoredHousehold({ income: incomePerCapita(LINE) }), family(), {}, null],
    [
      '边缘易致贫户 one fen above the line',
      monitoredHousehold({ income: incomePerCapita(LINE + 1) }),
      family(),
      {},
      'monitoringType',
    ],
    [
      '突发严重困难户 within the line',
      monitoredHousehold({ monitoringType: 'suddenHardship' }),
      family(),
      {},
      'monitoringType',
    ],
    [
      '突发严重困难户 above the line',
      monitoredHousehold({ monitoringType: 'suddenHardship', income: incomePerCapita(LINE + 1) }),
      family(),
      {},
      null,
    ],
  ],
  ELIMINATED_SCHOOL_DROPOUT: [
    [
      'eliminated, the 12-year-old is at school',
      monitoredHousehold({ elimination: assisted('2024-01') }),
      family(),
      {},
      null,
    ],
    [
      'eliminated, the 12-year-old left after 小学',
      monitoredHousehold({ elimination: assisted('2024-01') }),
      withDaughter({ schooling: null, education: 'primary' }),
      {},
      'members[3].schooling',
    ],
    [
      'eliminated, 12-year-old with 初中 done',
      monitoredHousehold({ elimination: assisted('2024-01') }),
      withDaughter({ schooling: null, education: 'juniorSecondary' }),
      {},
      null,
    ],
    [
      'eliminated, dropout flag recorded',
      monitoredHousehold({
        elimination: assisted('2024-01'),
        basicNeeds: { ...household().basicNeeds, schoolDropout: true },
      }),
      family(),
      {},
      'basicNeeds.schoolDropout',
    ],
    [
      'still monitored (not yet eliminated)',
      monitoredHousehold(),
      withDaughter({ schooling: null, education: 'primary' }),
      {},
      null,
    ],
    [
      'the day before her 6th birthday',
      monitoredHousehold({ elimination: assisted('2017-01') }),
      withDaughter({ schooling: null, education: 'illiterate' }),
      { today: '2018-05-19' },
      null,
    ],
    [
      'her 6th birthday',
      monitoredHousehold({ elimination: assisted('2017-01') }),
      withDaughter({ schooling: null, education: 'illiterate' }),
      { today: '2018-05-20' },
      'members[3].schooling',
    ],
    [
      'the day before her 16th birthday',
      monitoredHousehold({ elimination: assisted('2024-01') }),
      withDaughter({ schooling: null, education: 'primary' }),
      { today: '2028-05-19' },
      'members[3].schooling',
    ],
    [
      'her 16th birthday',
      monitoredHousehold({ elimination: assisted('2024-01') }),
      withDaughter({ schooling: null, education: 'primary' }),
      { today: '2028-05-20' },
      null,
    ],
  ],
  ELIMINATED_WITHOUT_CONTACT: [
    [
      'eliminated, paired cadre with phone',
      monitoredHousehold({ elimination: assisted('2024-01') }),
      family(),
      { assistance: measures(1, 1, paired) },
      null,
    ],
    [
      'eliminated, nobody paired',
      monitoredHousehold({ elimination: assisted('2024-01') }),
      family(),
      { assistance: measures(1, 1, null) },
      'monitoringContact',
    ],
    [
      'eliminated, cadre without phone',
      monitoredHousehold({ elimination: assisted('2024-01') }),
      family(),
      { assistance: measures(1, 1, { name: '赵干部', hasPhone: false }) },
      'monitoringContact.phone',
    ],
    ['still monitored, nobody paired', monitoredHousehold(), family(), { assistance: measures(1, 1, null) }, null],
  ],
};

describe.each(Object.entries(CASES))('%s', (code, cases) => {
  const rule = QUALITY_RULES.find((r) => r.code === code)!;

  it.each(cases)('%s', (_, h, members, ctx, field) => {
    const found = rule.check(h, members, { ...base, ...ctx });
    expect(found.map((f) => f.field)).toEqual(field === null ? [] : [field]);
    for (const f of found) expect(f.messageZh && f.messageEn).toBeTruthy();
  });
});

describe('rules that need outside facts skip without them (the report always supplies them)', () => {
  it.each([
    ['NO_MEASURE_AFTER_IDENTIFICATION', monitoredHousehold({ identificationPeriod: '2024-05' }), {}],
    ['NO_DEVELOPMENT_MEASURE', monitoredHousehold({ identificationPeriod: '2023-12' }), {}],
    ['ELIMINATED_BELOW_LINE', monitoredHousehold({ elimination: assisted('2024-01') }), { incomeLineFen: undefined }],
    [
      'MONITORING_TYPE_INCOME_MISMATCH',
      monitoredHousehold({ monitoringType: 'suddenHardship' }),
      { incomeLineFen: undefined },
    ],
    [
      'ELIMINATED_WITHOUT_CONTACT',
      monitoredHousehold({ elimination: assisted('2024-01') }),
      { assistance: measures(0) },
    ],
  ] as const)('%s', (code, h, ctx) => {
    const findings = runQualityChecks(h, family(), { ...base, ...ctx }).filter((f) => f.rule === code);
    expect(findings).toEqual([]);
  });

  it('the national numbers are on the findings', () => {
    const codes = new Map(QUALITY_RULES.map((r) => [r.code, r.nationalRef]));
    expect(codes.get('ELIMINATED_SCHOOL_DROPOUT')).toBe('1_11_005');
    expect(codes.get('ELIMINATED_WITHOUT_CONTACT')).toBe('1_11_011');
    expect(codes.get('NO_DEVELOPMENT_MEASURE')).toBe('5_12_007');
    expect(codes.get('ELIMINATED_BELOW_LINE')).toBe('4_11_010');
  });
});
