// The registry's view of one household and its active members, as the pure rules see
// it: codes already mapped from labels, money in fen, months as `YYYY-MM`. Sex and birth
// date are absent on purpose: they are read from the ID number (see memberFacts).

import type { Fen } from '../money.ts';
import type { Period } from '../period.ts';
import type {
  AlleviatedAttribute,
  DisabilityCategory,
  DisabilityGrade,
  EducationLevel,
  EliminationMode,
  Ethnicity,
  HealthCondition,
  HouseholdKind,
  HousingGrade,
  LabourSkill,
  MonitoringType,
  PoliticalStatus,
  Relationship,
  RiskType,
  SchoolingStatus,
} from './codes.ts';

/** Yearly household income (收支情况), all in fen; names follow the glossary. */
export interface HouseholdIncome {
  /** 收入年度: the year the figures cover. */
  year: number;
  wageIncome: Fen;
  businessIncome: Fen;
  propertyIncome: Fen;
  transferIncome: Fen;
  businessCost: Fen;
  insurancePayout: Fen;
  eligibleOutOfPocket: Fen;
}

/** The money fields of an income year, in the national schema's order (forms, labels, validation). */
export const INCOME_AMOUNT_FIELDS = [
  'wageIncome',
  'businessIncome',
  'propertyIncome',
  'transferIncome',
  'businessCost',
  'insurancePayout',
  'eligibleOutOfPocket',
] as const satisfies readonly (keyof HouseholdIncome)[];

/**
 * 三保障和饮水安全 flags as the national schema records them (§1.4); null means "not
 * recorded", which a monitored household must not leave.
 */
export interface BasicNeedsStatus {
  schoolDropout: boolean | null;
  housingUnsafe: boolean | null;
  waterUnsafe: boolean | null;
  medicalUninsured: boolean | null;
}

export interface Elimination {
  period: Period;
  mode: EliminationMode;
}

export interface Household {
  householdNo: string;
  /** 12-digit statistical code of the administrative village. */
  villageCode: string;
  headName: string;
  headIdNumber: string;
  kind: HouseholdKind;
  alleviatedAttribute: AlleviatedAttribute | null;
  /** Set while (or since) the household is a monitored household. */
  monitoringType: MonitoringType | null;
  /** 识别监测时间. */
  identificationPeriod: Period | null;
  /** 致贫/返贫风险1..5. */
  riskTypes: readonly RiskType[];
  /** 风险消除: null while the risk is open or the household was never monitored. */
  elimination: Elimination | null;
  /** 整户无劳动能力兜底保障户 as recorded; compare with deriveWholeHouseholdNoLabour. */
  wholeHouseholdNoLabour: boolean;
  phone: string | null;
  address: string | null;
  housingGrade: HousingGrade | null;
  waterSafe: boolean | null;
  basicNeeds: BasicNeedsStatus;
  income: HouseholdIncome | null;
}

export interface Member {
  name: string;
  /** 18-character resident ID, or a 20/22-character disability certificate number. */
  idNumber: string;
  relationship: Relationship;
  ethnicity: Ethnicity | null;
  politicalStatus: PoliticalStatus | null;
  /** 文化程度: exactly one of education and schooling is set. */
  education: EducationLevel | null;
  /** 在校生状况. */
  schooling: SchoolingStatus | null;
  health: readonly HealthCondition[];
  disabilityCategory: DisabilityCategory | null;
  disabilityGrade: DisabilityGrade | null;
  labourSkill: LabourSkill;
  /** 务工时间(月). */
  workMonths: number | null;
  /** 务工所在地. */
  workPlace: string | null;
  /** Holds a 公益岗位. */
  publicWelfarePost: boolean;
  /** 是否参加城乡居民基本医疗保险. */
  residentMedicalInsurance: boolean;
  /** 是否参加城镇职工基本医疗保险. */
  employeeMedicalInsurance: boolean;
  /** 是否享受低保. */
  minimumLiving: boolean;
  /** 是否特困供养人员. */
  destituteSupport: boolean;
  phone: string | null;
}
