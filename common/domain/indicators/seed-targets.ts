// Every numeric target of 中共沁水县委 沁水县人民政府《关于巩固拓展脱贫攻坚成果有效衔接乡村振兴的实施方案》
// (沁发〔2021〕17号, issued jointly on 2021-10-20, ../shared/seed/qinshui-2021-17.md), with the sentence it comes from.
// County-wide targets are scoped to the county unit: townships and villages inherit them unless overridden.

import type { TargetDef } from './model.ts';

const DOC = '沁发〔2021〕17号';
const COUNTY = { kind: 'unit', code: '140521000000' } as const;

export const SEED_TARGETS: TargetDef[] = [
  { indicator: 'CONSOLIDATION_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 98, band: 0.5, sourceDoc: DOC,
    sourceText: '到2025年……脱贫人口巩固率保持在98%以上' },
  { indicator: 'WATER_CENTRAL_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 95, band: 1, sourceDoc: DOC,
    sourceText: '到2025年，农村饮水集中供水率稳定在95%左右（“左右”按不低于95%、预警带1个百分点处理）' },
  { indicator: 'TAP_WATER_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 92, band: 1, sourceDoc: DOC,
    sourceText: '到2025年……自来水普及率稳定在92%以上' },
  { indicator: 'GARBAGE_COVERAGE_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 90, band: 5, sourceDoc: DOC,
    sourceText: '到2025年，农村生活垃圾收运处置体系有效覆盖自然村比例达到90%以上' },
  { indicator: 'SEWAGE_TREATMENT_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 5, band: 1, baselineYear: 2020, sourceDoc: DOC,
    sourceText: '到2025年……农村生活污水治理率至少提高5个百分点（以2020年为基期）' },
  { indicator: 'SANITARY_TOILET_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 65, band: 5, sourceDoc: DOC,
    sourceText: '到2025年……农村户用卫生厕所普及率达到65%以上' },
  { indicator: 'VILLAGE_4G_SHARE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 100, band: 5, sourceDoc: DOC,
    sourceText: '2021年实现全县行政村4G网络普遍覆盖' },
  { indicator: 'VILLAGE_5G_SHARE', scope: { kind: 'group', group: 'KEY_VILLAGE' }, fromYear: 2025, toYear: 2025, op: '>=', value: 100, band: 10, sourceDoc: DOC,
    sourceText: '到2025年基本实现全县乡镇级以上区域和重点行政村5G网络覆盖（重点行政村）' },
  { indicator: 'TOWNSHIP_5G_SHARE', scope: COUNTY, fromYear: 2025, toYear: 2025, op: '>=', value: 100, band: 10, sourceDoc: DOC,
    sourceText: '到2025年基本实现全县乡镇级以上区域和重点行政村5G网络覆盖（乡镇级以上区域）' },
  { indicator: 'CONSUMER_HALLS_N', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 2, band: 1, sourceDoc: DOC,
    sourceText: '到2025年，建成2个消费帮扶专馆' },
  { indicator: 'CONSUMER_ZONES_N', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 2, band: 1, sourceDoc: DOC,
    sourceText: '到2025年，建成……2个消费帮扶专区' },
  { indicator: 'CONSUMER_COUNTERS_N', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 20, band: 5, sourceDoc: DOC,
    sourceText: '到2025年，建成……20个消费帮扶专柜，初步形成覆盖全县的消费帮扶网络' },
  { indicator: 'FUND_INDUSTRY_SHARE', scope: COUNTY, fromYear: 2021, toYear: 2021, op: '>=', value: 50, band: 2, sourceDoc: DOC,
    sourceText: '2021年全县用于产业发展的资金规模占比原则上不得低于下达资金总规模的50%，且不得低于2020年用于产业发展的资金占比（政策参数 funds.industryShare）' },
  { indicator: 'FUND_WFR_LABOUR_SHARE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 15, band: 2, sourceDoc: DOC,
    sourceText: '以工代赈投资落实到项目，劳务报酬发放比例不得低于财政资金的15%（政策参数 funds.workForReliefLabourShare）' },
  { indicator: 'LAND_RURAL_INDUSTRY_SHARE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 10, band: 1, sourceDoc: DOC,
    sourceText: '在县、乡级国土空间规划中，安排不少于10%建设用地指标，重点保障乡村产业发展用地' },
  { indicator: 'FARMER_INCOME_GROWTH_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>', value: null, band: 0.5, reference: '#{CITY_FARMER_INCOME_GROWTH}', sourceDoc: DOC,
    sourceText: '农民收入增速高于全市农民平均水平' },
];
