import { describe, expect, it } from 'vitest';
import { FIXTURE_TODAY, IDS, family, household, member, monitoredHousehold } from './fixtures.ts';
import type { Household, HouseholdIncome, Member } from './household.ts';
import { DEFAULT_QUALITY_PARAMS, runQualityChecks, type QualityContext } from './quality-checks.ts';

const ctx: QualityContext = { today: FIXTURE_TODAY, params: { ...DEFAULT_QUALITY_PARAMS } };
const LINE = 600_000; // 6,000 yuan, the 2021 national floor (§1.3)

function findings(h: Household, members: Member[], context: Partial<QualityContext> = {}) {
  return runQualityChecks(h, members, { ...ctx, ...context }).map((f) => [f.rule, f.field]);
}

const monitoredIncome = (overrides: Partial<HouseholdIncome>): HouseholdIncome => ({
  ...monitoredHousehold().income!,
  ...overrides,
});

/** An 84-year-old head and his seriously ill wife: nobody can work. */
function elderly(): Member[] {
  return [
    member({
      idNumber: IDS.father,
      name: '王老汉',
      labourSkill: 'none',
      health: ['chronicIllness'],
      education: 'illiterate',
      workMonths: null,
      workPlace: null,
    }),
    member({
      idNumber: IDS.otherWoman,
      name: '张梅',
      relationship: 'spouse',
      labourSkill: 'lost',
      health: ['seriousIllness'],
      workMonths: null,
      workPlace: null,
    }),
  ];
}
const elderlyHousehold = (overrides: Partial<Household> = {}) =>
  monitoredHousehold({ headName: '王老汉', headIdNumber: IDS.father, wholeHouseholdNoLabour: true, ...overrides });

function nobodyWorks(): Member[] {
  return family().map((m) => ({ ...m, workMonths: null, workPlace: null }));
}

describe('labour and risk consistency (§3.6)', () => {
  it('LACK_OF_LABOUR_WITH_LABOUR: 缺劳动力 while full labourers exceed 1/4 of the household', () => {
    expect(findings(monitoredHousehold({ riskTypes: ['lackOfLabour'] }), family())).toEqual([
      ['LACK_OF_LABOUR_WITH_LABOUR', 'riskTypes'],
    ]);
    // One full labourer in four is exactly 1/4: not more, so plausible.
    const members = nobodyWorks().map((m, i) =>
      i === 1 || i === 2 ? { ...m, labourSkill: 'weak' as const, health: ['chronicIllness' as const] } : m,
    );
    members[0] = { ...members[0], workMonths: 4 };
    expect(findings(monitoredHousehold({ riskTypes: ['lackOfLabour'] }), members)).toEqual([]);
  });

  it('UNSTABLE_EMPLOYMENT_*: 因务工就业不稳 without labour (2_11_006) or without work records (5_15_013)', () => {
    expect(findings(elderlyHousehold({ riskTypes: ['unstableEmployment'] }), elderly())).toEqual([
      ['UNSTABLE_EMPLOYMENT_WITHOUT_LABOUR', 'riskTypes'],
      ['UNSTABLE_EMPLOYMENT_WITHOUT_WORK', 'riskTypes'],
    ]);
    expect(findings(monitoredHousehold({ riskTypes: ['unstableEmployment'] }), nobodyWorks())).toEqual([
      ['UNSTABLE_EMPLOYMENT_WITHOUT_WORK', 'riskTypes'],
    ]);
    expect(findings(monitoredHousehold({ riskTypes: ['unstableEmployment'] }), family())).toEqual([]);
  });

  it('ILLNESS_RISK_WITHOUT_OUT_OF_POCKET: 因病 needs 合规自付支出 > 0 (§1.4)', () => {
    const h = monitoredHousehold({ income: monitoredIncome({ eligibleOutOfPocket: 0 }) });
    expect(findings(h, family())).toEqual([['ILLNESS_RISK_WITHOUT_OUT_OF_POCKET', 'income.eligibleOutOfPocket']]);
  });

  it('WHOLE_HOUSEHOLD_NO_LABOUR_FLAG (1111_07): the recorded flag must match the members', () => {
    expect(findings(elderlyHousehold({ wholeHouseholdNoLabour: false }), elderly())).toEqual([
      ['WHOLE_HOUSEHOLD_NO_LABOUR_FLAG', 'wholeHouseholdNoLabour'],
    ]);
    expect(findings(elderlyHousehold(), elderly())).toEqual([]);
    expect(findings(household({ wholeHouseholdNoLabour: true }), family())).toEqual([
      ['WHOLE_HOUSEHOLD_NO_LABOUR_FLAG', 'wholeHouseholdNoLabour'],
    ]);
  });
});

