// Hard validation of one household with its active members: what must hold before a
// save is accepted (policy-rules §3.3, §3.5, formats §1). Anything merely implausible
// is a data-quality warning instead (quality-checks.ts), so that real but unusual
// families can still be recorded.

import {
  disabilityCertificateParts,
  normaliseIdNumber,
  validateIdNumber,
  type IdNumberFailure,
  type Sex,
} from '../id-card.ts';
import { monitoringTypeFits } from '../cases/monitoring-type.ts';
import { levelOfCode } from '../org-code.ts';
import { isPeriod, periodOf, type IsoDate, type Period } from '../period.ts';
import {
  ALLEVIATED_ATTRIBUTES,
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  EDUCATION_LEVELS,
  ELIMINATION_MODES,
  ETHNICITIES,
  HEALTH_CONDITIONS,
  HOUSEHOLD_KINDS,
  HOUSING_GRADES,
  LABOUR_CAPABLE_SKILLS,
  LABOUR_SKILLS,
  MONITORING_TYPES,
  POLITICAL_STATUSES,
  RELATIONSHIPS,
  RISK_TYPES,
  SCHOOLING_STATUSES,
  isCode,
  type CodeEntry,
} from './codes.ts';
import type { Household, Member } from './household.ts';
import { checkIncome } from './validation-income.ts';

export { EARLIEST_INCOME_YEAR } from './validation-income.ts';

export interface ValidationContext {
  today: IsoDate;
}

export type ValidationErrorCode =
  | 'required'
  | 'unknownCode'
  | 'invalidVillageCode'
  | 'alleviatedAttributeMissing'
  | 'alleviatedAttributeNotAllowed'
  | 'identificationPeriodMissing'
  | 'monitoringTypeMissing'
  | 'invalidPeriod'
  | 'identificationInFuture'
  | 'identificationTooEarly'
  | 'monitoringTypeKind'
  | 'tooManyRiskTypes'
  | 'eliminationWithoutMonitoring'
  | 'eliminationBeforeIdentification'
  | 'invalidIncomeYear'
  | 'invalidAmount'
  | 'invalidIdNumber'
  | 'duplicateIdNumber'
  | 'educationXorSchooling'
  | 'healthMissing'
  | 'healthContradiction'
  | 'invalidWorkMonths'
  | 'noMembers'
  | 'noHead'
  | 'multipleHeads'
  | 'multipleSpouses'
  | 'headSpouseSameSex'
  | 'headNotInMembers'
  | 'headNameMismatch';

export interface FieldError {
  /** Path into the submitted shape, e.g. `members[2].idNumber`, so a form can mark the cell. */
  field: string;
  code: ValidationErrorCode;
  messageZh: string;
  messageEn: string;
}

/** The 2020-03-20 guidance created 防止返贫监测 (§1.1): no household was identified earlier. */
export const MONITORING_MECHANISM_START: Period = '2020-03';
/** 建档立卡 began in 2014; no registry income record covers an earlier year. */
/** The national schema has 致贫/返贫风险1..5 (§1.4). */
export const MAX_RISK_TYPES = 5;

export type IdFacts =
  | { ok: true; sex: Sex; birthDate: IsoDate; areaCode: string; disabilityCertificate: boolean }
  | { ok: false; reason: IdNumberFailure; messageZh: string; messageEn: string };

/** Sex and birth date come from the ID (formats §1); a 残疾人证号 embeds the holder's ID. */
export function deriveFromIdNumber(idNumber: string, today: IsoDate): IdFacts {
  const certificate = disabilityCertificateParts(idNumber);
  const result = validateIdNumber(certificate ? certificate.idNumber : idNumber, today);
  if (!result.ok) return result;
  const { sex, birthDate, areaCode } = result;
  return { ok: true, sex, birthDate, areaCode, disabilityCertificate: certificate !== null };
}

/** 整户无劳动能力 (§1.7): no member is a 技能, 普通 or 弱/半 labourer. */
export function deriveWholeHouseholdNoLabour(members: readonly Pick<Member, 'labourSkill'>[]): boolean {
  return members.length > 0 && !members.some((m) => LABOUR_CAPABLE_SKILLS.includes(m.labourSkill));
}

type Report = (field: string, code: ValidationErrorCode, messageZh: string, messageEn: string) => void;

function checkCode(report: Report, list: readonly CodeEntry[], value: unknown, field: string, nullable: boolean): void {
  if (nullable && value === null) return;
  if (!isCode(list, value))
    report(
      field,
      'unknownCode',
      `${field}的代码"${String(value)}"不在代码表中`,
      `${field}: unknown code "${String(value)}"`,
    );
}

