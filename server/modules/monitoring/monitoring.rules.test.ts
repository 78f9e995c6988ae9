import { describe, expect, it } from 'vitest';
import type { CreateHouseholdRequest } from '#common/contracts/registry.ts';
import { memberInput, makeIdNumber } from '#server/test/factories.ts';
import { systemContext } from '#server/lib/context.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { addFeeds, createHousehold, monitoringOf, wages, type FeedInput } from './monitoring.test-support.ts';

// One table per rule, from the policy cases (policy-rules §2 and formats.md §3): each threshold just
// below and just above, both household kinds where the line differs, window edges. Each case makes
// its own household and asks explain() — the same SQL the monthly run writes with.
// Period 2025-06: data window 2024-07-01 … 2025-06-30 (spending: year to date from 2025-01-01, school year
// from 2024-09-01); line 6,000 yuan (2021 value, latest known year).

const env = useTestApp();
const PERIOD = '2025-06';

interface Case {
  name: string;
  household?: Partial<CreateHouseholdRequest>;
  /** Department records by member index (0 head, 1 spouse, 2 daughter). */
  feeds?: (FeedInput & { member: number })[];
  fires: boolean;
  evidence?: Record<string, unknown>;
  period?: string;
}

const alleviated = { kind: 'alleviated', alleviatedAttribute: 'general' } as const;
const inpatient = (member: number, amountFen: number, on = '2025-03-10') => ({
  member,
  source: 'medical',
  item: 'inpatientOutOfPocket',
  on,
  amountFen,
});

async function check(rule: string, c: Case) {
  const h = await createHousehold(env, c.household);
  if (c.feeds?.length)
    await addFeeds(
      env,
      c.feeds.map((f) => ({ ...f, personId: h.personIds[f.member] })),
    );
  const explained = await monitoringOf(env).explain(systemContext('test'), h.id, c.period ?? PERIOD);
  const result = explained.rules.find((r) => r.ruleCode === rule)!;
  expect(result.fired, `${rule}: ${c.name} → ${JSON.stringify(result.evidence)}`).toBe(c.fires);
  if (c.evidence) expect(result.evidence).toMatchObject(c.evidence);
  return explained;
}

