// Data-quality rules about a household whose risk is eliminated (风险消除, policy-rules §1.8):
// the national checks 1_11_005 (a child of compulsory-school age out of school after elimination)
// and 1_11_011 (an eliminated household must have a 监测联系人 with a phone).

import { EDUCATION_LEVELS } from './codes.ts';
import {
  ageOf,
  defineRule,
  householdFinding,
  memberFinding,
  type QualityRule,
  type RuleFinding,
} from './quality-rule.ts';

/** 文化程度 that show compulsory education was completed (初中 and above). */
const COMPLETED_COMPULSORY = new Set<string>(
  EDUCATION_LEVELS.slice(EDUCATION_LEVELS.findIndex((e) => e.code === 'juniorSecondary')).map((e) => e.code),
);

export const eliminatedSchoolDropout = defineRule(
  {
    code: 'ELIMINATED_SCHOOL_DROPOUT',
    nationalRef: '1_11_005',
    nameZh: '风险消除后义务教育阶段适龄儿童少年失学辍学',
    nameEn: 'A child of compulsory-school age is out of school after elimination',
    severity: 'error',
  },
  (h, members, { today, params }) => {
    if (h.elimination === null) return [];
    const findings: RuleFinding[] = [];
    if (h.basicNeeds.schoolDropout === true) {
      findings.push(
        householdFinding(
          'basicNeeds.schoolDropout',
          '风险已消除，但登记有义务教育阶段失学辍学',
          'risk eliminated while a compulsory-school dropout is recorded',
          { eliminationPeriod: h.elimination.period },
        ),
      );
    }
    members.forEach((m, i) => {
      const age = ageOf(m, today);
      if (age === null || age < params.compulsorySchoolAgeFrom || age >= params.compulsorySchoolAgeTo) return;
      // Not a student (文化程度 filled instead of 在校生状况) and without 初中 completed: out of school.
      if (m.schooling !== null || (m.education !== null && COMPLETED_COMPULSORY.has(m.education))) return;
      findings.push(
        memberFinding(
          i,
          'schooling',
          `${age}岁，处于义务教育阶段却未在校`,
          `aged ${age}, of compulsory-school age and not in school`,
          {
            age,
            education: m.education,
            compulsorySchoolAgeFrom: params.compulsorySchoolAgeFrom,
            compulsorySchoolAgeTo: params.compulsorySchoolAgeTo,
          },
        ),
      );
    });
    return findings;
  },
);

export const eliminatedWithoutContact = defineRule(
  {
    code: 'ELIMINATED_WITHOUT_CONTACT',
    nationalRef: '1_11_011',
    nameZh: '风险消除户缺少监测联系人或联系电话',
    nameEn: 'Eliminated household lacks a monitoring contact or the contact’s phone',
    severity: 'error',
  },
  (h, _members, { assistance }) => {
    if (h.elimination === null || assistance?.contact === undefined) return [];
    const contact = assistance.contact;
    if (contact === null)
      return [
        householdFinding(
          'monitoringContact',
          '风险已消除，未落实监测联系人（结对帮扶干部）',
          'risk eliminated without a monitoring contact (paired cadre)',
          { contact: null },
        ),
      ];
    if (!contact.hasPhone)
      return [
        householdFinding(
          'monitoringContact.phone',
          `监测联系人${contact.name}未登记联系电话`,
          `monitoring contact ${contact.name} has no phone recorded`,
          { contact: contact.name },
        ),
      ];
    return [];
  },
);

export const ELIMINATION_RULES: readonly QualityRule[] = [eliminatedSchoolDropout, eliminatedWithoutContact];
