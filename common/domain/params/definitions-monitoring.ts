import { NATIONAL, NOT_FOUND, since, type ParamDefinition } from './param-seed.ts';

// Monitoring lines, department-data thresholds and the identification workflow (policy-rules §1, §2).
export const MONITORING_PARAMS: readonly ParamDefinition[] = [
  {
    key: 'monitoring.incomeLineFen',
    labelZh: '监测收入标准（人均纯收入，元/年）',
    labelEn: 'Monitoring income line (per-capita net income per year)',
    unit: 'fen',
    yearly: true,
    seeds: [
      since(
        NATIONAL,
        600_000,
        'policy-rules §1.3: 1.5× the 2020 poverty standard (≈4,000) = 6,000 yuan, national floor for 2021; Shanxi yearly values not found',
        '2021-01-01',
        2021,
      ),
    ],
  },
  {
    key: 'monitoring.incomeFigure',
    labelZh: '与监测标准比较的人均收入口径',
    labelEn: 'Per-capita figure compared with the line',
    unit: 'choice',
    choices: ['net', 'adjusted'],
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        'net',
        'policy-rules §3.4: 家庭人均纯收入 [C]; the adjusted formula (+理赔 −合规自付) is [P] and was not found nationally',
      ),
    ],
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
    seeds: [
      since(
        NATIONAL,
        500_000,
        'policy-rules §2: county 实施办法 example, ≥5,000 yuan year-to-date after reimbursement',
      ),
    ],
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
    seeds: [
      since(NATIONAL, 1_000_000, 'policy-rules §2: >10,000 yuan per school year after all subsidies (county example)'),
    ],
  },
  {
    key: 'education.schoolYearStartMonth',
    labelZh: '学年起始月份',
    labelEn: 'Month the school year starts',
    unit: 'count',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        9,
        NOT_FOUND + ' (policy-rules §2 counts education costs "per school year"; the autumn term starts in September)',
      ),
    ],
  },
  {
    key: 'monitoring.rigidSpendingIncomeRatio',
    labelZh: '刚性支出超过上年收入的倍数（医疗+教育自付/家庭纯收入）',
    labelEn: 'Rigid spending against last year’s income (medical + education out-of-pocket ÷ net income)',
    unit: 'ratio',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        1,
        NOT_FOUND +
          ' (policy-rules §1.1: rigid spending "clearly exceeds last year\'s income"; no number, 1 = exceeds)',
      ),
    ],
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
    seeds: [
      since(NATIONAL, 3, 'policy-rules §2: 漯河 example, no contribution for 3 consecutive months (secondary source)'),
    ],
  },
  {
    key: 'monitoring.lookbackMonths',
    labelZh: '部门数据回看月数',
    labelEn: 'Months of department data a monthly run looks back',
    unit: 'months',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        12,
        'policy-rules §3.4: income over the 12 months before identification (Anhui 2020); used for all feeds',
      ),
    ],
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
];