const TABLES: Record<string, Case[]> = {
  INCOME_BELOW_LINE: [
    {
      name: '一般农户 per capita exactly at the line (18,000 ÷ 3 = 6,000.00)',
      household: { income: wages(2025, 1_800_000) },
      fires: true,
      evidence: { perCapitaFen: 600_000, lineFen: 600_000, incomeYear: 2025 },
    },
    {
      name: 'half-up: 18,000.01 ÷ 3 = 6,000.003 → 6,000.00, within',
      household: { income: wages(2025, 1_800_001) },
      fires: true,
      evidence: { perCapitaFen: 600_000 },
    },
    {
      name: 'half-up: 18,000.02 ÷ 3 = 6,000.007 → 6,000.01, one fen above',
      household: { income: wages(2025, 1_800_002) },
      fires: false,
    },
    {
      name: '脱贫户 below the line',
      household: { ...alleviated, income: wages(2025, 1_500_000) },
      fires: true,
      evidence: { perCapitaFen: 500_000 },
    },
    {
      name: 'an already monitored household is not flagged again',
      household: {
        ...alleviated,
        monitoringType: 'unstable',
        identificationPeriod: '2024-01',
        income: wages(2025, 1_500_000),
      },
      fires: false,
    },
    {
      name: 'the latest year not after the period counts: 2024 income for 2025-06 when 2025 is missing',
      household: { income: wages(2024, 900_000) },
      fires: true,
      evidence: { incomeYear: 2024, perCapitaFen: 300_000 },
    },
    {
      name: 'income of a later year is not looked at for an earlier period',
      household: { income: wages(2025, 900_000) },
      period: '2024-12',
      fires: false,
    },
    { name: 'no income on record', household: { income: undefined }, fires: false },
  ],
  MEDICAL_BURDEN: [
    { name: '脱贫户 inpatient 4,999.99 yuan', household: alleviated, feeds: [inpatient(0, 499_999)], fires: false },
    {
      name: '脱贫户 inpatient 5,000.00 yuan',
      household: alleviated,
      feeds: [inpatient(0, 500_000)],
      fires: true,
      evidence: {
        inpatientFen: 500_000,
        inpatientThresholdFen: 500_000,
        inpatientThresholdParam: 'medical.alleviatedOutOfPocketFen',
      },
    },
    {
      name: '脱贫户 one member accumulating 3,000 + 2,000 this year',
      household: alleviated,
      feeds: [inpatient(0, 300_000, '2025-01-05'), inpatient(0, 200_000)],
      fires: true,
      evidence: { inpatientFen: 500_000, inpatientRecords: 2 },
    },
    {
      name: '脱贫户 two members 3,000 and 2,000: per person, neither reaches the line',
      household: alleviated,
      feeds: [inpatient(0, 300_000), inpatient(2, 200_000)],
      fires: false,
    },
    { name: '一般农户 5,000 is below its line of 20,000', feeds: [inpatient(0, 500_000)], fires: false },
    { name: '一般农户 19,999.99 yuan', feeds: [inpatient(1, 1_999_999)], fires: false },
    {
      name: '一般农户 20,000.00 yuan',
      feeds: [inpatient(1, 2_000_000)],
      fires: true,
      evidence: {
        householdKind: 'ordinary',
        inpatientThresholdFen: 2_000_000,
        inpatientThresholdParam: 'medical.otherOutOfPocketFen',
      },
    },
    {
      name: 'year to date: a record on 31 December of the year before does not count',
      household: alleviated,
      feeds: [inpatient(0, 900_000, '2024-12-31')],
      fires: false,
    },
    {
      name: 'year to date: a record on 1 January counts',
      household: alleviated,
      feeds: [inpatient(0, 900_000, '2025-01-01')],
      fires: true,
      evidence: { yearFrom: '2025-01-01' },
    },
    {
      name: 'a record after the period does not count',
      household: alleviated,
      feeds: [inpatient(0, 900_000, '2025-07-01')],
      fires: false,
    },
    {
      name: 'outpatient 499.99 yuan in the period month',
      feeds: [{ member: 0, source: 'medical', item: 'outpatientOutOfPocket', on: '2025-06-15', amountFen: 49_999 }],
      fires: false,
    },
    {
      name: 'outpatient 500.00 yuan in the period month',
      feeds: [{ member: 0, source: 'medical', item: 'outpatientOutOfPocket', on: '2025-06-15', amountFen: 50_000 }],
      fires: true,
      evidence: { outpatientMonthFen: 50_000, outpatientMonthlyThresholdFen: 50_000 },
    },
    {
      name: 'outpatient 500.00 yuan in the month before',
      feeds: [{ member: 0, source: 'medical', item: 'outpatientOutOfPocket', on: '2025-05-31', amountFen: 50_000 }],
      fires: false,
    },
    // §1.1 with the default parameters: rigid spending this year more than last year's 家庭纯收入 (9,000 yuan here).
    {
      name: 'rigid spending: medical 4,000 + 3,000 and education 2,000.01 exceed a net income of 9,000',
      household: { income: wages(2025, 900_000) },
      feeds: [
        inpatient(0, 400_000),
        inpatient(1, 300_000),
        { member: 2, source: 'education', item: 'nonCompulsoryCost', on: '2025-02-01', amountFen: 200_001 },
      ],
      fires: true,
      evidence: {
        rigidSpending: {
          medicalFen: 700_000,
          educationFen: 200_001,
          totalFen: 900_001,
          netIncomeFen: 900_000,
          exceedsIncome: true,
        },
      },
    },
    {
      name: 'rigid spending equal to the net income is not more than it',
      household: { income: wages(2025, 900_000) },
      feeds: [inpatient(0, 400_000), inpatient(1, 500_000)],
      fires: false,
    },
    {
      name: 'rigid spending of last year does not count this year',
      household: { income: wages(2025, 900_000) },
      feeds: [inpatient(0, 950_000, '2024-12-20')],
      fires: false,
    },
    // Year-to-date sums are kept per household and year (feed_year_total); a month re-checked later sees only its own.
    {
      name: 'rigid spending re-checked for April does not count a record of May',
      household: { income: wages(2025, 900_000) },
      feeds: [inpatient(0, 400_000, '2025-03-01'), inpatient(1, 600_000, '2025-05-10')],
      period: '2025-04',
      fires: false,
    },
    {
      name: 'rigid spending for May counts March and May (10,000 > 9,000)',
      household: { income: wages(2025, 900_000) },
      feeds: [inpatient(0, 400_000, '2025-03-01'), inpatient(1, 600_000, '2025-05-10')],
      period: '2025-05',
      fires: true,
      evidence: { rigidSpending: { medicalFen: 1_000_000, exceedsIncome: true } },
    },
  ],
  EDUCATION_BURDEN: [
    {
      name: 'non-compulsory cost 10,000.00 yuan (the line is "more than")',
      feeds: [
        {
          member: 2,
          source: 'education',
          item: 'nonCompulsoryCost',
          on: '2025-02-01',
          amountFen: 1_000_000,
          attrs: { schoolStage: 'seniorHigh' },
        },
      ],
      fires: false,
    },
    {
      name: 'non-compulsory cost 10,000.01 yuan',
      feeds: [{ member: 2, source: 'education', item: 'nonCompulsoryCost', on: '2025-02-01', amountFen: 1_000_001 }],
      fires: true,
      evidence: { costFen: 1_000_001, thresholdFen: 1_000_000, records: 1, schoolYearFrom: '2024-09-01' },
    },
    {
      name: 'school year: the autumn term counts with the spring term (2024-09-01 + 2025-03-01)',
      feeds: [
        { member: 2, source: 'education', item: 'nonCompulsoryCost', on: '2024-09-01', amountFen: 600_000 },
        { member: 2, source: 'education', item: 'nonCompulsoryCost', on: '2025-03-01', amountFen: 400_001 },
      ],
      fires: true,
      evidence: { costFen: 1_000_001, records: 2 },
    },
    {
      name: 'school year: a cost of the previous school year (2024-08-31) does not count',
      feeds: [
        { member: 2, source: 'education', item: 'nonCompulsoryCost', on: '2024-08-31', amountFen: 600_000 },
        { member: 2, source: 'education', item: 'nonCompulsoryCost', on: '2025-03-01', amountFen: 400_001 },
      ],
      fires: false,
    },
    {
      name: 'per student: two children 6,000 each do not reach the line',
      feeds: [
        { member: 1, source: 'education', item: 'nonCompulsoryCost', on: '2025-02-01', amountFen: 600_000 },
        { member: 2, source: 'education', item: 'nonCompulsoryCost', on: '2025-02-01', amountFen: 600_000 },
      ],
      fires: false,
    },
    {
      name: 'rigid spending: education 9,000.01 is more than a net income of 9,000',
      household: { income: wages(2025, 900_000) },
      feeds: [{ member: 2, source: 'education', item: 'nonCompulsoryCost', on: '2025-02-01', amountFen: 900_001 }],
      fires: true,
      evidence: { rigidSpending: { educationFen: 900_001, exceedsIncome: true } },
    },
  ],
  DROPOUT: [
    { name: 'registry flag', household: { schoolDropout: true }, fires: true, evidence: { registryFlag: true } },
    {
      name: 'education bureau record',
      feeds: [{ member: 2, source: 'education', item: 'dropout', on: '2025-04-01' }],
      fires: true,
      evidence: { dropoutRecords: 1, latestRecordOn: '2025-04-01' },
    },
    { name: 'neither', fires: false },
  ],
  HOUSING_UNSAFE: [
    { name: 'registry grade C', household: { housingGrade: 'C' }, fires: true, evidence: { decidedBy: 'registry' } },
    { name: 'registry grade D', household: { housingGrade: 'D' }, fires: true },
    { name: 'registry grade B', household: { housingGrade: 'B' }, fires: false },
    { name: 'registry flag with grade B', household: { housingGrade: 'B', housingUnsafe: true }, fires: true },
    {
      name: 'appraisal D overrides registry B',
      household: { housingGrade: 'B' },
      feeds: [{ member: 0, source: 'housing', item: 'houseAppraisal', on: '2025-01-05', attrs: { houseGrade: 'D' } }],
      fires: true,
      evidence: { appraisalGrade: 'D', decidedBy: 'appraisal' },
    },
    {
      name: 'the newest appraisal (A after repair) clears registry D',
      household: { housingGrade: 'D' },
      feeds: [
        { member: 0, source: 'housing', item: 'houseAppraisal', on: '2024-09-01', attrs: { houseGrade: 'D' } },
        { member: 0, source: 'housing', item: 'houseAppraisal', on: '2025-05-01', attrs: { houseGrade: 'A' } },
      ],
      fires: false,
    },
  ],
  WATER_UNSAFE: [
    { name: 'registry says unsafe', household: { waterSafe: false }, fires: true },
    { name: 'registry unknown is not a warning', household: { waterSafe: null }, fires: false },
    {
      name: 'water bureau record',
      feeds: [{ member: 0, source: 'water', item: 'unsafeWater', on: '2025-06-30' }],
      fires: true,
      evidence: { unsafeWaterRecords: 1 },
    },
  ],
  NO_MEDICAL_INSURANCE: [
    { name: 'every member insured', fires: false },
    {
      name: 'a member with neither insurance',
      household: {
        members: [
          memberInput({ name: '赵大' }),
          memberInput({
            name: '赵二',
            idNumber: makeIdNumber('1999-01-01', 'male'),
            relationship: 'son',
            residentMedicalInsurance: false,
            employeeMedicalInsurance: false,
          }),
        ],
      },
      fires: true,
    },
    {
      name: 'employee insurance is enough',
      household: {
        members: [memberInput({ name: '孙大', residentMedicalInsurance: false, employeeMedicalInsurance: true })],
      },
      fires: false,
    },
    {
      name: 'medical bureau reports 未参保',
      feeds: [{ member: 1, source: 'medical', item: 'uninsured', on: '2025-01-01' }],
      fires: true,
    },
  ],
  NEW_DISABILITY: [
    {
      name: '二级 肢体 is severe',
      feeds: [
        {
          member: 0,
          source: 'disability',
          item: 'newDisability',
          on: '2025-05-01',
          attrs: { disabilityCategory: 'physical', disabilityGrade: 'grade2' },
        },
      ],
      fires: true,
    },
    {
      name: '三级 肢体 is not',
      feeds: [
        {
          member: 0,
          source: 'disability',
          item: 'newDisability',
          on: '2025-05-01',
          attrs: { disabilityCategory: 'physical', disabilityGrade: 'grade3' },
        },
      ],
      fires: false,
    },
    {
      name: '三级 智力 is severe',
      feeds: [
        {
          member: 2,
          source: 'disability',
          item: 'newDisability',
          on: '2025-05-01',
          attrs: { disabilityCategory: 'intellectual', disabilityGrade: 'grade3' },
        },
      ],
      fires: true,
    },
    {
      name: '四级 精神 is not',
      feeds: [
        {
          member: 2,
          source: 'disability',
          item: 'newDisability',
          on: '2025-05-01',
          attrs: { disabilityCategory: 'mental', disabilityGrade: 'grade4' },
        },
      ],
      fires: false,
    },
  ],
  LABOURER_DEATH: [
    {
      name: 'death of the head (普通劳动力)',
      feeds: [{ member: 0, source: 'civil', item: 'death', on: '2025-05-20' }],
      fires: true,
    },
    {
      name: 'death of a child without labour',
      feeds: [{ member: 2, source: 'civil', item: 'death', on: '2025-05-20' }],
      fires: false,
    },
  ],
  DISASTER: [
    {
      name: 'any reported loss (line 0 by default)',
      feeds: [
        {
          member: 0,
          source: 'emergency',
          item: 'disaster',
          on: '2025-06-01',
          amountFen: 1,
          attrs: { disasterType: 'flood' },
        },
      ],
      fires: true,
      evidence: { lossFen: 1, thresholdFen: 0, disasterTypes: ['flood'] },
    },
    {
      name: 'a record without amount counts',
      feeds: [{ member: 0, source: 'emergency', item: 'disaster', on: '2025-06-01' }],
      fires: true,
    },
    {
      name: 'before the window',
      feeds: [{ member: 0, source: 'emergency', item: 'disaster', on: '2024-01-01', amountFen: 9_999_999 }],
      fires: false,
    },
  ],
  UNEMPLOYMENT: [
    {
      name: 'contribution gap of 2 months',
      feeds: [{ member: 1, source: 'hr', item: 'contributionGap', on: '2025-05-01', attrs: { gapMonths: '2' } }],
      fires: false,
    },
    {
      name: 'contribution gap of 3 months',
      feeds: [{ member: 1, source: 'hr', item: 'contributionGap', on: '2025-05-01', attrs: { gapMonths: '3' } }],
      fires: true,
      evidence: { maxGapMonths: 3, gapThresholdMonths: 3 },
    },
    {
      name: 'unemployment registration',
      feeds: [{ member: 0, source: 'hr', item: 'unemployment', on: '2025-05-01' }],
      fires: true,
    },
  ],
  EXCLUSION_FLAG: [
    {
      name: 'a vehicle registered years ago still counts',
      feeds: [{ member: 0, source: 'police', item: 'vehicle', on: '2019-04-01', attrs: { vehicleType: '小型轿车' } }],
      fires: true,
      evidence: { needsWrittenReason: true },
    },
    {
      name: 'public payroll',
      feeds: [{ member: 1, source: 'finance', item: 'publicPayroll', on: '2025-01-01' }],
      fires: true,
    },
    { name: 'nothing', fires: false },
  ],
};

