// Every policy number the system uses, with its unit, meaning and the seeded defaults with their
// sources (policy-rules.md). Where the policy says "not found", the default is marked so, and a
// county administrator is expected to set the local value.

export type ParamUnit = 'fen' | 'days' | 'months' | 'ratio' | 'years' | 'count' | 'choice';

export interface SeedValue {
  /** 000000000000 national, 140000000000 Shanxi, 140521000000 Qinshui. */
  scopeCode: string;
  year: number | null;
  effectiveFrom: string;
  value: number | string;
  source: string;
}

export interface ParamDefinition {
  key: string;
  labelZh: string;
  labelEn: string;
  unit: ParamUnit;
  /** Allowed values for 'choice'. */
  choices?: readonly string[];
  /** Year-keyed values (like the income line) fall back to the latest earlier year when a year has none. */
  yearly: boolean;
  seeds: SeedValue[];
}

export const NATIONAL = '000000000000';
export const SHANXI = '140000000000';
const NOT_FOUND = 'default: the policy value was not found (policy-rules.md); set the local value';

const since = (scopeCode: string, value: number | string, source: string, effectiveFrom = '2021-01-01', year: number | null = null): SeedValue => ({
  scopeCode,
  year,
  effectiveFrom,
  value,
  source,
});

export const PARAM_DEFINITIONS: readonly ParamDefinition[] = [
  {
    key: 'monitoring.incomeLineFen',
    labelZh: '监测收入标准（人均纯收入，元/年）',
    labelEn: 'Monitoring income line (per-capita net income per year)',
    unit: 'fen',
    yearly: true,
    seeds: [since(NATIONAL, 600_000, 'policy-rules §1.3: 1.5× the 2020 poverty standard (≈4,000) = 6,000 yuan, national floor for 2021; Shanxi yearly values not found', '2021-01-01', 2021)],
  },
  {
    key: 'monitoring.incomeFigure',
    labelZh: '与监测标准比较的人均收入口径',
    labelEn: 'Per-capita figure compared with the line',
    unit: 'choice',
    choices: ['net', 'adjusted'],
    yearly: false,
    seeds: [since(NATIONAL, 'net', 'policy-rules §3.4: 家庭人均纯收入 [C]; the adjusted formula (+理赔 −合规自付) is [P] and was not found nationally')],
  },
  {
    key: 'monitoring.incomeDropRatio',
    labelZh: '收入大幅缩减比例（较上年）',
    labelEn: 'Sharp income drop (share of last year)',
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 0.3, NOT_FOUND + ' (收入大幅缩减 has no national number; 30% is a placeholder)')],
  },
  {
    key: 'medical.alleviatedOutOfPocketFen',
    labelZh: '脱贫人口住院自付累计预警线（元/年）',
    labelEn: 'Medical out-of-pocket warning line, alleviated persons (year to date)',
    unit: 'fen',
    yearly: false,
    seeds: [since(NATIONAL, 500_000, 'policy-rules §2: county 实施办法 example, ≥5,000 yuan year-to-date after reimbursement')],
  },
  {
    key: 'medical.otherOutOfPocketFen',
    labelZh: '其他农村居民住院自付累计预警线（元/年）',
    labelEn: 'Medical out-of-pocket warning line, other rural residents',
    unit: 'fen',
    yearly: false,
    seeds: [since(NATIONAL, 2_000_000, 'policy-rules §2: county 实施办法 example, ≥20,000 yuan year-to-date')],
  },
  {
    key: 'medical.outpatientMonthlyFen',
    labelZh: '门诊（门特）自付月度预警线（元/月）',
    labelEn: 'Outpatient out-of-pocket per month',
    unit: 'fen',
    yearly: false,
    seeds: [since(NATIONAL, 50_000, 'policy-rules §2: ≥500 yuan per month (county example)')],
  },
  {
    key: 'education.nonCompulsoryCostFen',
    labelZh: '非义务教育自付费用预警线（元/学年）',
    labelEn: 'Non-compulsory education cost per school year',
    unit: 'fen',
    yearly: false,
    seeds: [since(NATIONAL, 1_000_000, 'policy-rules §2: >10,000 yuan per school year after all subsidies (county example)')],
  },
  {
    key: 'education.schoolYearStartMonth',
    labelZh: '学年起始月份',
    labelEn: 'Month the school year starts',
    unit: 'count',
    yearly: false,
    seeds: [since(NATIONAL, 9, NOT_FOUND + ' (policy-rules §2 counts education costs "per school year"; the autumn term starts in September)')],
  },
  {
    key: 'monitoring.rigidSpendingIncomeRatio',
    labelZh: '刚性支出超过上年收入的倍数（医疗+教育自付/家庭纯收入）',
    labelEn: 'Rigid spending against last year’s income (medical + education out-of-pocket ÷ net income)',
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 1, NOT_FOUND + ' (policy-rules §1.1: rigid spending "clearly exceeds last year\'s income"; no number, 1 = exceeds)')],
  },
  {
    key: 'disaster.lossFen',
    labelZh: '受灾损失预警线（元）',
    labelEn: 'Disaster loss warning line',
    unit: 'fen',
    yearly: false,
    seeds: [since(NATIONAL, 0, NOT_FOUND + ' (0: every reported loss is a warning, in line with 应纳尽纳)')],
  },
  {
    key: 'hr.contributionGapMonths',
    labelZh: '社保连续断缴预警月数',
    labelEn: 'Social-insurance contribution gap (consecutive months)',
    unit: 'months',
    yearly: false,
    seeds: [since(NATIONAL, 3, 'policy-rules §2: 漯河 example, no contribution for 3 consecutive months (secondary source)')],
  },
  {
    key: 'monitoring.lookbackMonths',
    labelZh: '部门数据回看月数',
    labelEn: 'Months of department data a monthly run looks back',
    unit: 'months',
    yearly: false,
    seeds: [since(NATIONAL, 12, 'policy-rules §3.4: income over the 12 months before identification (Anhui 2020); used for all feeds')],
  },
  {
    key: 'workflow.noticeDays',
    labelZh: '村内公示天数（不少于）',
    labelEn: 'Village public notice (at least, days)',
    unit: 'days',
    yearly: false,
    seeds: [since(NATIONAL, 5, 'policy-rules §1.6: 村内公示不少于5天')],
  },
  {
    key: 'workflow.identificationDays',
    labelZh: '识别认定时限（自发现线索，天）',
    labelEn: 'Identification time limit from the clue (days)',
    unit: 'days',
    yearly: false,
    seeds: [since(NATIONAL, 15, 'policy-rules §1.6: 从发现风险线索到完成识别一般不超过15天')],
  },
  {
    key: 'workflow.minMonthsBeforeElimination',
    labelZh: '帮扶消除前最少监测月数',
    labelEn: 'Minimum months monitored before assisted elimination',
    unit: 'months',
    yearly: false,
    seeds: [since(NATIONAL, 6, 'policy-rules §1.8: 原则上纳入监测不少于半年')],
  },
  {
    key: 'workflow.incomeStableMonths',
    labelZh: '风险消除前收入持续稳定月数',
    labelEn: 'Months income must stay above the line before elimination',
    unit: 'months',
    yearly: false,
    seeds: [since(NATIONAL, 6, 'policy-rules §1.8: 收入持续稳定（原则上不少于半年）')],
  },
  {
    key: 'quality.labourAgeFrom',
    labelZh: '劳动年龄下限（岁）',
    labelEn: 'Working age from',
    unit: 'years',
    yearly: false,
    seeds: [since(NATIONAL, 16, 'policy-rules §3.6 rule 5_12_008: 16 ≤ age < 60')],
  },
  {
    key: 'quality.labourAgeTo',
    labelZh: '劳动年龄上限（岁，不含）',
    labelEn: 'Working age to (exclusive)',
    unit: 'years',
    yearly: false,
    seeds: [since(NATIONAL, 60, 'policy-rules §3.6 rule 5_12_008: 16 ≤ age < 60')],
  },
  // Data-quality report thresholds (policy-rules §1.7, §1.8, §3.4, §3.6; common/domain/registry/quality-params.ts).
  {
    key: 'quality.lackOfLabourMaxShare',
    labelZh: '“缺劳动力”风险户劳动力占比上限（超过即提示）',
    labelEn: 'Lack-of-labour risk: implausible above this share of full labourers',
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 0.25, 'policy-rules §3.6: 风险"缺劳动力"但劳动力(普通/技能)超过家庭人口1/4 (Guizhou county checker)')],
  },
  {
    key: 'quality.publicWelfarePostMinAge',
    labelZh: '公益岗位人员最小年龄（岁）',
    labelEn: 'Public-welfare post: minimum age',
    unit: 'years',
    yearly: false,
    seeds: [since(NATIONAL, 16, 'policy-rules §3.6 rule 5_12_004: 监测对象成员未满16周岁从事公益性岗位')],
  },
  {
    key: 'quality.implausibleWageBelowFen',
    labelZh: '工资性收入偏低提示线（大于0且低于，元/年）',
    labelEn: 'Implausible wage income: above 0 and below',
    unit: 'fen',
    yearly: false,
    seeds: [since(NATIONAL, 10_000, 'policy-rules §3.4 rule 5_15_023: 未消除风险识别时工资性收入大于0小于100')],
  },
  {
    key: 'quality.highPerCapitaFen',
    labelZh: '新识别监测对象人均纯收入偏高提示线（元/年）',
    labelEn: 'Implausibly high per-capita income of a newly identified household',
    unit: 'fen',
    yearly: false,
    seeds: [since(NATIONAL, 2_000_000, 'policy-rules §3.4 rule 1111_18: 2023年以来识别…人均纯收入高于20000元')],
  },
  {
    key: 'quality.highPerCapitaIdentifiedFrom',
    labelZh: '人均纯收入偏高检查适用的识别起始年月（YYYYMM，如 202301）',
    labelEn: 'High-income check applies to households identified from (YYYYMM)',
    unit: 'count',
    yearly: false,
    seeds: [since(NATIONAL, 202301, 'policy-rules §3.4 rule 1111_18: 2023年以来识别')],
  },
  {
    key: 'quality.minMonthsRuleFrom',
    labelZh: '“识别不足6个月即消除”检查适用的消除起始年月（YYYYMM，如 202204）',
    labelEn: 'Too-early elimination check applies to eliminations from (YYYYMM)',
    unit: 'count',
    yearly: false,
    seeds: [since(NATIONAL, 202204, 'policy-rules §1.8 rule 2_11_002: 从识别到风险消除时间低于6个月 (2022年4月份以后消除风险)')],
  },
  {
    key: 'quality.minMonthsAppliesTo',
    labelZh: '“识别不足6个月即消除”检查范围（仅帮扶消除 assistedOnly / 含自然消除 alsoNatural）',
    labelEn: 'Too-early elimination check: assisted eliminations only, or natural ones too',
    unit: 'choice',
    choices: ['assistedOnly', 'alsoNatural'],
    yearly: false,
    seeds: [since(NATIONAL, 'assistedOnly', 'policy-rules §1.8: only 帮扶消除 needs the ≥ 6-month check; keep the check for 自然消除 configurable')],
  },
  {
    key: 'quality.compulsorySchoolAgeFrom',
    labelZh: '义务教育阶段适龄起始年龄（岁）',
    labelEn: 'Compulsory-school age from',
    unit: 'years',
    yearly: false,
    seeds: [since(NATIONAL, 6, NOT_FOUND + ' (rule 1_11_005 names 义务教育阶段适龄儿童少年 without ages; 义务教育法 第十一条: 年满六周岁入学)')],
  },
  {
    key: 'quality.compulsorySchoolAgeTo',
    labelZh: '义务教育阶段适龄截止年龄（岁，不含）',
    labelEn: 'Compulsory-school age to (exclusive)',
    unit: 'years',
    yearly: false,
    seeds: [since(NATIONAL, 16, NOT_FOUND + ' (rule 1_11_005 gives no ages; nine years from age 6 end at 15, so under 16)')],
  },
  {
    key: 'loans.capFen',
    labelZh: '脱贫人口小额信贷额度上限（元）',
    labelEn: 'Small-loan cap',
    unit: 'fen',
    yearly: false,
    seeds: [since(NATIONAL, 5_000_000, 'policy-rules §4.3: ≤50,000 yuan (银保监会等 2021-03-15); seed §三(六)')],
  },
  {
    key: 'funds.industryShare',
    labelZh: '衔接资金用于产业发展比例（不低于）',
    labelEn: 'Minimum share of linkage funds for industry',
    unit: 'ratio',
    yearly: true,
    seeds: [
      since(NATIONAL, 0.5, 'seed 沁发〔2021〕17号 §三(五): 2021 ≥50%', '2021-01-01', 2021),
      since(NATIONAL, 0.6, 'policy-rules §6: raised to ≥60% from 2023', '2023-01-01', 2023),
    ],
  },
  {
    key: 'funds.workForReliefLabourShare',
    labelZh: '以工代赈劳务报酬占比（不低于）',
    labelEn: 'Minimum labour remuneration share of work-for-relief funds',
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 0.15, 'seed §三(五): 劳务报酬发放比例不得低于财政资金的15%')],
  },
  {
    key: 'funds.industryShareNotBelowYear',
    labelZh: '产业发展资金占比不得低于该年度占比（年份）',
    labelEn: 'The industry share may not fall below the share of this year',
    unit: 'count',
    yearly: false,
    seeds: [since(NATIONAL, 2020, 'seed 沁发〔2021〕17号 §三(五): 且不得低于2020年用于产业发展的资金占比 (stated for 2021; kept for later years under 逐步提高产业发展比例)', '2013-01-01')],
  },
  {
    key: 'indicators.pathBaselineYear',
    labelZh: '"到2025年"类目标年度路径的基期年份',
    labelEn: 'Baseline year of the yearly path of end-state targets',
    unit: 'count',
    yearly: false,
    seeds: [since(NATIONAL, 2020, NOT_FOUND + ' (the plan gives end states 到2025年 without yearly steps; default: 2020, the year before its period, as for 污水治理率 提高5个百分点)', '2013-01-01')],
  },
  // Projects, funds, assets, 四议两公开 (issue #7)
  {
    key: 'projects.noticeDays',
    labelZh: '项目入库公示天数（三公示，每次不少于）',
    labelEn: 'Project-entry public notices (each, at least, days)',
    unit: 'days',
    yearly: false,
    seeds: [since(NATIONAL, 5, NOT_FOUND + ' (三公示一公告 days not found; policy-rules §9 default 公示 5 days)')],
  },
  {
    key: 'funds.managementFeeCapCentral',
    labelZh: '项目管理费上限（占中央衔接资金）',
    labelEn: 'Management fee cap, share of central funds',
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 0.01, 'policy-rules §6: 中央资金 1%（黑财规〔2023〕34号, Heilongjiang example; Shanxi value not found)')],
  },
  {
    key: 'funds.managementFeeCapProvincial',
    labelZh: '项目管理费上限（占省级衔接资金）',
    labelEn: 'Management fee cap, share of provincial funds',
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 0.03, 'policy-rules §6: 省级资金 3%（黑财规〔2023〕34号, Heilongjiang example; Shanxi value not found)')],
  },
  {
    key: 'funds.managementFeeCapLocal',
    labelZh: '项目管理费上限（占市、县级衔接资金）',
    labelEn: 'Management fee cap, share of city and county funds',
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 0.03, NOT_FOUND + ' (no city/county cap found; the provincial 3% is used)')],
  },
  {
    key: 'funds.atRiskMargin',
    labelZh: '资金比例"临界"区间（高于下限不足，百分点）',
    labelEn: 'At-risk band above a minimum share (percentage points)',
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 0.02, NOT_FOUND + ' (dashboard band, not a policy number)')],
  },
  {
    key: 'funds.capAtRiskRatio',
    labelZh: '上限类指标"临界"起点（占上限比例）',
    labelEn: 'A cap is at risk from this share of it',
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 0.9, NOT_FOUND + ' (dashboard band, not a policy number)')],
  },
  {
    key: 'deliberation.partyAttendance',
    labelZh: '党员大会到会比例（不低于）',
    labelEn: "Party members' meeting attendance (at least)",
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 2 / 3, 'policy-rules §8: 党员大会 应到党员三分之二以上到会')],
  },
  {
    key: 'deliberation.passShare',
    labelZh: '表决通过比例（超过）',
    labelEn: 'Votes needed to pass (more than this share)',
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 0.5, 'policy-rules §8: 党员大会 应到党员半数以上同意; 村民会议 到会人员、村民代表会议 全体代表 过半数通过')],
  },
  {
    key: 'deliberation.villagersQuorum',
    labelZh: '村民会议到会比例（超过本村十八周岁以上村民的）',
    labelEn: "Villagers' meeting quorum (more than this share of adult villagers)",
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 0.5, '村民委员会组织法 第二十二条: 应当有本村十八周岁以上村民的过半数…参加')],
  },
  {
    key: 'deliberation.householdsQuorum',
    labelZh: '户代表村民会议到会比例（不低于本村户数的）',
    labelEn: "Household representatives' villagers' meeting quorum (at least this share of households)",
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 2 / 3, '村民委员会组织法 第二十二条: 或者本村三分之二以上的户的代表参加 (以上 includes 2/3, 民法典 第一千二百五十九条)')],
  },
  {
    key: 'deliberation.representativesQuorum',
    labelZh: '村民代表会议到会比例（不低于组成人员的）',
    labelEn: "Representatives' meeting quorum (at least this share of members)",
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 2 / 3, '村民委员会组织法 第二十六条: 村民代表会议有三分之二以上的组成人员参加方可召开')],
  },
  {
    key: 'deliberation.representativesPassBase',
    labelZh: '村民代表会议表决基数（全体组成人员 all / 到会人员 present）',
    labelEn: "Representatives' meeting majority counted over all members or those present",
    unit: 'choice',
    choices: ['all', 'present'],
    yearly: false,
    seeds: [since(NATIONAL, 'all', 'policy-rules §8: 村民代表会议 全体代表 过半数通过 (the stricter reading; 村民委员会组织法 第二十六条 reads 所作决定应当经到会人员的过半数同意 — choose present for the letter of the law)')],
  },
  {
    key: 'posts.maxHireAge',
    labelZh: '公益岗位新聘年龄上限（岁）',
    labelEn: 'Public-welfare post: maximum age at hiring',
    unit: 'years',
    yearly: false,
    seeds: [since(NATIONAL, 60, 'policy-rules §4.3: 新聘一般不超过60岁 (Guizhou method)')],
  },
  // Assistance obligations (policy-rules §1.7, §4) and the relief fund (seed §二(一)2).
  {
    key: 'assistance.firstMeasureMonths',
    labelZh: '识别后落实帮扶措施时限（月）',
    labelEn: 'Months after identification by which a measure must be in place',
    unit: 'months',
    yearly: false,
    seeds: [since(NATIONAL, 1, 'policy-rules §1.7: 识别后1个月及以上未落实帮扶措施 is an error (Guizhou county check rule); one month = same day next month')],
  },
  {
    key: 'assistance.developmentMeasureMonths',
    labelZh: '有劳动力户落实开发式帮扶时限（月）',
    labelEn: 'Months after identification by which a labour-capable household has a development measure',
    unit: 'months',
    yearly: false,
    seeds: [since(NATIONAL, 6, 'policy-rules §1.7 rule 5_12_007: 有劳动力且未消除风险…未落实开发式帮扶措施(识别6个月及以上)')],
  },
  {
    key: 'assistance.riskMeasureMonths',
    labelZh: '风险无对应帮扶措施时限（月）',
    labelEn: 'Months a risk may go without a measure',
    unit: 'months',
    yearly: false,
    seeds: [since(NATIONAL, 1, NOT_FOUND + ' (per-risk reading of the §1.7 one-month rule; 国新办: 从发现到落实帮扶措施约半个月)')],
  },
  {
    key: 'assistance.visitIntervalDays',
    labelZh: '结对干部走访间隔（天）',
    labelEn: 'Days between a paired cadre\'s visits',
    unit: 'days',
    yearly: false,
    seeds: [since(NATIONAL, 30, NOT_FOUND + ' (seed: 每月开展动态监测; Baoshan 一月一排查, policy-rules §1.9)')],
  },
  {
    key: 'relief.maxPerApplicationFen',
    labelZh: '应急/临时救助单次批准上限（元，0为不限）',
    labelEn: 'Maximum approved per relief application (0: no cap)',
    unit: 'fen',
    yearly: false,
    seeds: [since(NATIONAL, 0, NOT_FOUND + ' (seed §二(一)2 names the 应急救助基金 without amounts; §4.3 临时救助/先行救助 likewise)')],
  },
];

export function definitionOf(key: string): ParamDefinition | undefined {
  return PARAM_DEFINITIONS.find((d) => d.key === key);
}
