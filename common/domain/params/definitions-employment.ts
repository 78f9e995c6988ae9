import { NATIONAL, notFound, since, src, type ParamDefinition } from './param-seed.ts';

// Employment and training (沁发〔2021〕17号 §二(三)2) and the stable-employment check of relocation follow-up
// (§二(一)4). The plan names 持证率 and 就业率 but defines neither; the readings are parameters.
export const EMPLOYMENT_PARAMS: readonly ParamDefinition[] = [
  {
    key: 'employment.minDaysInMonth',
    labelZh: '计为当月就业的最少务工天数',
    labelEn: 'Days of work in a month for the person to count as employed that month',
    unit: 'days',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        15,
        notFound(
          '规划只说“稳岗就业”，未定义月度就业；取半个月：当月务工记录覆盖不少于15天即计为当月就业',
          'the plan says 稳岗就业 without a monthly definition; half a month: a job covering at least 15 days of the month counts',
        ),
      ),
    ],
  },
  {
    key: 'employment.stableMonths',
    labelZh: '稳定就业：统计期内至少就业月数',
    labelEn: 'Stable employment: months employed within the window',
    unit: 'months',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        6,
        notFound(
          '沁发〔2021〕17号 §二(一)4“确保有劳动能力的搬迁家庭每户有一人稳定就业”未给月数；取近12个月中至少6个月',
          '沁发〔2021〕17号 §二(一)4 gives no number of months for 稳定就业; at least 6 of the last 12 months',
        ),
      ),
    ],
  },
  {
    key: 'employment.stableWindowMonths',
    labelZh: '稳定就业：统计期（月，含当月）',
    labelEn: 'Stable employment: window in months, the month assessed included',
    unit: 'months',
    yearly: false,
    seeds: [
      since(NATIONAL, 12, notFound('规划未给统计期；取近12个月', 'the plan gives no window; the last 12 months')),
    ],
  },
  {
    key: 'employment.certificateRateBase',
    labelZh: '持证率的分母（参加培训的人，或全部劳动力）',
    labelEn: 'Denominator of the certificate rate (trained: people trained; labour: every labourer)',
    unit: 'choice',
    choices: ['trained', 'labour'],
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        'trained',
        src(
          '沁发〔2021〕17号 §二(三)2 一是：“进一步提高培训后持证率和就业率”（培训后：以参加培训的人为分母）；按“人人持证”可改为全部劳动力',
          '沁发〔2021〕17号 §二(三)2 一是: 进一步提高培训后持证率和就业率 (after training: the people trained); 人人持证 reads as labour',
        ),
      ),
    ],
  },
];