describe.each(Object.entries(TABLES))('%s', (rule, cases) => {
  it.each(cases)('$name', async (c) => {
    await check(rule, c);
  });
});

describe('INCOME_DROP', () => {
  async function withTwoYears(prev: number, now: number) {
    const h = await createHousehold(env, { income: wages(2025, now) });
    const cookie = await env.login('county_admin');
    const res = await env.app.inject({
      method: 'PUT',
      url: `/api/registry/households/${h.id}/income`,
      headers: { cookie },
      payload: { ...wages(2024, prev), reason: '补录上年收入' },
    });
    expect(res.statusCode, res.body).toBe(200);
    return (await monitoringOf(env).explain(systemContext('test'), h.id, PERIOD)).rules.find(
      (r) => r.ruleCode === 'INCOME_DROP',
    )!;
  }

  it.each([
    ['a fall of exactly 30% fires', 3_000_000, 2_100_000, true],
    ['a fall of just under 30% does not', 3_000_000, 2_100_003, false],
    ['a rise does not', 2_100_000, 3_000_000, false],
  ])('%s', async (_name, prev, now, fires) => {
    const r = await withTwoYears(prev, now);
    expect(r.fired).toBe(fires);
    if (fires)
      expect(r.evidence).toMatchObject({
        perCapitaFen: 700_000,
        previousPerCapitaFen: 1_000_000,
        previousYear: 2024,
        dropRatio: 0.3,
        dropRatioThreshold: 0.3,
      });
  });
});

