import { NATIONAL, notFound, since, src, type ParamDefinition } from './param-seed.ts';

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
        src(
          '政策规则 §1.3：2020年扶贫标准（约4000元）的1.5倍，即6000元，为2021年全国底线；山西逐年数值未找到',
          'policy-rules §1.3: 1.5× the 2020 poverty standard (≈4,000) = 6,000 yuan, national floor for 2021; Shanxi yearly values not found',
        ),
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
        src(
          '政策规则 §3.4：家庭人均纯收入〔已核实〕；调整口径（+理赔 −合规自付）为〔常见做法〕，全国文件中未找到',
          'policy-rules §3.4: 家庭人均纯收入 [C]; the adjusted formula (+理赔 −合规自付) is [P] and was not found nationally',
        ),
      ),
    ],
  },
  {
    key: 'monitoring.incomeDropRatio',
    labelZh: '收入大幅缩减比例（较上年）',
    labelEn: 'Sharp income drop (share of last year)',
    unit: 'ratio',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        0.3,
        notFound(
          '收入大幅缩减无全国统一数值；30% 为占位值',
          '收入大幅缩减 has no national number; 30% is a placeholder',
        ),
      ),
    ],
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
        src(
          '政策规则 §2：县级实施办法示例，报销后年内累计 ≥5000元',
          'policy-rules §2: county 实施办法 example, ≥5,000 yuan year-to-date after reimbursement',
        ),
      ),
    ],
  },
  {
    key: 'medical.otherOutOfPocketFen',
    labelZh: '其他农村居民住院自付累计预警线（元/年）',
    labelEn: 'Medical out-of-pocket warning line, other rural residents',
    unit: 'fen',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        2_000_000,
        src(
          '政策规则 §2：县级实施办法示例，年内累计 ≥20000元',
          'policy-rules §2: county 实施办法 example, ≥20,000 yuan year-to-date',
        ),
      ),
    ],
  },
  {
    key: 'medical.outpatientMonthlyFen',
    labelZh: '门诊（门特）自付月度预警线（元/月）',
    labelEn: 'Outpatient out-of-pocket per month',
    unit: 'fen',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        50_000,
        src('政策规则 §2：每月 ≥500元（县级示例）', 'policy-rules §2: ≥500 yuan per month (county example)'),
      ),
    ],
  },
  {
    key: 'education.nonCompulsoryCostFen',
    labelZh: '非义务教育自付费用预警线（元/学年）',
    labelEn: 'Non-compulsory education cost per school year',
    unit: 'fen',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        1_000_000,
        src(
          '政策规则 §2：扣除各项资助后每学年 >10000元（县级示例）',
          'policy-rules §2: >10,000 yuan per school year after all subsidies (county example)',
        ),
      ),
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
        notFound(
          '政策规则 §2 按“每学年”计算教育费用；秋季学期9月开学',
          'policy-rules §2 counts education costs "per school year"; the autumn term starts in September',
        ),
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
        notFound(
          '政策规则 §1.1：刚性支出“明显超过上年度收入”，无具体数值；1 即为超过',
          'policy-rules §1.1: rigid spending "clearly exceeds last year\'s income"; no number, 1 = exceeds',
        ),
      ),
    ],
  },
  {
    key: 'disaster.lossFen',
    labelZh: '受灾损失预警线（元）',
    labelEn: 'Disaster loss warning line',
    unit: 'fen',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        0,
        notFound('0：凡报告损失即预警，符合应纳尽纳', '0: every reported loss is a warning, in line with 应纳尽纳'),
      ),
    ],
  },
  {
    key: 'hr.contributionGapMonths',
    labelZh: '社保连续断缴预警月数',
    labelEn: 'Social-insurance contribution gap (consecutive months)',
    unit: 'months',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        3,
        src(
          '政策规则 §2：漯河示例，连续3个月未缴费（二手资料）',
          'policy-rules §2: 漯河 example, no contribution for 3 consecutive months (secondary source)',
        ),
      ),
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
        src(
          '政策规则 §3.4：识别前12个月的收入（安徽 2020）；各部门数据均按此期间',
          'policy-rules §3.4: income over the 12 months before identification (Anhui 2020); used for all feeds',
        ),
      ),
    ],
  },
  {
    key: 'workflow.noticeDays',
    labelZh: '村内公示天数（不少于）',
    labelEn: 'Village public notice (at least, days)',
    unit: 'days',
    yearly: false,
    seeds: [since(NATIONAL, 5, src('政策规则 §1.6：村内公示不少于5天', 'policy-rules §1.6: 村内公示不少于5天'))],
  },
  {
    key: 'workflow.identificationDays',
    labelZh: '识别认定时限（自发现线索，天）',
    labelEn: 'Identification time limit from the clue (days)',
    unit: 'days',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        15,
        src(
          '政策规则 §1.6：从发现风险线索到完成识别一般不超过15天',
          'policy-rules §1.6: 从发现风险线索到完成识别一般不超过15天',
        ),
      ),
    ],
  },
  {
    key: 'workflow.minMonthsBeforeElimination',
    labelZh: '帮扶消除前最少监测月数',
    labelEn: 'Minimum months monitored before assisted elimination',
    unit: 'months',
    yearly: false,
    seeds: [
      since(NATIONAL, 6, src('政策规则 §1.8：原则上纳入监测不少于半年', 'policy-rules §1.8: 原则上纳入监测不少于半年')),
    ],
  },
  {
    key: 'workflow.incomeStableMonths',
    labelZh: '风险消除前收入持续稳定月数',
    labelEn: 'Months income must stay above the line before elimination',
    unit: 'months',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        6,
        src('政策规则 §1.8：收入持续稳定（原则上不少于半年）', 'policy-rules §1.8: 收入持续稳定（原则上不少于半年）'),
      ),
    ],
  },
  {
    key: 'quality.labourAgeFrom',
    labelZh: '劳动年龄下限（岁）',
    labelEn: 'Working age from',
    unit: 'years',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        16,
        src('政策规则 §3.6 规则 5_12_008：16 ≤ 年龄 < 60', 'policy-rules §3.6 rule 5_12_008: 16 ≤ age < 60'),
      ),
    ],
  },
  {
    key: 'quality.labourAgeTo',
    labelZh: '劳动年龄上限（岁，不含）',
    labelEn: 'Working age to (exclusive)',
    unit: 'years',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        60,
        src('政策规则 §3.6 规则 5_12_008：16 ≤ 年龄 < 60', 'policy-rules §3.6 rule 5_12_008: 16 ≤ age < 60'),
      ),
    ],
  },
];
