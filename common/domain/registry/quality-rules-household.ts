// Household-level data-quality rules about labour, risk types and income
// (policy-rules §1.4, §1.7, §3.4, §3.6).

import { FULL_LABOUR_SKILLS, HOUSING_GRADES, LABOUR_CAPABLE_SKILLS } from './codes.ts';
import { perCapitaNetIncome } from './income.ts';
import { defineRule, hasWorkRecord, householdFinding, isOpenMonitored, type QualityRule } from './quality-rule.ts';
import { deriveWholeHouseholdNoLabour } from './validation.ts';

export const lackOfLabourWithLabour = defineRule(
  {
    code: 'LACK_OF_LABOUR_WITH_LABOUR',
    nationalRef: null,
    nameZh: '风险为缺劳动力但劳动力占比超过规定比例',
    nameEn: 'Lack-of-labour risk while full labourers exceed the allowed share',
    severity: 'warning',
  },
  (h, members, { params }) => {
    if (!h.riskTypes.includes('lackOfLabour') || members.length === 0) return [];
    const labourers = members.filter((m) => FULL_LABOUR_SKILLS.includes(m.labourSkill)).length;
    if (labourers <= params.lackOfLabourMaxShare * members.length) return [];
    return [
      householdFinding(
        'riskTypes',
        `风险为缺劳动力，但${members.length}人中有${labourers}名普通或技能劳动力`,
        `lack-of-labour risk, yet ${labourers} of ${members.length} members are full labourers`,
        {
          labourers,
          householdSize: members.length,
          lackOfLabourMaxShare: params.lackOfLabourMaxShare,
        },
      ),
    ];
  },
);

// policy-rules §3.6 cites 2_11_006 and 5_15_013/014 for the two halves without saying
// which is which; the first number is given to "no labour", the second to "no work".
export const unstableEmploymentWithoutLabour = defineRule(
  {
    code: 'UNSTABLE_EMPLOYMENT_WITHOUT_LABOUR',
    nationalRef: '2_11_006',
    nameZh: '风险为因务工就业不稳但家庭无劳动力',
    nameEn: 'Unstable-employment risk in a household without labour',
    severity: 'warning',
  },
  (h, members) =>
    h.riskTypes.includes('unstableEmployment') && !members.some((m) => LABOUR_CAPABLE_SKILLS.includes(m.labourSkill))
      ? [
          householdFinding(
            'riskTypes',
            '风险为因务工就业不稳，但家庭成员均无劳动力',
            'unstable-employment risk, yet no member has labour ability',
            { householdSize: members.length },
          ),
        ]
      : [],
);

export const unstableEmploymentWithoutWork = defineRule(
  {
    code: 'UNSTABLE_EMPLOYMENT_WITHOUT_WORK',
    nationalRef: '5_15_013',
    nameZh: '风险为因务工就业不稳但无成员务工信息',
    nameEn: 'Unstable-employment risk with no member work records',
    severity: 'warning',
  },
  (h, members) =>
    h.riskTypes.includes('unstableEmployment') && !members.some(hasWorkRecord)
      ? [
          householdFinding(
            'riskTypes',
            '风险为因务工就业不稳，但没有成员有务工信息',
            'unstable-employment risk, yet no member has work records',
            { householdSize: members.length },
          ),
        ]
      : [],
);

export const illnessRiskWithoutOutOfPocket = defineRule(
  {
    code: 'ILLNESS_RISK_WITHOUT_OUT_OF_POCKET',
    nationalRef: null,
    nameZh: '风险为因病但合规自付支出为0',
    nameEn: 'Illness risk without eligible out-of-pocket spending',
    severity: 'warning',
  },
  (h) =>
    h.riskTypes.includes('illness') && h.income !== null && h.income.eligibleOutOfPocket <= 0
      ? [
          householdFinding(
            'income.eligibleOutOfPocket',
            '风险为因病，但合规自付支出为0',
            'illness risk, yet eligible out-of-pocket spending is 0',
            { eligibleOutOfPocket: h.income.eligibleOutOfPocket },
          ),
        ]
      : [],
);

/** 1111_07 (also 5_11_033): the flag must be set when nobody can work, and not otherwise. */
export const wholeHouseholdNoLabourFlag = defineRule(
  {
    code: 'WHOLE_HOUSEHOLD_NO_LABOUR_FLAG',
    nationalRef: '1111_07',
    nameZh: '整户无劳动能力未标注为兜底保障户（或标注有误）',
    nameEn: 'Whole-household-without-labour flag disagrees with the members',
    severity: 'warning',
  },
  (h, members) => {
    const derived = deriveWholeHouseholdNoLabour(members);
    if (derived === h.wholeHouseholdNoLabour) return [];
    return [
      householdFinding(
        'wholeHouseholdNoLabour',
        derived ? '整户无劳动能力，应标注为整户无劳动能力兜底保障户' : '标注为整户无劳动能力，但有成员具备劳动能力',
        derived
          ? 'no member can work; the household should be flagged'
          : 'flagged as without labour, yet a member can work',
        { derived, recorded: h.wholeHouseholdNoLabour },
      ),
    ];
  },
);

