import { describe, expect, it } from 'vitest';
import { FIXTURE_TODAY, IDS, family, household, member, monitoredHousehold } from './fixtures.ts';
import type { Household, Member } from './household.ts';
import { deriveFromIdNumber, deriveWholeHouseholdNoLabour, validateHousehold } from './validation.ts';

const ctx = { today: FIXTURE_TODAY };

function errorsOf(h: Household, members: Member[]) {
  return validateHousehold(h, members, ctx).map((e) => [e.field, e.code]);
}

function withMember(index: number, overrides: Partial<Member>): Member[] {
  const members = family();
  members[index] = { ...members[index], ...overrides };
  return members;
}

describe('validateHousehold: a complete household passes', () => {
  it('has no errors', () => {
    expect(validateHousehold(household(), family(), ctx)).toEqual([]);
    expect(validateHousehold(monitoredHousehold(), family(), ctx)).toEqual([]);
  });

  it('every error carries both languages, the English one free of Chinese', () => {
    const members = withMember(1, { idNumber: '123', health: [], workMonths: 20, education: null });
    const errors = validateHousehold(household({ headName: '王建', kind: 'alleviated' }), members, ctx);
    expect(errors.length).toBeGreaterThanOrEqual(5);
    for (const error of errors) {
      expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
      expect(error.messageEn).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});

describe('members: ID numbers', () => {
  it.each([
    ['wrong check character', '140521196803120118', 'members[0].idNumber'],
    ['17 characters', '14052119680312011', 'members[0].idNumber'],
    ['impossible birth date', '140521196813120117', 'members[0].idNumber'],
  ])('%s is a hard error', (_case, idNumber, field) => {
    const members = withMember(0, { idNumber });
    const errors = errorsOf(household({ headIdNumber: idNumber }), members);
    expect(errors).toContainEqual([field, 'invalidIdNumber']);
  });

  it('accepts a disability certificate number whose embedded ID is valid (flagged elsewhere)', () => {
    const members = withMember(1, {
      idNumber: `${IDS.spouse}42`,
      health: ['disabled'],
      disabilityCategory: 'physical',
      disabilityGrade: 'grade2',
    });
    expect(errorsOf(household(), members)).toEqual([]);
  });

  it('refuses a disability certificate number whose embedded ID is wrong', () => {
    const members = withMember(1, { idNumber: '140521197008050225' + '42' });
    expect(errorsOf(household(), members)).toEqual([['members[1].idNumber', 'invalidIdNumber']]);
  });

  it('refuses the same ID twice in one household, written differently', () => {
    const members = [
      ...family(),
      member({ name: '王丽', idNumber: IDS.daughter.toLowerCase(), relationship: 'other' }),
    ];
    expect(errorsOf(household(), members)).toEqual([['members[4].idNumber', 'duplicateIdNumber']]);
  });
});

describe('members: relationships (§3.3)', () => {
  it('needs exactly one 户主', () => {
    expect(errorsOf(household(), withMember(0, { relationship: 'father' }))).toEqual([
      ['members', 'noHead'],
      ['headIdNumber', 'headNotInMembers'],
    ]);
    const twoHeads = withMember(2, { relationship: 'head' });
    expect(errorsOf(household(), twoHeads)).toEqual([['members[2].relationship', 'multipleHeads']]);
  });

  it('allows at most one 配偶', () => {
    const members = [...family(), member({ name: '张梅', idNumber: IDS.otherWoman, relationship: 'spouse' })];
    expect(errorsOf(household(), members)).toEqual([['members[4].relationship', 'multipleSpouses']]);
  });

  it('needs 户主 and 配偶 of opposite sex, read from the 17th digit', () => {
    const members = withMember(1, { idNumber: IDS.otherMan });
    expect(errorsOf(household(), members)).toEqual([['members[1].relationship', 'headSpouseSameSex']]);
  });

  it('needs the household head to be the member marked 户主, by ID and name', () => {
    expect(errorsOf(household({ headIdNumber: IDS.son }), family())).toEqual([['headIdNumber', 'headNotInMembers']]);
    expect(errorsOf(household({ headName: '王建' }), family())).toEqual([['headName', 'headNameMismatch']]);
    expect(errorsOf(household({ headName: ' 王建国 ', headIdNumber: ` ${IDS.head} ` }), family())).toEqual([]);
  });

  it('refuses a household without members', () => {
    expect(errorsOf(household(), [])).toEqual([
      ['members', 'noMembers'],
      ['headIdNumber', 'headNotInMembers'],
    ]);
  });
});

describe('members: person fields', () => {
  it.each([
    ['neither 文化程度 nor 在校生状况', { education: null, schooling: null }],
    ['both 文化程度 and 在校生状况', { education: 'primary', schooling: 'primarySchool' }],
  ] as const)('%s is an error', (_case, overrides) => {
    expect(errorsOf(household(), withMember(3, overrides))).toEqual([
      ['members[3].education', 'educationXorSchooling'],
    ]);
  });

  it.each([
    [[], 'healthMissing'],
    [['healthy', 'disabled'], 'healthContradiction'],
  ] as const)('health %j is refused (%s)', (health, code) => {
    expect(errorsOf(household(), withMember(2, { health }))).toEqual([['members[2].health', code]]);
  });

  it('allows combined conditions such as 残疾,长期慢性病', () => {
    const members = withMember(2, {
      health: ['disabled', 'chronicIllness'],
      disabilityCategory: 'visual',
      disabilityGrade: 'grade3',
      labourSkill: 'weak',
    });
    expect(errorsOf(household(), members)).toEqual([]);
  });

  it.each([
    ['relationship', { relationship: 'cousin' }],
    ['labourSkill', { labourSkill: 'strong' }],
    ['health', { health: ['tired'] }],
    ['schooling', { education: null, schooling: 'grade10' }],
    ['disabilityGrade', { disabilityGrade: 'grade5' }],
    ['ethnicity', { ethnicity: 'martian' }],
  ])('an unknown %s code is refused', (field, overrides) => {
    const members = withMember(2, overrides as unknown as Partial<Member>);
    expect(errorsOf(household(), members)).toEqual([[`members[2].${field}`, 'unknownCode']]);
  });

  it.each([13, -1, 2.5])('work months %d is refused', (workMonths) => {
    expect(errorsOf(household(), withMember(0, { workMonths }))).toEqual([
      ['members[0].workMonths', 'invalidWorkMonths'],
    ]);
  });
});

describe('household fields', () => {
  it.each([
    ['脱贫户 without 脱贫属性', { kind: 'alleviated' }, [['alleviatedAttribute', 'alleviatedAttributeMissing']]],
    [
      '一般农户 with 脱贫属性',
      { alleviatedAttribute: 'general' },
      [['alleviatedAttribute', 'alleviatedAttributeNotAllowed']],
    ],
    [
      'monitoring type without 识别监测时间',
      { monitoringType: 'edge' },
      [['identificationPeriod', 'identificationPeriodMissing']],
    ],
    [
      '识别监测时间 without monitoring type',
      { identificationPeriod: '2023-03' },
      [['monitoringType', 'monitoringTypeMissing']],
    ],
    [
      '识别监测时间 in the future',
      { monitoringType: 'edge', identificationPeriod: '2024-07' },
      [['identificationPeriod', 'identificationInFuture']],
    ],
    [
      '识别监测时间 before the mechanism existed',
      { monitoringType: 'edge', identificationPeriod: '2019-12' },
      [['identificationPeriod', 'identificationTooEarly']],
    ],
    [
      '识别监测时间 not a month',
      { monitoringType: 'edge', identificationPeriod: '202303' },
      [['identificationPeriod', 'invalidPeriod']],
    ],
    [
      '脱贫不稳定户 that is not a 脱贫户',
      { monitoringType: 'unstable', identificationPeriod: '2023-03' },
      [['monitoringType', 'monitoringTypeKind']],
    ],
    [
      '边缘易致贫户 that is a 脱贫户',
      { kind: 'alleviated', alleviatedAttribute: 'general', monitoringType: 'edge', identificationPeriod: '2023-03' },
      [['monitoringType', 'monitoringTypeKind']],
    ],
    [
      'elimination without monitoring',
      { elimination: { period: '2023-10', mode: 'assistedElimination' } },
      [['elimination', 'eliminationWithoutMonitoring']],
    ],
    [
      'elimination before identification',
      {
        monitoringType: 'edge',
        identificationPeriod: '2023-03',
        elimination: { period: '2023-02', mode: 'naturalElimination' },
      },
      [['elimination.period', 'eliminationBeforeIdentification']],
    ],
    [
      'six risk types',
      {
        monitoringType: 'edge',
        identificationPeriod: '2023-03',
        riskTypes: ['illness', 'disability', 'education', 'accident', 'other', 'lackOfLabour'],
      },
      [['riskTypes', 'tooManyRiskTypes']],
    ],
    ['an unknown risk type', { riskTypes: ['bad luck'] }, [['riskTypes', 'unknownCode']]],
    ['housing grade E', { housingGrade: 'E' }, [['housingGrade', 'unknownCode']]],
    ['a township code as village', { villageCode: '140521101000' }, [['villageCode', 'invalidVillageCode']]],
    ['a short village code', { villageCode: '1405211012' }, [['villageCode', 'invalidVillageCode']]],
    ['an empty household number', { householdNo: '  ' }, [['householdNo', 'required']]],
  ])('%s', (_case, overrides, expected) => {
    expect(errorsOf(household(overrides as unknown as Partial<Household>), family())).toEqual(expected);
  });

  it('accepts every consistent kind/type pair', () => {
    const pairs = [
      { kind: 'alleviated', alleviatedAttribute: 'minimumLiving', monitoringType: 'unstable' },
      { kind: 'alleviated', alleviatedAttribute: 'general', monitoringType: 'suddenHardship' },
      { kind: 'ordinary', alleviatedAttribute: null, monitoringType: 'suddenHardship' },
      { kind: 'ordinary', alleviatedAttribute: null, monitoringType: 'edge' },
    ] as const;
    for (const pair of pairs) expect(errorsOf(monitoredHousehold(pair), family())).toEqual([]);
  });

  it('refuses negative or fractional fen and an implausible income year', () => {
    const income = { ...household().income!, wageIncome: -1, propertyIncome: 10.5, year: 2025 };
    expect(errorsOf(household({ income }), family())).toEqual([
      ['income.year', 'invalidIncomeYear'],
      ['income.wageIncome', 'invalidAmount'],
      ['income.propertyIncome', 'invalidAmount'],
    ]);
  });
});

describe('deriveFromIdNumber', () => {
  it('reads sex and birth date from a resident ID or a disability certificate number', () => {
    expect(deriveFromIdNumber(IDS.spouse, FIXTURE_TODAY)).toEqual({
      ok: true,
      sex: 'female',
      birthDate: '1970-08-05',
      areaCode: '140521',
      disabilityCertificate: false,
    });
    expect(deriveFromIdNumber(`${IDS.head}71B2`, FIXTURE_TODAY)).toMatchObject({
      ok: true,
      sex: 'male',
      birthDate: '1968-03-12',
      disabilityCertificate: true,
    });
    expect(deriveFromIdNumber('12345', FIXTURE_TODAY)).toMatchObject({ ok: false, reason: 'length' });
  });
});

describe('deriveWholeHouseholdNoLabour (整户无劳动能力, §1.7)', () => {
  it.each([
    [['none', 'lost'], true],
    [['none'], true],
    [['lost', 'lost', 'none'], true],
    [['none', 'weak'], false],
    [['none', 'ordinary'], false],
    [['skilled'], false],
    [[], false],
  ] as const)('skills %j → %s', (skills, expected) => {
    expect(deriveWholeHouseholdNoLabour(skills.map((labourSkill) => member({ labourSkill })))).toBe(expected);
  });
});