describe('income plausibility (§3.4)', () => {
  it.each([
    [5_000, true],
    [9_999, true],
    [10_000, false],
    [0, false],
  ])('IMPLAUSIBLE_WAGE_INCOME (5_15_023): wage %i fen at identification → flagged: %s', (wageIncome, flagged) => {
    const h = monitoredHousehold({ income: monitoredIncome({ wageIncome }) });
    expect(findings(h, family())).toEqual(flagged ? [['IMPLAUSIBLE_WAGE_INCOME', 'income.wageIncome']] : []);
  });

  it('IMPLAUSIBLE_WAGE_INCOME ignores households whose risk is eliminated', () => {
    const h = monitoredHousehold({
      income: monitoredIncome({ wageIncome: 5_000 }),
      elimination: { period: '2023-12', mode: 'assistedElimination' },
    });
    expect(findings(h, family())).toEqual([]);
  });

  it.each([
    ['2023-03', 8_000_000, true], // (8,000,000 + 300,000 + 200,000 − 100,000) / 4 = 2,100,000 fen
    ['2023-01', 8_000_000, true],
    ['2022-12', 8_000_000, false],
    ['2023-03', 7_600_000, false], // exactly 20,000 yuan per head is not above
  ])(
    'HIGH_INCOME_RECENTLY_IDENTIFIED (1111_18): identified %s, wage %i → flagged: %s',
    (period, wageIncome, flagged) => {
      const h = monitoredHousehold({ identificationPeriod: period, income: monitoredIncome({ wageIncome }) });
      expect(findings(h, family())).toEqual(flagged ? [['HIGH_INCOME_RECENTLY_IDENTIFIED', 'income']] : []);
    },
  );

  it('ELIMINATED_WELFARE_WITHOUT_TRANSFER (4_11_013): 低保/特困 after elimination but no transfer income', () => {
    const members = family();
    members[0] = { ...members[0], minimumLiving: true };
    const eliminated = { period: '2023-12', mode: 'assistedElimination' } as const;
    const noTransfer = monitoredIncome({ transferIncome: 0 });
    expect(findings(monitoredHousehold({ elimination: eliminated, income: noTransfer }), members)).toEqual([
      ['ELIMINATED_WELFARE_WITHOUT_TRANSFER', 'income.transferIncome'],
    ]);
    expect(findings(monitoredHousehold({ income: noTransfer }), members)).toEqual([]);
    expect(findings(monitoredHousehold({ elimination: eliminated }), members)).toEqual([]);
  });
});

