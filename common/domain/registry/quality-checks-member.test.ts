import { describe, expect, it } from 'vitest';
import { computeCheckDigit } from '../id-card.ts';
import { FIXTURE_TODAY, IDS, family, household, member, monitoredHousehold } from './fixtures.ts';
import type { Household, Member } from './household.ts';
import { DEFAULT_QUALITY_PARAMS, QUALITY_RULES, runQualityChecks, type QualityContext } from './quality-checks.ts';

/** A Qinshui resident ID for a birth date and a 3-digit sequence (odd = male). */
const idFor = (birth: string, seq: string) => `140521${birth}${seq}${computeCheckDigit(`140521${birth}${seq}`)}`;

const ctx: QualityContext = { today: FIXTURE_TODAY, params: { ...DEFAULT_QUALITY_PARAMS } };

function findings(h: Household, members: Member[], context: QualityContext = ctx) {
  return runQualityChecks(h, members, context).map((f) => [f.rule, f.field]);
}

/** The fixture family with one extra member appended as index 4. */
function plus(overrides: Partial<Member>): Member[] {
  return [
    ...family(),
    member({ name: '王五', relationship: 'other', workMonths: null, workPlace: null, ...overrides }),
  ];
}

describe('the rule list', () => {
  it('declares every rule once, with a national reference where policy-rules gives one', () => {
    const codes = QUALITY_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    const refs = Object.fromEntries(QUALITY_RULES.map((r) => [r.code, r.nationalRef]));
    expect(refs).toMatchObject({
      WORKING_AGE_WITHOUT_LABOUR: '5_12_008',
      NO_LABOUR_WITH_WORK: '2_01_015',
      UNDER_AGE_PUBLIC_WELFARE_POST: '5_12_004',
      MEDICAL_INSURANCE_BOTH_OR_NEITHER: '2_12_015',
      UNSTABLE_EMPLOYMENT_WITHOUT_LABOUR: '2_11_006',
      IMPLAUSIBLE_WAGE_INCOME: '5_15_023',
      HIGH_INCOME_RECENTLY_IDENTIFIED: '1111_18',
      WHOLE_HOUSEHOLD_NO_LABOUR_FLAG: '1111_07',
      ELIMINATED_WELFARE_WITHOUT_TRANSFER: '4_11_013',
      NO_DEVELOPMENT_MEASURE: '5_12_007',
      ELIMINATED_TOO_SOON: '2_11_002',
      ELIMINATED_BELOW_LINE: '4_11_010',
    });
    for (const rule of QUALITY_RULES) {
      expect(rule.nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(['warning', 'error']).toContain(rule.severity);
    }
  });

  it('keeps the policy numbers in documented defaults', () => {
    expect(DEFAULT_QUALITY_PARAMS).toMatchObject({
      labourAgeFrom: 16,
      labourAgeTo: 60,
      lackOfLabourMaxShare: 0.25,
      publicWelfarePostMinAge: 16,
      implausibleWageBelowFen: 10_000,
      highPerCapitaFen: 2_000_000,
      highPerCapitaIdentifiedFrom: '2023-01',
    });
  });

  it('finds nothing in the clean fixtures', () => {
    expect(findings(household(), family())).toEqual([]);
    expect(findings(monitoredHousehold(), family(), { ...ctx, incomeLineFen: 600_000 })).toEqual([]);
  });
});

describe('WORKING_AGE_WITHOUT_LABOUR (5_12_008): 16 ≤ age < 60, healthy, not at school, no or weak labour', () => {
  it.each([
    ['aged 16 today, weak', { idNumber: idFor('20080630', '011'), labourSkill: 'weak' }, true],
    ['aged 15, none', { idNumber: idFor('20080701', '011'), labourSkill: 'none' }, false],
    ['aged 59, none', { idNumber: idFor('19650101', '011'), labourSkill: 'none' }, true],
    ['aged 60 today, none', { idNumber: idFor('19640630', '011'), labourSkill: 'none' }, false],
    ['aged 32, lost (not in the national list)', { idNumber: IDS.man1992, labourSkill: 'lost' }, false],
    [
      'aged 17 at school, none',
      { idNumber: idFor('20070101', '011'), labourSkill: 'none', education: null, schooling: 'seniorHigh2' },
      false,
    ],
    [
      'aged 32 with a chronic illness, weak',
      { idNumber: IDS.man1992, labourSkill: 'weak', health: ['chronicIllness'] },
      false,
    ],
    ['aged 32, ordinary', { idNumber: IDS.man1992, labourSkill: 'ordinary' }, false],
  ] as const)('%s → flagged: %s', (_case, overrides, flagged) => {
    const expected = flagged ? [['WORKING_AGE_WITHOUT_LABOUR', 'members[4].labourSkill']] : [];
    expect(findings(household(), plus(overrides))).toEqual(expected);
  });

  it('reads the age band from ctx.params', () => {
    const sixtyTwo = plus({ idNumber: idFor('19620101', '011'), labourSkill: 'weak' });
    expect(findings(household(), sixtyTwo)).toEqual([]);
    const wider = { ...ctx, params: { ...ctx.params, labourAgeTo: 65 } };
    expect(findings(household(), sixtyTwo, wider)).toEqual([['WORKING_AGE_WITHOUT_LABOUR', 'members[4].labourSkill']]);
  });

  it('explains itself with the values and thresholds in force', () => {
    const [finding] = runQualityChecks(household(), plus({ idNumber: IDS.man1992, labourSkill: 'none' }), ctx);
    expect(finding).toMatchObject({
      rule: 'WORKING_AGE_WITHOUT_LABOUR',
      nationalRef: '5_12_008',
      severity: 'warning',
      memberIndex: 4,
      evidence: { age: 32, labourSkill: 'none', labourAgeFrom: 16, labourAgeTo: 60 },
    });
    expect(finding.messageZh).toContain('第5名成员');
  });
});

describe('NO_LABOUR_WITH_WORK (2_01_015)', () => {
  it.each([
    ['lost labour with 6 work months', { labourSkill: 'lost', workMonths: 6, health: ['seriousIllness'] }, true],
    [
      'no labour with a work place only',
      { idNumber: IDS.girl2010, labourSkill: 'none', workPlace: '本县', education: null, schooling: 'grade8' },
      true,
    ],
    [
      'weak labour with 0 months and no place',
      { labourSkill: 'weak', workMonths: 0, health: ['chronicIllness'] },
      false,
    ],
    ['weak labour working 3 months', { labourSkill: 'weak', workMonths: 3, health: ['chronicIllness'] }, true],
    ['ordinary labour working', { labourSkill: 'ordinary', workMonths: 10, workPlace: '太原市' }, false],
  ] as const)('%s → flagged: %s', (_case, overrides, flagged) => {
    const members = plus({ idNumber: IDS.man1992, ...overrides });
    const expected = flagged ? [['NO_LABOUR_WITH_WORK', 'members[4].workMonths']] : [];
    expect(findings(household(), members)).toEqual(expected);
  });
});

describe('UNDER_AGE_PUBLIC_WELFARE_POST (5_12_004)', () => {
  it.each([
    ['aged 15', idFor('20090101', '011'), true],
    ['aged 16 today', idFor('20080630', '011'), false],
  ])('%s in a 公益岗位 → flagged: %s', (_case, idNumber, flagged) => {
    const members = plus({ idNumber, publicWelfarePost: true, labourSkill: 'ordinary' });
    const expected = flagged ? [['UNDER_AGE_PUBLIC_WELFARE_POST', 'members[4].publicWelfarePost']] : [];
    expect(findings(household(), members)).toEqual(expected);
  });
});

describe('MEDICAL_INSURANCE_BOTH_OR_NEITHER (2_12_015)', () => {
  it.each([
    [true, true, true],
    [false, false, true],
    [true, false, false],
    [false, true, false],
  ])('resident %s, employee %s → flagged: %s', (resident, employee, flagged) => {
    const members = plus({
      idNumber: IDS.man1992,
      residentMedicalInsurance: resident,
      employeeMedicalInsurance: employee,
    });
    const expected = flagged ? [['MEDICAL_INSURANCE_BOTH_OR_NEITHER', 'members[4].residentMedicalInsurance']] : [];
    expect(findings(household(), members)).toEqual(expected);
  });
});

describe('local member rules', () => {
  it('flags a disability certificate number stored as 证件号码 (accepted, not refused)', () => {
    const members = plus({
      idNumber: `${IDS.man1992}41`,
      health: ['disabled'],
      disabilityCategory: 'physical',
      disabilityGrade: 'grade1',
      labourSkill: 'lost',
    });
    expect(findings(household(), members)).toEqual([['DISABILITY_CERTIFICATE_AS_ID', 'members[4].idNumber']]);
  });

  it('flags a relationship whose implied sex contradicts the ID', () => {
    expect(findings(household(), plus({ idNumber: IDS.man1992, relationship: 'daughter' }))).toEqual([
      ['RELATIONSHIP_SEX_MISMATCH', 'members[4].relationship'],
    ]);
    expect(findings(household(), plus({ idNumber: IDS.man1992, relationship: 'sibling' }))).toEqual([]);
  });

  it.each([
    ['残疾 without category or grade', { health: ['disabled'], labourSkill: 'weak' }, 'disabilityCategory'],
    ['a grade without 残疾', { disabilityCategory: 'physical', disabilityGrade: 'grade4' }, 'health'],
  ] as const)('flags %s', (_case, overrides, field) => {
    expect(findings(household(), plus({ idNumber: IDS.man1992, ...overrides }))).toEqual([
      ['DISABILITY_DETAIL_INCONSISTENT', `members[4].${field}`],
    ]);
  });
});
