import {
  MONITORING_FIELDS,
  type HouseholdDetail,
  type IncomeInput,
  type MemberInput,
  type MemberRow,
  type MonitoringField,
} from '#common/contracts/registry.ts';
import { ageOn, maskIdNumber, maskPhone, normaliseIdNumber } from '#common/domain/id-card.ts';
import type { Household, Member } from '#common/domain/registry/household.ts';
import { perCapitaNetIncome } from '#common/domain/registry/income.ts';
import { deriveFromIdNumber } from '#common/domain/registry/validation.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import type {
  HouseholdInsert,
  HouseholdRecord,
  IncomeRecord,
  MemberRecord,
  PersonInsert,
} from './registry.repository.ts';

// Between the three shapes of a household: API input/output (contracts), pure domain (rules), database rows.

export type HouseholdFacts = Omit<
  HouseholdInsert,
  'id' | 'countyCode' | 'householdNo' | 'version' | 'createdAt' | 'updatedAt'
>;

export function factsOf(h: HouseholdRecord): Record<string, unknown> {
  return {
    villageCode: h.villageCode,
    kind: h.kind,
    alleviatedAttribute: h.alleviatedAttribute,
    monitoringType: h.monitoringType,
    identificationPeriod: h.identificationPeriod,
    riskTypes: h.riskTypes,
    address: h.address,
    housingGrade: h.housingGrade,
    waterSafe: h.waterSafe,
    schoolDropout: h.schoolDropout,
    housingUnsafe: h.housingUnsafe,
    medicalUninsured: h.medicalUninsured,
  };
}

const MONITORING_LABELS: Record<MonitoringField, { zh: string; en: string }> = {
  monitoringType: { zh: '监测对象类别', en: 'monitoring type' },
  identificationPeriod: { zh: '识别监测时间', en: 'identification month' },
  riskTypes: { zh: '致贫/返贫风险', en: 'risk types' },
  eliminationPeriod: { zh: '风险消除时间', en: 'elimination month' },
  eliminationMode: { zh: '风险消除方式', en: 'elimination mode' },
};

const sameValue = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && [...(a as unknown[])].sort().join() === [...(b as unknown[])].sort().join()
    : (a ?? null) === (b ?? null);

/** The monitoring status of a household nobody has identified. */
export const NOT_MONITORED: Pick<HouseholdRecord, MonitoringField> = {
  monitoringType: null,
  identificationPeriod: null,
  riskTypes: [],
  eliminationPeriod: null,
  eliminationMode: null,
};

/**
 * An edit may not set or clear the monitoring status, nor may a new household come with one: only 识别认定 /
 * 风险消除 (cases) or an import of the national export change it. Absent or sent back unchanged (on create: empty)
 * is fine; each changed field is refused.
 */
export function monitoringEdits(
  h: Pick<HouseholdRecord, MonitoringField>,
  input: Partial<Record<MonitoringField, unknown>>,
  when: 'edit' | 'create' = 'edit',
) {
  return MONITORING_FIELDS.filter((f) => input[f] !== undefined && !sameValue(input[f], h[f])).map((field) => ({
    field,
    messageZh: `${MONITORING_LABELS[field].zh}只能通过识别认定或风险消除程序修改（或导入全国系统数据），${when === 'create' ? '新增农户时不能填写' : '不能在基本信息中修改'}`,
    messageEn: `The ${MONITORING_LABELS[field].en} can be changed only through identification or risk elimination (or an import of the national export), ${when === 'create' ? 'not given with a new household' : 'not in an edit'}`,
  }));
}

/** The pure rules' view of a household being saved. */
export function toDomainHousehold(
  householdNo: string,
  facts: Omit<
    HouseholdRecord,
    | 'id'
    | 'countyCode'
    | 'householdNo'
    | 'version'
    | 'createdAt'
    | 'updatedAt'
    | 'monitoringStatus'
    | 'phoneCipher'
    | 'extra'
    | 'closedOn'
    | 'closedReason'
    | 'wholeHouseholdNoLabour'
  > & { phone: string | null },
  members: Member[],
  income: IncomeInput | null,
  wholeHouseholdNoLabour: boolean,
): Household {
  const head = members.find((m) => m.relationship === 'head');
  return {
    householdNo,
    villageCode: facts.villageCode,
    headName: head?.name ?? '',
    headIdNumber: head?.idNumber ?? '',
    kind: facts.kind,
    alleviatedAttribute: facts.alleviatedAttribute as Household['alleviatedAttribute'],
    monitoringType: facts.monitoringType as Household['monitoringType'],
    identificationPeriod: facts.identificationPeriod,
    riskTypes: facts.riskTypes as Household['riskTypes'],
    elimination: facts.eliminationPeriod
      ? { period: facts.eliminationPeriod, mode: facts.eliminationMode as 'assistedElimination' }
      : null,
    wholeHouseholdNoLabour,
    phone: facts.phone,
    address: facts.address,
    housingGrade: facts.housingGrade as Household['housingGrade'],
    waterSafe: facts.waterSafe,
    basicNeeds: {
      schoolDropout: facts.schoolDropout,
      housingUnsafe: facts.housingUnsafe,
      waterUnsafe: facts.waterSafe === null ? null : !facts.waterSafe,
      medicalUninsured: facts.medicalUninsured,
    },
    income,
  };
}