describe('monitored households (§3.6, §1.7, §1.8)', () => {
  it.each([
    [{ riskTypes: [] }, ['riskTypes']],
    [{ income: null }, ['income']],
    [{ identificationPeriod: null }, ['identificationPeriod']],
    [
      { basicNeeds: { schoolDropout: null, housingUnsafe: false, waterUnsafe: null, medicalUninsured: false } },
      ['basicNeeds.schoolDropout', 'basicNeeds.waterUnsafe'],
    ],
  ] as const)('MONITORED_INCOMPLETE for %j', (overrides, fields) => {
    const h = monitoredHousehold(overrides as Partial<Household>);
    expect(findings(h, family())).toEqual(fields.map((field) => ['MONITORED_INCOMPLETE', field]));
    expect(findings(household(overrides as Partial<Household>), family())).toEqual([]);
  });

  it.each([
    ['2023-03', 0, 0, ['NO_MEASURE_AFTER_IDENTIFICATION', 'NO_DEVELOPMENT_MEASURE']],
    ['2023-03', 2, 0, ['NO_DEVELOPMENT_MEASURE']],
    ['2023-03', 2, 1, []],
    ['2024-05', 0, 0, ['NO_MEASURE_AFTER_IDENTIFICATION']],
    ['2024-06', 0, 0, []],
  ] as const)(
    'identified %s with %i measures (%i 开发式) → %j',
    (period, measureCount, developmentMeasureCount, rules) => {
      const h = monitoredHousehold({ identificationPeriod: period });
      const result = findings(h, family(), { assistance: { measureCount, developmentMeasureCount } });
      expect(result).toEqual(rules.map((rule) => [rule, 'measures']));
    },
  );

  it('NO_DEVELOPMENT_MEASURE only applies when the household has labour; no summary, no check', () => {
    const assistance = { measureCount: 0, developmentMeasureCount: 0 };
    expect(findings(elderlyHousehold(), elderly(), { assistance })).toEqual([
      ['NO_MEASURE_AFTER_IDENTIFICATION', 'measures'],
    ]);
    expect(findings(monitoredHousehold(), family())).toEqual([]);
  });

  it.each([
    ['2023-03', '2023-08', 'assistedElimination', false, true],
    ['2023-03', '2023-09', 'assistedElimination', false, false],
    ['2023-03', '2023-08', 'naturalElimination', false, false],
    ['2023-03', '2023-08', 'naturalElimination', true, true],
    ['2021-06', '2021-10', 'assistedElimination', false, false],
  ] as const)(
    'ELIMINATED_TOO_SOON (2_11_002): %s → %s by %s (natural counted: %s) → flagged: %s',
    (identified, eliminated, mode, natural, flagged) => {
      const h = monitoredHousehold({ identificationPeriod: identified, elimination: { period: eliminated, mode } });
      const params = { ...DEFAULT_QUALITY_PARAMS, minMonthsAppliesToNatural: natural };
      expect(findings(h, family(), { params })).toEqual(flagged ? [['ELIMINATED_TOO_SOON', 'elimination.period']] : []);
    },
  );

  it.each([
    ['assistedElimination', LINE, true],
    ['assistedElimination', 400_000, true], // exactly on the line is still within the range
    ['assistedElimination', 300_000, false],
    ['naturalElimination', LINE, false],
    ['assistedElimination', undefined, false],
  ] as const)('ELIMINATED_BELOW_LINE (4_11_010): %s, line %s → flagged: %s', (mode, incomeLineFen, flagged) => {
    const h = monitoredHousehold({ elimination: { period: '2023-12', mode } });
    expect(findings(h, family(), { incomeLineFen })).toEqual(flagged ? [['ELIMINATED_BELOW_LINE', 'income']] : []);
  });

  it.each([
    ['edge', 'ordinary', LINE, 'net', false],
    ['edge', 'ordinary', 400_000, 'net', false],
    ['edge', 'ordinary', 300_000, 'net', true],
    ['edge', 'ordinary', 300_000, 'adjusted', false], // adjusted per capita is 225,000 fen
    ['unstable', 'alleviated', 300_000, 'net', true],
    ['suddenHardship', 'ordinary', LINE, 'net', true],
    ['suddenHardship', 'ordinary', 300_000, 'net', false],
  ] as const)(
    'MONITORING_TYPE_INCOME_MISMATCH: %s (%s), line %i, %s figure → flagged: %s',
    (monitoringType, kind, incomeLineFen, incomeFigure, flagged) => {
      const alleviatedAttribute = kind === 'alleviated' ? 'general' : null;
      const h = monitoredHousehold({ monitoringType, kind, alleviatedAttribute });
      expect(findings(h, family(), { incomeLineFen, incomeFigure })).toEqual(
        flagged ? [['MONITORING_TYPE_INCOME_MISMATCH', 'monitoringType']] : [],
      );
    },
  );
});

describe('BASIC_NEEDS_INCONSISTENT (local)', () => {
  it.each([
    [{ housingGrade: 'D' }, ['basicNeeds.housingUnsafe']],
    [
      {
        housingGrade: 'C',
        basicNeeds: { schoolDropout: false, housingUnsafe: true, waterUnsafe: false, medicalUninsured: false },
      },
      [],
    ],
    [{ waterSafe: false }, ['basicNeeds.waterUnsafe']],
    [{ waterSafe: null }, []],
  ] as const)('%j → %j', (overrides, fields) => {
    expect(findings(household(overrides as Partial<Household>), family())).toEqual(
      fields.map((f) => ['BASIC_NEEDS_INCONSISTENT', f]),
    );
  });
});
