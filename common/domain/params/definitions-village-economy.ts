import { NATIONAL, notFound, since, src, type ParamDefinition } from './param-seed.ts';

// Village economy (issue 15 items 4 and 7): 消费帮扶 “三专” targets (沁发〔2021〕17号 §二(三)1 二是) and the
// 村集体经济 threshold below which a village is listed as weak (the plan names none: not found).
const CONSUMER_SENTENCE = src(
  '沁发〔2021〕17号 §二(三)1 二是：“到2025年，建成2个消费帮扶专馆，2个消费帮扶专区，20个消费帮扶专柜，初步形成覆盖全县的消费帮扶网络”',
  '沁发〔2021〕17号 §二(三)1 二是: by 2025, 2 consumer-assistance pavilions, 2 zones and 20 counters',
);

export const VILLAGE_ECONOMY_PARAMS: readonly ParamDefinition[] = [
  {
    key: 'consumer.targetPavilions',
    labelZh: '消费帮扶专馆目标数（到2025年，个）',
    labelEn: 'Consumer-assistance pavilions to build by 2025',
    unit: 'count',
    yearly: false,
    seeds: [since(NATIONAL, 2, CONSUMER_SENTENCE)],
  },
  {
    key: 'consumer.targetZones',
    labelZh: '消费帮扶专区目标数（到2025年，个）',
    labelEn: 'Consumer-assistance zones to build by 2025',
    unit: 'count',
    yearly: false,
    seeds: [since(NATIONAL, 2, CONSUMER_SENTENCE)],
  },
  {
    key: 'consumer.targetCounters',
    labelZh: '消费帮扶专柜目标数（到2025年，个）',
    labelEn: 'Consumer-assistance counters to build by 2025',
    unit: 'count',
    yearly: false,
    seeds: [since(NATIONAL, 20, CONSUMER_SENTENCE)],
  },
  {
    key: 'collective.weakIncomeFen',
    labelZh: '村集体经济收入薄弱线（年收入低于此数列为薄弱村，分）',
    labelEn: 'Village collective income below which a village is listed as weak (fen a year)',
    unit: 'fen',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        5_000_000,
        notFound(
          '沁发〔2021〕17号只要求“发展壮大脱贫村集体经济”“持续增加村集体经济收入”，未给出数额；默认按各地通行的“集体经济年收入5万元以下为薄弱村”',
          'the plan only asks to grow collective income and names no amount; default the common "below 50,000 yuan a year is weak"',
        ),
      ),
    ],
  },
];
