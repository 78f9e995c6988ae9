import type { CreateHouseholdRequest, MemberInput } from '#common/contracts/registry.ts';
import { computeCheckDigit } from '#common/domain/id-card.ts';
import { member } from '#common/domain/registry/fixtures.ts';

// Test data with overrides: each call makes new, valid, unique people.

let sequence = 0;

/** A valid GB 11643 number in Qinshui (140521) for a birth date and sex. */
export function makeIdNumber(birthDate: string, sex: 'male' | 'female'): string {
  sequence += 1;
  const seq = String((sequence * 2) % 1000).padStart(3, '0');
  const adjusted = seq.slice(0, 2) + String((Number(seq[2]) - (Number(seq[2]) % 2) + (sex === 'male' ? 1 : 0)) % 10);
  const first17 = `140521${birthDate.replaceAll('-', '')}${adjusted}`;
  return first17 + computeCheckDigit(first17);
}

/** The registry fixtures' head of household (common/domain/registry/fixtures.ts) with a fresh ID. */
export function memberInput(overrides: Partial<MemberInput> = {}): MemberInput {
  return { ...(member() as MemberInput), idNumber: makeIdNumber('1968-03-12', 'male'), ...overrides };
}

let householdSeq = 0;

/** A three-person household in 龙港镇's first village (where the demo village officer works). */
export function householdRequest(overrides: Partial<CreateHouseholdRequest> = {}): CreateHouseholdRequest {
  householdSeq += 1;
  return {
    householdNo: `1405211002010${String(householdSeq).padStart(3, '0')}`,
    villageCode: '140521100201',
    kind: 'ordinary',
    alleviatedAttribute: null,
    monitoringType: null,
    identificationPeriod: null,
    riskTypes: [],
    phone: '13912345678',
    address: '第一村民小组 12 号',
    housingGrade: 'B',
    waterSafe: true,
    schoolDropout: false,
    housingUnsafe: false,
    medicalUninsured: false,
    members: [
      memberInput({ name: `王建${householdSeq}` }),
      memberInput({
        name: '李秀英',
        idNumber: makeIdNumber('1970-08-05', 'female'),
        relationship: 'spouse',
        phone: null,
      }),
      memberInput({
        name: '王丽',
        idNumber: makeIdNumber('2012-05-20', 'female'),
        relationship: 'daughter',
        education: null,
        schooling: 'primarySchool',
        labourSkill: 'none',
        workMonths: null,
        workPlace: null,
        phone: null,
      }),
    ],
    income: {
      year: 2025,
      wageIncome: 3_600_000,
      businessIncome: 800_000,
      propertyIncome: 50_000,
      transferIncome: 300_000,
      businessCost: 250_000,
      insurancePayout: 0,
      eligibleOutOfPocket: 0,
    },
    reason: '新增农户',
    ...overrides,
  };
}