function checkMonitoring(h: Household, today: IsoDate, report: Report): void {
  checkCode(report, MONITORING_TYPES, h.monitoringType, 'monitoringType', true);
  const period = h.identificationPeriod;
  if (h.monitoringType !== null && period === null) {
    report(
      'identificationPeriod',
      'identificationPeriodMissing',
      '监测对象须填写识别监测时间',
      'A monitored household needs its identification month',
    );
  }
  if (h.monitoringType === null && period !== null) {
    report(
      'monitoringType',
      'monitoringTypeMissing',
      '填写了识别监测时间但未填写监测对象类别',
      'Identification month given without a monitoring type',
    );
  }
  if (period !== null && !isPeriod(period)) {
    report(
      'identificationPeriod',
      'invalidPeriod',
      '识别监测时间应为年月（YYYY-MM）',
      'Identification month must be YYYY-MM',
    );
  } else if (period !== null && period > periodOf(today)) {
    report(
      'identificationPeriod',
      'identificationInFuture',
      '识别监测时间晚于当前月份',
      'Identification month is in the future',
    );
  } else if (period !== null && period < MONITORING_MECHANISM_START) {
    report(
      'identificationPeriod',
      'identificationTooEarly',
      `识别监测时间早于监测机制建立（${MONITORING_MECHANISM_START}）`,
      `Identification month precedes the monitoring mechanism (${MONITORING_MECHANISM_START})`,
    );
  }
  // §1.2: 脱贫不稳定户 are 脱贫户 by definition, 边缘易致贫户 are not; 突发严重困难户 may be either.
  // One rule with the identification procedure (cases/monitoring-type.ts); an unknown kind is reported by its own check.
  const wrongKind =
    isCode(MONITORING_TYPES, h.monitoringType) &&
    isCode(HOUSEHOLD_KINDS, h.kind) &&
    !monitoringTypeFits(h.kind, h.monitoringType);
  if (wrongKind) {
    report(
      'monitoringType',
      'monitoringTypeKind',
      '脱贫不稳定户须为脱贫户，边缘易致贫户须为一般农户',
      'An unstable household must be alleviated and an edge household ordinary',
    );
  }
  if (!Array.isArray(h.riskTypes) || h.riskTypes.length > MAX_RISK_TYPES) {
    report(
      'riskTypes',
      'tooManyRiskTypes',
      `致贫/返贫风险最多${MAX_RISK_TYPES}项`,
      `At most ${MAX_RISK_TYPES} risk types`,
    );
  } else if (h.riskTypes.some((risk) => !isCode(RISK_TYPES, risk))) {
    report('riskTypes', 'unknownCode', '致贫/返贫风险含未知代码', 'Risk types contain an unknown code');
  }
  if (h.elimination === null) return;
  if (h.monitoringType === null) {
    report(
      'elimination',
      'eliminationWithoutMonitoring',
      '未纳入监测的户不能标注风险消除',
      'Only a monitored household can have its risk eliminated',
    );
    return;
  }
  checkCode(report, ELIMINATION_MODES, h.elimination.mode, 'elimination.mode', false);
  const eliminated = h.elimination.period;
  if (!isPeriod(eliminated) || eliminated > periodOf(today)) {
    report(
      'elimination.period',
      'invalidPeriod',
      '风险消除时间应为不晚于当前月份的年月',
      'Elimination month must be a YYYY-MM month not in the future',
    );
  } else if (period !== null && isPeriod(period) && eliminated < period) {
    report(
      'elimination.period',
      'eliminationBeforeIdentification',
      '风险消除时间早于识别监测时间',
      'Elimination month precedes the identification month',
    );
  }
}

function checkHouseholdFields(h: Household, today: IsoDate, report: Report): void {
  if (h.householdNo.trim() === '') report('householdNo', 'required', '户编号不能为空', 'Household number is required');
  if (!/^\d{12}$/.test(h.villageCode) || levelOfCode(h.villageCode) !== 'village') {
    report(
      'villageCode',
      'invalidVillageCode',
      '行政区划代码应为12位行政村代码',
      'Village code must be a 12-digit village-level code',
    );
  }
  checkCode(report, HOUSEHOLD_KINDS, h.kind, 'kind', false);
  checkCode(report, ALLEVIATED_ATTRIBUTES, h.alleviatedAttribute, 'alleviatedAttribute', true);
  if (h.kind === 'alleviated' && h.alleviatedAttribute === null) {
    report(
      'alleviatedAttribute',
      'alleviatedAttributeMissing',
      '脱贫户须填写脱贫属性',
      'An alleviated household needs its alleviated attribute',
    );
  }
  if (h.kind !== 'alleviated' && h.alleviatedAttribute !== null) {
    report(
      'alleviatedAttribute',
      'alleviatedAttributeNotAllowed',
      '只有脱贫户可以填写脱贫属性',
      'Only an alleviated household has an alleviated attribute',
    );
  }
  checkMonitoring(h, today, report);
  checkCode(report, HOUSING_GRADES, h.housingGrade, 'housingGrade', true);
  if (h.income !== null) checkIncome(h.income, today, report);
}