/** A person's recorded facts (codes as stored), shared by the domain member and the list row. */
function personFacts(r: MemberRecord) {
  return {
    ethnicity: r.ethnicity as Member['ethnicity'],
    politicalStatus: r.politicalStatus as Member['politicalStatus'],
    education: r.education as Member['education'],
    schooling: r.schooling as Member['schooling'],
    health: r.health as Member['health'],
    disabilityCategory: r.disabilityCategory as Member['disabilityCategory'],
    disabilityGrade: r.disabilityGrade as Member['disabilityGrade'],
    labourSkill: r.labourSkill as Member['labourSkill'],
    workMonths: r.workMonths,
    workPlace: r.workPlace,
    publicWelfarePost: r.publicWelfarePost,
    residentMedicalInsurance: r.residentMedicalInsurance,
    employeeMedicalInsurance: r.employeeMedicalInsurance,
    minimumLiving: r.minimumLiving,
    destituteSupport: r.destituteSupport,
  } as Pick<
    Member,
    | 'ethnicity'
    | 'politicalStatus'
    | 'education'
    | 'schooling'
    | 'health'
    | 'disabilityCategory'
    | 'disabilityGrade'
    | 'labourSkill'
    | 'workMonths'
    | 'workPlace'
    | 'publicWelfarePost'
    | 'residentMedicalInsurance'
    | 'employeeMedicalInsurance'
    | 'minimumLiving'
    | 'destituteSupport'
  >;
}

export function memberFromRecord(r: MemberRecord, box: PersonalDataBox): Member {
  return {
    name: r.name,
    idNumber: box.decrypt(r.idCipher),
    relationship: r.relationship as Member['relationship'],
    ...personFacts(r),
    phone: r.phoneCipher ? box.decrypt(r.phoneCipher) : null,
  };
}

/** A person row from an input member: the ID only as hash and cipher; sex and birth date derived from it. */
export function personFromInput(m: MemberInput, countyCode: string, box: PersonalDataBox, today: string): PersonInsert {
  const idNumber = normaliseIdNumber(m.idNumber);
  const facts = deriveFromIdNumber(idNumber, today);
  return {
    countyCode,
    idHash: box.hash(idNumber),
    idCipher: box.encrypt(idNumber),
    idKind: idNumber.length > 18 ? 'disability' : 'resident',
    name: m.name,
    sex: facts.ok ? facts.sex : null,
    birthDate: facts.ok ? facts.birthDate : null,
    ethnicity: m.ethnicity,
    politicalStatus: m.politicalStatus,
    education: m.education,
    schooling: m.schooling,
    health: [...m.health],
    disabilityCategory: m.disabilityCategory,
    disabilityGrade: m.disabilityGrade,
    labourSkill: m.labourSkill,
    workMonths: m.workMonths,
    workPlace: m.workPlace,
    publicWelfarePost: m.publicWelfarePost,
    residentMedicalInsurance: m.residentMedicalInsurance,
    employeeMedicalInsurance: m.employeeMedicalInsurance,
    minimumLiving: m.minimumLiving,
    destituteSupport: m.destituteSupport,
    phoneCipher: m.phone ? box.encrypt(m.phone) : null,
  };
}

/** A member for lists and the household page: ID and phone masked. */
export function memberRowOf(r: MemberRecord, box: PersonalDataBox, today: string): MemberRow {
  const id = box.decrypt(r.idCipher);
  return {
    personId: r.id,
    name: r.name,
    idMasked: maskIdNumber(id),
    idKind: r.idKind,
    relationship: r.relationship as MemberRow['relationship'],
    sex: r.sex,
    birthDate: r.birthDate,
    age: r.birthDate ? ageOn(r.birthDate, today) : null,
    ...personFacts(r),
    health: [...(r.health as MemberRow['health'])],
    phoneMasked: r.phoneCipher ? maskPhone(box.decrypt(r.phoneCipher)) : null,
    validFrom: r.validFrom,
  };
}

export function incomeRowOf(r: IncomeRecord): HouseholdDetail['incomes'][number] {
  const income = {
    year: r.year,
    wageIncome: r.wageIncome,
    businessIncome: r.businessIncome,
    propertyIncome: r.propertyIncome,
    transferIncome: r.transferIncome,
    businessCost: r.businessCost,
    insurancePayout: r.insurancePayout,
    eligibleOutOfPocket: r.eligibleOutOfPocket,
  };
  return {
    ...income,
    householdSize: r.householdSize,
    netIncome: r.netIncome!,
    perCapitaNetIncome: perCapitaNetIncome(income, r.householdSize),
  };
}

/** What the timeline keeps of a member: never the ID number or phone. */
export function memberAuditView(m: Pick<Member, 'name' | 'idNumber' | 'relationship' | 'labourSkill' | 'health'>) {
  return {
    name: m.name,
    id: maskIdNumber(m.idNumber),
    relationship: m.relationship,
    labourSkill: m.labourSkill,
    health: m.health,
  };
}
