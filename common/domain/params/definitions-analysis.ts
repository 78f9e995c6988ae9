import { NATIONAL, notFound, since, src, type ParamDefinition } from './param-seed.ts';

// The Alkire–Foster deprivation view (issue 19, docs/analysis.md): relative weights of the six
// dimensions (两不愁三保障 and income), the cutoff k, and the food/clothing proxy line. No policy sets
// these for a county: equal weights and k = 1/3 follow the method's usual choice (global MPI).

const weight = (dimension: string, labelZh: string, labelEn: string): ParamDefinition => ({
  key: `analysis.af.weight.${dimension}`,
  labelZh: `多维贫困权重：${labelZh}（相对值）`,
  labelEn: `Deprivation view weight: ${labelEn} (relative)`,
  unit: 'count',
  yearly: false,
  seeds: [
    since(
      NATIONAL,
      1,
      notFound(
        '各维度等权，阿尔基尔–福斯特方法（2011）的常用做法；县可调整',
        'equal weights, the usual choice of Alkire–Foster (2011); the county may change them',
      ),
    ),
  ],
});

export const ANALYSIS_PARAMS: readonly ParamDefinition[] = [
  weight('income', '收入低于监测线', 'income below the line'),
  weight('foodClothing', '吃穿', 'food and clothing'),
  weight('education', '义务教育', 'compulsory education'),
  weight('medical', '基本医疗', 'basic medical insurance and burden'),
  weight('housing', '住房安全', 'housing safety'),
  weight('water', '饮水安全', 'drinking water'),
  {
    key: 'analysis.af.cutoff',
    labelZh: '多维贫困临界值（加权剥夺份额）',
    labelEn: 'Deprivation cutoff k (weighted share of dimensions)',
    unit: 'ratio',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        0.3333,
        src(
          '阿尔基尔与桑托斯（2014）全球多维贫困指数：加权剥夺份额不低于三分之一为多维贫困',
          'Alkire & Santos (2014), global MPI: poor when deprived in at least one third of the weighted dimensions',
        ),
      ),
    ],
  },
  {
    key: 'analysis.af.foodLineRatio',
    labelZh: '吃穿维度替代线（占监测线的比例）',
    labelEn: 'Food and clothing proxy: share of the monitoring line',
    unit: 'ratio',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        0.5,
        notFound(
          '登记信息没有吃穿字段，以人均纯收入低于监测线的一半替代',
          'the registry has no food/clothing field; per-capita income below half the monitoring line stands in',
        ),
      ),
    ],
  },
];
