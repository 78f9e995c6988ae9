// Test data builders for the registry rules: one valid four-person household that each
// test bends in a single way, so a failing assertion points at the rule it names.
// Used by tests only; the IDs are made up but carry correct GB 11643 check characters.

import type { Household, Member } from './household.ts';

export const FIXTURE_TODAY = '2024-06-30';

export const IDS = {
  head: '140521196803120119', // male, 1968-03-12
  spouse: '140521197008050224', // female, 1970-08-05
  son: '140521199510010315', // male, 1995-10-01
  daughter: '14052120120520042X', // female, 2012-05-20
  father: '14052119400115051X', // male, 1940-01-15
  otherWoman: '140521197202020627', // female, 1972-02-02
  otherMan: '140521197303030736', // male, 1973-03-03
  girl2010: '140521201001010827', // female, 2010-01-01
  man1992: '140521199206060916', // male, 1992-06-06
} as const;

export function member(overrides: Partial<Member> = {}): Member {
  return {
    name: '王建国',
    idNumber: IDS.head,
    relationship: 'head',
    ethnicity: 'han',
    politicalStatus: 'masses',
    education: 'juniorSecondary',
    schooling: null,
    health: ['healthy'],
    disabilityCategory: null,
    disabilityGrade: null,
    labourSkill: 'ordinary',
    workMonths: 8,
    workPlace: '晋城市',
    publicWelfarePost: false,
    residentMedicalInsurance: true,
    employeeMedicalInsurance: false,
    minimumLiving: false,
    destituteSupport: false,
    phone: '13812345678',
    ...overrides,
  };
}

export function family(): Member[] {
  return [
    member(),
    member({ name: '李秀英', idNumber: IDS.spouse, relationship: 'spouse', workMonths: null, workPlace: null }),
    member({
      name: '王磊',
      idNumber: IDS.son,
      relationship: 'son',
      education: 'seniorSecondary',
      labourSkill: 'skilled',
    }),
    member({
      name: '王丽',
      idNumber: IDS.daughter,
      relationship: 'daughter',
      education: null,
      schooling: 'primarySchool',
      labourSkill: 'none',
      workMonths: null,
      workPlace: null,
      phone: null,
    }),
  ];
}

export function household(overrides: Partial<Household> = {}): Household {
  return {
    householdNo: '1405211012010001',
    villageCode: '140521101201',
    headName: '王建国',
    headIdNumber: IDS.head,
    kind: 'ordinary',
    alleviatedAttribute: null,
    monitoringType: null,
    identificationPeriod: null,
    riskTypes: [],
    elimination: null,
    wholeHouseholdNoLabour: false,
    phone: '13812345678',
    address: '第3组27号',
    housingGrade: 'A',
    waterSafe: true,
    basicNeeds: { schoolDropout: false, housingUnsafe: false, waterUnsafe: false, medicalUninsured: false },
    income: {
      year: 2023,
      wageIncome: 3_600_000,
      businessIncome: 800_000,
      propertyIncome: 50_000,
      transferIncome: 300_000,
      businessCost: 250_000,
      insurancePayout: 0,
      eligibleOutOfPocket: 0,
    },
    ...overrides,
  };
}

/** A monitored 边缘易致贫户 identified in 2023-03 for illness, with low income. */
export function monitoredHousehold(overrides: Partial<Household> = {}): Household {
  return household({
    monitoringType: 'edge',
    identificationPeriod: '2023-03',
    riskTypes: ['illness'],
    income: {
      year: 2023,
      wageIncome: 1_200_000,
      businessIncome: 300_000,
      propertyIncome: 0,
      transferIncome: 200_000,
      businessCost: 100_000,
      insurancePayout: 200_000,
      eligibleOutOfPocket: 900_000,
    },
    ...overrides,
  });
}