export const implausibleWageIncome = defineRule(
  {
    code: 'IMPLAUSIBLE_WAGE_INCOME',
    nationalRef: '5_15_023',
    nameZh: '未消除风险户识别时工资性收入大于0小于100元',
    nameEn: 'Wage income above zero but implausibly small',
    severity: 'warning',
  },
  (h, _members, { params }) => {
    const wage = h.income?.wageIncome ?? 0;
    if (!isOpenMonitored(h) || wage <= 0 || wage >= params.implausibleWageBelowFen) return [];
    return [
      householdFinding(
        'income.wageIncome',
        '工资性收入大于0但过小',
        'wage income is above zero but implausibly small',
        { wageIncome: wage, implausibleWageBelowFen: params.implausibleWageBelowFen },
      ),
    ];
  },
);

export const highIncomeRecentlyIdentified = defineRule(
  {
    code: 'HIGH_INCOME_RECENTLY_IDENTIFIED',
    nationalRef: '1111_18',
    nameZh: '2023年以来识别的监测对象人均纯收入过高',
    nameEn: 'Recently identified household with high per-capita net income',
    severity: 'warning',
  },
  (h, members, { params }) => {
    const period = h.identificationPeriod;
    if (!isOpenMonitored(h) || h.income === null || members.length === 0) return [];
    if (period === null || period < params.highPerCapitaIdentifiedFrom) return [];
    const perCapita = perCapitaNetIncome(h.income, members.length);
    if (perCapita <= params.highPerCapitaFen) return [];
    return [
      householdFinding(
        'income',
        '识别时人均纯收入高于规定上限',
        'per-capita net income at identification is above the plausible ceiling',
        {
          perCapitaNetIncome: perCapita,
          identificationPeriod: period,
          highPerCapitaFen: params.highPerCapitaFen,
          highPerCapitaIdentifiedFrom: params.highPerCapitaIdentifiedFrom,
        },
      ),
    ];
  },
);

/** 4_11_013 also names 残疾人补贴, which the member record does not carry yet. */
export const eliminatedWelfareWithoutTransfer = defineRule(
  {
    code: 'ELIMINATED_WELFARE_WITHOUT_TRANSFER',
    nationalRef: '4_11_013',
    nameZh: '已消除风险户享受低保或特困但无转移性收入',
    nameEn: 'Eliminated household on minimum living or destitute support without transfer income',
    severity: 'warning',
  },
  (h, members) => {
    const onWelfare = members.filter((m) => m.minimumLiving || m.destituteSupport).length;
    if (h.elimination === null || h.income === null || onWelfare === 0 || h.income.transferIncome > 0) return [];
    return [
      householdFinding(
        'income.transferIncome',
        '有成员享受低保或特困供养，但转移性收入为0',
        'members receive minimum living or destitute support, yet transfer income is 0',
        { membersOnWelfare: onWelfare, transferIncome: 0 },
      ),
    ];
  },
);

export const basicNeedsInconsistent = defineRule(
  {
    code: 'BASIC_NEEDS_INCONSISTENT',
    nationalRef: null,
    nameZh: '住房或饮水安全标识与危房等级、饮水情况不一致',
    nameEn: 'Housing or water safety flag contradicts the recorded facts',
    severity: 'warning',
  },
  (h) => {
    const unsafeGrade = HOUSING_GRADES.some((g) => g.code === h.housingGrade && g.unsafe);
    const findings = [];
    if (unsafeGrade && h.basicNeeds.housingUnsafe === false) {
      findings.push(
        householdFinding(
          'basicNeeds.housingUnsafe',
          `危房等级为${h.housingGrade}级，但未标注住房安全问题`,
          `housing grade ${h.housingGrade} is unsafe, yet no housing problem is flagged`,
          { housingGrade: h.housingGrade },
        ),
      );
    }
    if (h.waterSafe === false && h.basicNeeds.waterUnsafe === false) {
      findings.push(
        householdFinding(
          'basicNeeds.waterUnsafe',
          '饮水不安全，但未标注饮水安全问题',
          'water is unsafe, yet no water problem is flagged',
          { waterSafe: false },
        ),
      );
    }
    return findings;
  },
);

export const HOUSEHOLD_RULES: readonly QualityRule[] = [
  lackOfLabourWithLabour,
  unstableEmploymentWithoutLabour,
  unstableEmploymentWithoutWork,
  illnessRiskWithoutOutOfPocket,
  wholeHouseholdNoLabourFlag,
  implausibleWageIncome,
  highIncomeRecentlyIdentified,
  eliminatedWelfareWithoutTransfer,
  basicNeedsInconsistent,
];
