import { NATIONAL, notFound, since, src, type ParamDefinition } from './param-seed.ts';

// Data-quality report thresholds.
export const QUALITY_PARAMS: readonly ParamDefinition[] = [
  // Data-quality report thresholds (policy-rules §1.7, §1.8, §3.4, §3.6; common/domain/registry/quality-params.ts).
  {
    key: 'quality.lackOfLabourMaxShare',
    labelZh: '“缺劳动力”风险户劳动力占比上限（超过即提示）',
    labelEn: 'Lack-of-labour risk: implausible above this share of full labourers',
    unit: 'ratio',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        0.25,
        src(
          '政策规则 §3.6：风险“缺劳动力”但劳动力（普通/技能）超过家庭人口1/4（贵州县级校验）',
          'policy-rules §3.6: 风险"缺劳动力"但劳动力(普通/技能)超过家庭人口1/4 (Guizhou county checker)',
        ),
      ),
    ],
  },
  {
    key: 'quality.publicWelfarePostMinAge',
    labelZh: '公益岗位人员最小年龄（岁）',
    labelEn: 'Public-welfare post: minimum age',
    unit: 'years',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        16,
        src(
          '政策规则 §3.6 规则 5_12_004：监测对象成员未满16周岁从事公益性岗位',
          'policy-rules §3.6 rule 5_12_004: 监测对象成员未满16周岁从事公益性岗位',
        ),
      ),
    ],
  },
  {
    key: 'quality.implausibleWageBelowFen',
    labelZh: '工资性收入偏低提示线（大于0且低于，元/年）',
    labelEn: 'Implausible wage income: above 0 and below',
    unit: 'fen',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        10_000,
        src(
          '政策规则 §3.4 规则 5_15_023：未消除风险识别时工资性收入大于0小于100',
          'policy-rules §3.4 rule 5_15_023: 未消除风险识别时工资性收入大于0小于100',
        ),
      ),
    ],
  },
  {
    key: 'quality.highPerCapitaFen',
    labelZh: '新识别监测对象人均纯收入偏高提示线（元/年）',
    labelEn: 'Implausibly high per-capita income of a newly identified household',
    unit: 'fen',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        2_000_000,
        src(
          '政策规则 §3.4 规则 1111_18：2023年以来识别…人均纯收入高于20000元',
          'policy-rules §3.4 rule 1111_18: 2023年以来识别…人均纯收入高于20000元',
        ),
      ),
    ],
  },
  {
    key: 'quality.highPerCapitaIdentifiedFrom',
    labelZh: '人均纯收入偏高检查适用的识别起始年月（年月六位数字，如 202301）',
    labelEn: 'High-income check applies to households identified from (YYYYMM)',
    unit: 'count',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        202301,
        src('政策规则 §3.4 规则 1111_18：2023年以来识别', 'policy-rules §3.4 rule 1111_18: 2023年以来识别'),
      ),
    ],
  },
  {
    key: 'quality.minMonthsRuleFrom',
    labelZh: '“识别不足6个月即消除”检查适用的消除起始年月（年月六位数字，如 202204）',
    labelEn: 'Too-early elimination check applies to eliminations from (YYYYMM)',
    unit: 'count',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        202204,
        src(
          '政策规则 §1.8 规则 2_11_002：从识别到风险消除时间低于6个月（2022年4月份以后消除风险）',
          'policy-rules §1.8 rule 2_11_002: 从识别到风险消除时间低于6个月 (2022年4月份以后消除风险)',
        ),
      ),
    ],
  },
  {
    key: 'quality.minMonthsAppliesTo',
    labelZh: '“识别不足6个月即消除”检查范围（仅帮扶消除 / 含自然消除）',
    labelEn: 'Too-early elimination check: assisted eliminations only, or natural ones too',
    unit: 'choice',
    choices: ['assistedOnly', 'alsoNatural'],
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        'assistedOnly',
        src(
          '政策规则 §1.8：仅帮扶消除须满6个月；自然消除是否检查可设置',
          'policy-rules §1.8: only 帮扶消除 needs the ≥ 6-month check; keep the check for 自然消除 configurable',
        ),
      ),
    ],
  },
  {
    key: 'quality.compulsorySchoolAgeFrom',
    labelZh: '义务教育阶段适龄起始年龄（岁）',
    labelEn: 'Compulsory-school age from',
    unit: 'years',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        6,
        notFound(
          '规则 1_11_005 只写义务教育阶段适龄儿童少年，未给年龄；义务教育法 第十一条：年满六周岁入学',
          'rule 1_11_005 names 义务教育阶段适龄儿童少年 without ages; 义务教育法 第十一条: 年满六周岁入学',
        ),
      ),
    ],
  },
  {
    key: 'quality.compulsorySchoolAgeTo',
    labelZh: '义务教育阶段适龄截止年龄（岁，不含）',
    labelEn: 'Compulsory-school age to (exclusive)',
    unit: 'years',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        16,
        notFound(
          '规则 1_11_005 未给年龄；6周岁起九年至15周岁，故取未满16周岁',
          'rule 1_11_005 gives no ages; nine years from age 6 end at 15, so under 16',
        ),
      ),
    ],
  },
  {
    key: 'loans.capFen',
    labelZh: '脱贫人口小额信贷额度上限（元）',
    labelEn: 'Small-loan cap',
    unit: 'fen',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        5_000_000,
        src(
          '政策规则 §4.3：≤5万元（银保监会等 2021-03-15）；沁发〔2021〕17号 §三(六)',
          'policy-rules §4.3: ≤50,000 yuan (银保监会等 2021-03-15); seed §三(六)',
        ),
      ),
    ],
  },
  {
    key: 'funds.industryShare',
    labelZh: '衔接资金用于产业发展比例（不低于）',
    labelEn: 'Minimum share of linkage funds for industry',
    unit: 'ratio',
    yearly: true,
    seeds: [
      since(
        NATIONAL,
        0.5,
        src('沁发〔2021〕17号 §三(五)：2021年 ≥50%', 'seed 沁发〔2021〕17号 §三(五): 2021 ≥50%'),
        '2021-01-01',
        2021,
      ),
      since(
        NATIONAL,
        0.6,
        src('政策规则 §6：2023年起提高到 ≥60%', 'policy-rules §6: raised to ≥60% from 2023'),
        '2023-01-01',
        2023,
      ),
    ],
  },
  {
    key: 'funds.workForReliefLabourShare',
    labelZh: '以工代赈劳务报酬占比（不低于）',
    labelEn: 'Minimum labour remuneration share of work-for-relief funds',
    unit: 'ratio',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        0.15,
        src(
          '沁发〔2021〕17号 §三(五)：劳务报酬发放比例不得低于财政资金的15%',
          'seed §三(五): 劳务报酬发放比例不得低于财政资金的15%',
        ),
      ),
    ],
  },
  {
    key: 'funds.industryShareNotBelowYear',
    labelZh: '产业发展资金占比不得低于该年度占比（年份）',
    labelEn: 'The industry share may not fall below the share of this year',
    unit: 'count',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        2020,
        src(
          '沁发〔2021〕17号 §三(五)：且不得低于2020年用于产业发展的资金占比（为2021年所定；按“逐步提高产业发展比例”沿用至以后年度）',
          'seed 沁发〔2021〕17号 §三(五): 且不得低于2020年用于产业发展的资金占比 (stated for 2021; kept for later years under 逐步提高产业发展比例)',
        ),
        '2013-01-01',
      ),
    ],
  },
  {
    key: 'indicators.pathBaselineYear',
    labelZh: '"到2025年"类目标年度路径的基期年份',
    labelEn: 'Baseline year of the yearly path of end-state targets',
    unit: 'count',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        2020,
        notFound(
          '规划只给出到2025年的目标，没有逐年进度；默认取规划期前一年即2020年，与“污水治理率 提高5个百分点”相同',
          'the plan gives end states 到2025年 without yearly steps; default: 2020, the year before its period, as for 污水治理率 提高5个百分点',
        ),
        '2013-01-01',
      ),
    ],
  },
];
