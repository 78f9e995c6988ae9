import { NATIONAL, notFound, since, src, type ParamDefinition } from './param-seed.ts';

// Assistance obligations and the relief fund.
export const ASSISTANCE_PARAMS: readonly ParamDefinition[] = [
  // Assistance obligations (policy-rules §1.7, §4) and the relief fund (seed §二(一)2).
  {
    key: 'assistance.firstMeasureMonths',
    labelZh: '识别后落实帮扶措施时限（月）',
    labelEn: 'Months after identification by which a measure must be in place',
    unit: 'months',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        1,
        src(
          '政策规则 §1.7：识别后1个月及以上未落实帮扶措施即为错误（贵州县级校验规则）；一个月按次月同日计',
          'policy-rules §1.7: 识别后1个月及以上未落实帮扶措施 is an error (Guizhou county check rule); one month = same day next month',
        ),
      ),
    ],
  },
  {
    key: 'assistance.developmentMeasureMonths',
    labelZh: '有劳动力户落实开发式帮扶时限（月）',
    labelEn: 'Months after identification by which a labour-capable household has a development measure',
    unit: 'months',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        6,
        src(
          '政策规则 §1.7 规则 5_12_007：有劳动力且未消除风险…未落实开发式帮扶措施（识别6个月及以上）',
          'policy-rules §1.7 rule 5_12_007: 有劳动力且未消除风险…未落实开发式帮扶措施(识别6个月及以上)',
        ),
      ),
    ],
  },
  {
    key: 'assistance.riskMeasureMonths',
    labelZh: '风险无对应帮扶措施时限（月）',
    labelEn: 'Months a risk may go without a measure',
    unit: 'months',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        1,
        notFound(
          '按风险逐项理解 §1.7 的一个月规则；国新办：从发现到落实帮扶措施约半个月',
          'per-risk reading of the §1.7 one-month rule; 国新办: 从发现到落实帮扶措施约半个月',
        ),
      ),
    ],
  },
  {
    key: 'assistance.visitIntervalDays',
    labelZh: '结对干部走访间隔（天）',
    labelEn: "Days between a paired cadre's visits",
    unit: 'days',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        30,
        notFound(
          '沁发〔2021〕17号：每月开展动态监测；保山 一月一排查，政策规则 §1.9',
          'seed: 每月开展动态监测; Baoshan 一月一排查, policy-rules §1.9',
        ),
      ),
    ],
  },
  {
    key: 'relief.maxPerApplicationFen',
    labelZh: '应急/临时救助单次批准上限（元，0为不限）',
    labelEn: 'Maximum approved per relief application (0: no cap)',
    unit: 'fen',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        0,
        notFound(
          '沁发〔2021〕17号 §二(一)2 提到应急救助基金但无金额；政策规则 §4.3 临时救助/先行救助同样无金额',
          'seed §二(一)2 names the 应急救助基金 without amounts; §4.3 临时救助/先行救助 likewise',
        ),
      ),
    ],
  },
];