function checkMember(m: Member, index: number, report: Report): void {
  const path = `members[${index}]`;
  const zh = `第${index + 1}名成员`;
  const en = `Member ${index + 1}`;
  checkCode(report, RELATIONSHIPS, m.relationship, `${path}.relationship`, false);
  checkCode(report, LABOUR_SKILLS, m.labourSkill, `${path}.labourSkill`, false);
  checkCode(report, EDUCATION_LEVELS, m.education, `${path}.education`, true);
  checkCode(report, SCHOOLING_STATUSES, m.schooling, `${path}.schooling`, true);
  checkCode(report, DISABILITY_CATEGORIES, m.disabilityCategory, `${path}.disabilityCategory`, true);
  checkCode(report, DISABILITY_GRADES, m.disabilityGrade, `${path}.disabilityGrade`, true);
  checkCode(report, ETHNICITIES, m.ethnicity, `${path}.ethnicity`, true);
  checkCode(report, POLITICAL_STATUSES, m.politicalStatus, `${path}.politicalStatus`, true);
  if ((m.education === null) === (m.schooling === null)) {
    report(
      `${path}.education`,
      'educationXorSchooling',
      `${zh}：文化程度与在校生状况须且只能填写一项`,
      `${en}: fill exactly one of education and schooling`,
    );
  }
  if (m.health.length === 0) {
    report(`${path}.health`, 'healthMissing', `${zh}：未填写健康状况`, `${en}: health is required`);
  } else if (m.health.some((c) => !isCode(HEALTH_CONDITIONS, c))) {
    report(`${path}.health`, 'unknownCode', `${zh}：健康状况含未知代码`, `${en}: health contains an unknown code`);
  } else if (m.health.includes('healthy') && m.health.length > 1) {
    report(
      `${path}.health`,
      'healthContradiction',
      `${zh}："健康"不能与疾病或残疾同时填写`,
      `${en}: "healthy" cannot be combined with illness or disability`,
    );
  }
  if (m.workMonths !== null && !(Number.isInteger(m.workMonths) && m.workMonths >= 0 && m.workMonths <= 12)) {
    report(
      `${path}.workMonths`,
      'invalidWorkMonths',
      `${zh}：务工时间应为0至12个月`,
      `${en}: work months must be 0 to 12`,
    );
  }
}

function checkStructure(h: Household, members: readonly Member[], sexes: (Sex | null)[], report: Report): void {
  const heads = members.flatMap((m, i) => (m.relationship === 'head' ? [i] : []));
  const spouses = members.flatMap((m, i) => (m.relationship === 'spouse' ? [i] : []));
  if (members.length === 0) report('members', 'noMembers', '户内没有家庭成员', 'The household has no members');
  else if (heads.length === 0) report('members', 'noHead', '户内没有户主', 'The household has no head');
  for (const i of heads.slice(1)) {
    report(
      `members[${i}].relationship`,
      'multipleHeads',
      `第${i + 1}名成员：一户只能有一名户主`,
      `Member ${i + 1}: a household has exactly one head`,
    );
  }
  for (const i of spouses.slice(1)) {
    report(
      `members[${i}].relationship`,
      'multipleSpouses',
      `第${i + 1}名成员：一户最多一名配偶`,
      `Member ${i + 1}: a household has at most one spouse`,
    );
  }
  const [head] = heads;
  const [spouse] = spouses;
  if (head !== undefined && spouse !== undefined && sexes[head] !== null && sexes[head] === sexes[spouse]) {
    report(
      `members[${spouse}].relationship`,
      'headSpouseSameSex',
      `第${spouse + 1}名成员：户主与配偶性别相同（据证件号码）`,
      `Member ${spouse + 1}: head and spouse have the same sex according to their ID numbers`,
    );
  }
  const headMember = head === undefined ? undefined : members[head];
  if (!headMember || normaliseIdNumber(headMember.idNumber) !== normaliseIdNumber(h.headIdNumber)) {
    report(
      'headIdNumber',
      'headNotInMembers',
      '户主证件号码与家庭成员中的户主不一致',
      'The head ID number does not match the member marked as head',
    );
  } else if (headMember.name.trim() !== h.headName.trim()) {
    report(
      'headName',
      'headNameMismatch',
      '户主姓名与家庭成员中的户主不一致',
      'The head name does not match the member marked as head',
    );
  }
}

/** All hard errors of one household; an empty list means it may be saved. */
export function validateHousehold(
  household: Household,
  members: readonly Member[],
  ctx: ValidationContext,
): FieldError[] {
  const errors: FieldError[] = [];
  const report: Report = (field, code, messageZh, messageEn) => errors.push({ field, code, messageZh, messageEn });
  checkHouseholdFields(household, ctx.today, report);

  const seen = new Set<string>();
  const sexes = members.map((m, i) => {
    const field = `members[${i}].idNumber`;
    const facts = deriveFromIdNumber(m.idNumber, ctx.today);
    if (!facts.ok)
      report(field, 'invalidIdNumber', `第${i + 1}名成员：${facts.messageZh}`, `Member ${i + 1}: ${facts.messageEn}`);
    const key = normaliseIdNumber(m.idNumber);
    if (seen.has(key))
      report(
        field,
        'duplicateIdNumber',
        `第${i + 1}名成员：证件号码在户内重复`,
        `Member ${i + 1}: ID number repeated within the household`,
      );
    seen.add(key);
    checkMember(m, i, report);
    return facts.ok ? facts.sex : null;
  });
  checkStructure(household, members, sexes, report);
  return errors;
}
