import { NATIONAL, notFound, since, src, type ParamDefinition } from './param-seed.ts';

// Programme ledgers (issue 14 items 1, 3, 4): 公益岗位 (沁发〔2021〕17号 §二(三)2 四是, §二(三)1 四是),
// 脱贫人口小额信贷 (§三(六)) and 防贫保险 "1+N" (§二(三)5 一是). The plan sets no ages or caps for posts;
// policy-rules §4.3 collects other places' rules, which are the documented defaults here. `posts.maxHireAge`
// (60, policy-rules §4.3) was defined earlier with the governance parameters and is used from there.
export const PROGRAMME_PARAMS: readonly ParamDefinition[] = [
  {
    key: 'posts.minHireAge',
    labelZh: '公益岗位聘用最低年龄（周岁，含）',
    labelEn: 'Youngest age at hire on a public-welfare post (years, inclusive)',
    unit: 'years',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        16,
        src(
          '政策规则 §3.6 规则 5_12_004：未满16周岁的监测对象在公益性岗位即为错误',
          'policy-rules §3.6 rule 5_12_004: a monitored member under 16 on a public-welfare post is an error',
        ),
      ),
    ],
  },
  {
    key: 'posts.maxPerHousehold',
    labelZh: '每户同时在岗的公益岗位人数上限',
    labelEn: 'Public-welfare posts held at once per household',
    unit: 'count',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        1,
        notFound(
          '沁发〔2021〕17号未定；政策规则 §4.3 长岭镇“原则上一户一岗”',
          'the plan sets none; policy-rules §4.3 长岭镇: one person per household',
        ),
      ),
    ],
  },
  {
    key: 'microloan.maxAmountFen',
    labelZh: '脱贫人口小额信贷单户贷款上限（分）',
    labelEn: 'Small loan to a household: largest amount (fen)',
    unit: 'fen',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        5_000_000,
        src(
          '沁发〔2021〕17号 §三(六)“5万元以下贷款给予财政贴息”；政策规则 §4.3 银保监会等四部门2021年通知：原则上5万元（含）以下',
          '沁发〔2021〕17号 §三(六) 5万元以下贷款给予财政贴息; policy-rules §4.3 2021 four-agency notice: ≤ 50,000 yuan',
        ),
        '2021-03-04',
      ),
    ],
  },
  {
    key: 'microloan.maxTermMonths',
    labelZh: '脱贫人口小额信贷期限上限（月，含）',
    labelEn: 'Small loan: longest term (months, inclusive)',
    unit: 'months',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        36,
        src('政策规则 §4.3：贷款期限3年期（含）以内', 'policy-rules §4.3: term ≤ 3 years'),
        '2021-03-04',
      ),
    ],
  },
  {
    key: 'microloan.interestSubsidyShare',
    labelZh: '小额信贷财政贴息比例',
    labelEn: 'Small loan: share of the interest paid by the fiscal subsidy',
    unit: 'ratio',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        1,
        notFound(
          '政策规则 §4.3“财政贴息比例由地方确定”，本县比例未找到；默认全额贴息',
          'policy-rules §4.3: the subsidy ratio is set locally; the county ratio was not found; default full subsidy',
        ),
        '2021-03-04',
      ),
    ],
  },
  {
    key: 'microloan.dayCountBasis',
    labelZh: '小额信贷计息天数基数（日利率＝年利率÷基数）',
    labelEn: 'Small loan: day-count basis (daily rate = annual rate ÷ basis)',
    unit: 'days',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        360,
        notFound(
          '政策规则未载；按银行通行的日利率＝年利率÷360计',
          'not in policy-rules; the usual bank convention daily rate = annual rate ÷ 360',
        ),
        '2021-03-04',
      ),
    ],
  },
  {
    key: 'insurance.coverageScope',
    labelZh: '防贫保险应参保农户范围',
    labelEn: 'Anti-poverty insurance: households to insure',
    unit: 'choice',
    choices: ['alleviatedAndMonitored', 'monitored'],
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        'alleviatedAndMonitored',
        notFound(
          '沁发〔2021〕17号 §二(三)5 一是“为脱贫易返贫户、边缘易致贫户以及……基本生活困难户购买防贫保险”（即监测对象）；是否全体脱贫户参保未找到，默认脱贫户和监测对象均应参保',
          'the plan §二(三)5 一是 names the monitored households; whether every 脱贫户 is insured was not found; default: all 脱贫户 and monitored households',
        ),
        '2021-01-01',
      ),
    ],
  },
];