describe('evidence and suggestion', () => {
  it('carries the thresholds in force with their parameter source, and suggests a type', async () => {
    const explained = await check('MEDICAL_BURDEN', {
      name: 'suggestion',
      household: { ...alleviated, income: wages(2025, 3_000_000) },
      feeds: [inpatient(0, 800_000)],
      fires: true,
    });
    const medical = explained.rules.find((r) => r.ruleCode === 'MEDICAL_BURDEN')!;
    expect(medical.evidence).toMatchObject({
      window: { from: '2024-07-01', to: '2025-06-30' },
      params: { 'medical.alleviatedOutOfPocketFen': { value: 500_000, source: expect.stringContaining('5,000') } },
    });
    expect(explained.suggestion).toMatchObject({
      type: 'suddenHardship',
      withinRange: false,
      burdens: ['MEDICAL_BURDEN'],
    });
    expect(explained.suggestion.reasonZh).toContain('人均纯收入 10,000.00 元，高于监测标准 6,000.00 元');
  });

  it('an exclusion flag keeps the within-range suggestion and asks for a written reason', async () => {
    const explained = await check('EXCLUSION_FLAG', {
      name: 'flag',
      household: { income: wages(2025, 1_500_000) },
      feeds: [{ member: 1, source: 'market', item: 'company', on: '2020-01-01' }],
      fires: true,
    });
    expect(explained.suggestion).toMatchObject({ type: 'edge', needsWrittenReason: true });
  });
});
