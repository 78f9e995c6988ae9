// Person-level data-quality rules: each looks at one member at a time and names the
// member and the field in its finding. National rule numbers are those quoted in
// policy-rules §3.6 from a county checker of the national export.

import { isDisabilityCertificateNumber } from '../id-card.ts';
import { RELATIONSHIPS, isCode, relationshipEntry, type LabourSkill } from './codes.ts';
import type { Member } from './household.ts';
import { ageOf, defineRule, hasWorkRecord, memberFinding, type QualityRule, type RuleFinding } from './quality-rule.ts';
import { deriveFromIdNumber } from './validation.ts';

function eachMember(members: readonly Member[], test: (m: Member, index: number) => RuleFinding | null): RuleFinding[] {
  return members.flatMap((m, index) => test(m, index) ?? []);
}

/** The §3.6 wording lists 无劳动力 and 弱劳动力或半劳动力 only; 丧失劳动力 is left out as the source does. */
const IMPLAUSIBLE_FOR_HEALTHY_ADULT: readonly LabourSkill[] = ['none', 'weak'];
const NO_OR_WEAK_LABOUR: readonly LabourSkill[] = ['none', 'lost', 'weak'];

export const workingAgeWithoutLabour = defineRule(
  {
    code: 'WORKING_AGE_WITHOUT_LABOUR',
    nationalRef: '5_12_008',
    nameZh: '劳动年龄内健康非在校生为无劳动力或弱劳动力',
    nameEn: 'Healthy working-age non-student recorded with no or weak labour',
    severity: 'warning',
  },
  (_h, members, { today, params }) =>
    eachMember(members, (m, i) => {
      const age = ageOf(m, today);
      const healthy = m.health.length === 1 && m.health[0] === 'healthy';
      if (age === null || age < params.labourAgeFrom || age >= params.labourAgeTo) return null;
      if (!healthy || m.schooling !== null || !IMPLAUSIBLE_FOR_HEALTHY_ADULT.includes(m.labourSkill)) return null;
      return memberFinding(
        i,
        'labourSkill',
        `${age}岁、健康、非在校生，劳动技能却为无劳动力或弱劳动力`,
        `aged ${age}, healthy and not at school, yet recorded with no or weak labour`,
        { age, labourSkill: m.labourSkill, labourAgeFrom: params.labourAgeFrom, labourAgeTo: params.labourAgeTo },
      );
    }),
);

export const noLabourWithWork = defineRule(
  {
    code: 'NO_LABOUR_WITH_WORK',
    nationalRef: '2_01_015',
    nameZh: '无劳动力、丧失劳动力或弱劳动力成员有务工信息',
    nameEn: 'Member without full labour has work records',
    severity: 'warning',
  },
  (_h, members) =>
    eachMember(members, (m, i) =>
      NO_OR_WEAK_LABOUR.includes(m.labourSkill) && hasWorkRecord(m)
        ? memberFinding(
            i,
            'workMonths',
            '劳动技能为无/丧失/弱劳动力，但有务工信息',
            'recorded without full labour but has work months or a work place',
            {
              labourSkill: m.labourSkill,
              workMonths: m.workMonths,
              workPlace: m.workPlace,
            },
          )
        : null,
    ),
);

/** §3.6 quotes this for monitoring-target members; a child in a post is wrong in any household, so it runs on all. */
export const underAgePublicWelfarePost = defineRule(
  {
    code: 'UNDER_AGE_PUBLIC_WELFARE_POST',
    nationalRef: '5_12_004',
    nameZh: '未满16周岁成员在公益性岗位',
    nameEn: 'Member under the minimum age holds a public-welfare post',
    severity: 'warning',
  },
  (_h, members, { today, params }) =>
    eachMember(members, (m, i) => {
      const age = ageOf(m, today);
      if (!m.publicWelfarePost || age === null || age >= params.publicWelfarePostMinAge) return null;
      return memberFinding(
        i,
        'publicWelfarePost',
        `${age}岁，不应在公益性岗位`,
        `aged ${age}, too young for a public-welfare post`,
        {
          age,
          publicWelfarePostMinAge: params.publicWelfarePostMinAge,
        },
      );
    }),
);

export const medicalInsuranceBothOrNeither = defineRule(
  {
    code: 'MEDICAL_INSURANCE_BOTH_OR_NEITHER',
    nationalRef: '2_12_015',
    nameZh: '同时参加或均未参加城乡居民与城镇职工基本医疗保险',
    nameEn: 'Enrolled in both or neither basic medical insurance schemes',
    severity: 'warning',
  },
  (_h, members) =>
    eachMember(members, (m, i) => {
      if (m.residentMedicalInsurance !== m.employeeMedicalInsurance) return null;
      const both = m.residentMedicalInsurance;
      return memberFinding(
        i,
        'residentMedicalInsurance',
        both ? '同时参加城乡居民和城镇职工基本医疗保险' : '未参加任何基本医疗保险',
        both
          ? 'enrolled in both resident and employee basic medical insurance'
          : 'enrolled in no basic medical insurance',
        { residentMedicalInsurance: m.residentMedicalInsurance, employeeMedicalInsurance: m.employeeMedicalInsurance },
      );
    }),
);

export const disabilityCertificateAsId = defineRule(
  {
    code: 'DISABILITY_CERTIFICATE_AS_ID',
    nationalRef: null,
    nameZh: '证件号码为残疾人证号',
    nameEn: 'ID number is a disability certificate number',
    severity: 'warning',
  },
  (_h, members) =>
    eachMember(members, (m, i) =>
      isDisabilityCertificateNumber(m.idNumber)
        ? memberFinding(
            i,
            'idNumber',
            '证件号码为20/22位残疾人证号，请核实后改为身份证号',
            'a 20/22-character disability certificate number is stored as the ID number',
            {
              length: m.idNumber.trim().length,
            },
          )
        : null,
    ),
);

export const relationshipSexMismatch = defineRule(
  {
    code: 'RELATIONSHIP_SEX_MISMATCH',
    nationalRef: null,
    nameZh: '与户主关系与性别不符',
    nameEn: 'Relationship contradicts the sex in the ID number',
    severity: 'warning',
  },
  (_h, members, { today }) =>
    eachMember(members, (m, i) => {
      const implied = isCode(RELATIONSHIPS, m.relationship) ? relationshipEntry(m.relationship).sex : undefined;
      const facts = deriveFromIdNumber(m.idNumber, today);
      if (implied === undefined || !facts.ok || facts.sex === implied) return null;
      return memberFinding(
        i,
        'relationship',
        '与户主关系所指性别与证件号码不符',
        'the relationship implies the other sex than the ID number',
        {
          relationship: m.relationship,
          sexFromId: facts.sex,
        },
      );
    }),
);

export const disabilityDetailInconsistent = defineRule(
  {
    code: 'DISABILITY_DETAIL_INCONSISTENT',
    nationalRef: null,
    nameZh: '残疾状况与残疾类别、等级不一致',
    nameEn: 'Disability status and category/grade disagree',
    severity: 'warning',
  },
  (_h, members) =>
    eachMember(members, (m, i) => {
      const disabled = m.health.includes('disabled');
      const detailed = m.disabilityCategory !== null || m.disabilityGrade !== null;
      const evidence = { disabled, disabilityCategory: m.disabilityCategory, disabilityGrade: m.disabilityGrade };
      if (disabled && (m.disabilityCategory === null || m.disabilityGrade === null)) {
        return memberFinding(
          i,
          'disabilityCategory',
          '健康状况为残疾，但未填写残疾类别或等级',
          'disabled but category or grade is missing',
          evidence,
        );
      }
      if (!disabled && detailed) {
        return memberFinding(
          i,
          'health',
          '填写了残疾类别或等级，但健康状况不含残疾',
          'disability category or grade given without disability in health',
          evidence,
        );
      }
      return null;
    }),
);

export const MEMBER_RULES: readonly QualityRule[] = [
  workingAgeWithoutLabour,
  noLabourWithWork,
  underAgePublicWelfarePost,
  medicalInsuranceBothOrNeither,
  disabilityCertificateAsId,
  relationshipSexMismatch,
  disabilityDetailInconsistent,
];
