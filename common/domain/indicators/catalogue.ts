// The seeded indicator catalogue: data elements, data sets, indicators and validation rules for the
// targets of 沁发〔2021〕17号 (../shared/seed/qinshui-2021-17.md). County administrators edit them later.

import type { DataElementDef, DataSetDef, IndicatorDef, ValidationRuleDef } from './model.ts';

export const COMPUTED_SOURCES = {
  'registry.alleviatedPop': { zh: '脱贫人口（在户成员，来自农户档案）', en: 'Alleviated persons (registry)' },
  'registry.returnedPop': { zh: '返贫人口：脱贫户成员中现为未消除风险的“脱贫不稳定户”监测对象', en: 'Persons of alleviated households now monitored as 脱贫不稳定户, risk not eliminated' },
  'registry.identifiedHouseholds': { zh: '累计识别监测户数（识别监测时间不晚于当月）', en: 'Monitored households identified up to the month' },
  'registry.eliminatedHouseholds': { zh: '累计风险消除户数（风险消除时间不晚于当月）', en: 'Monitored households whose risk was eliminated up to the month' },
  'funds.industryPart': { zh: '用于产业发展的衔接资金（分）', en: 'Linkage funds for industry (fen)' },
  'funds.industryWhole': { zh: '下达衔接资金总规模（分）', en: 'Linkage funds allocated (fen)' },
  'funds.labourPart': { zh: '以工代赈已发放劳务报酬（分）', en: 'Work-for-relief labour pay disbursed (fen)' },
  'funds.labourWhole': { zh: '以工代赈财政资金（分）', en: 'Work-for-relief fiscal funds (fen)' },
  'funds.industryMinimum': { zh: '产业发展资金占比下限（%，资金校验同一取值）', en: 'Minimum industry share (%, as the fund check)' },
  'funds.labourMinimum': { zh: '以工代赈劳务报酬占比下限（%，资金校验同一取值）', en: 'Minimum labour share (%, as the fund check)' },
} as const;
export type ComputedSource = keyof typeof COMPUTED_SOURCES;

const v = (code: string, nameZh: string, nameEn: string, aggregation: DataElementDef['aggregation'], valueType: DataElementDef['valueType'] = 'integer', unitZh = '人'): DataElementDef => ({
  code, nameZh, nameEn, aggregation, valueType, entryLevel: 'village', unitZh,
});
const c = (code: string, nameZh: string, nameEn: string, entryLevel: DataElementDef['entryLevel'], unitZh: string, valueType: DataElementDef['valueType'] = 'integer', aggregation: DataElementDef['aggregation'] = 'LAST'): DataElementDef => ({
  code, nameZh, nameEn, aggregation, valueType, entryLevel, unitZh,
});
const computed = (code: string, nameZh: string, nameEn: string, source: ComputedSource, entryLevel: DataElementDef['entryLevel'], unitZh: string): DataElementDef => ({
  code, nameZh, nameEn, aggregation: 'SUM', valueType: 'integer', entryLevel, computed: source, unitZh,
});

export const SEED_ELEMENTS: DataElementDef[] = [
  v('RURAL_POP', '农村常住人口', 'Rural resident population', 'SUM'),
  v('WATER_CENTRAL_POP', '集中供水受益人口', 'Population served by central water supply', 'SUM'),
  v('TAP_WATER_POP', '自来水受益人口', 'Population with tap water', 'SUM'),
  v('RURAL_HH', '农户总户数', 'Rural households', 'SUM', 'integer', '户'),
  v('SANITARY_TOILET_HH', '户用卫生厕所户数', 'Households with a sanitary toilet', 'SUM', 'integer', '户'),
  v('SEWAGE_TREATED_HH', '生活污水得到治理的户数', 'Households whose sewage is treated', 'SUM', 'integer', '户'),
  v('NATURAL_VILLAGES', '自然村个数', 'Natural villages', 'LAST', 'integer', '个'),
  v('GARBAGE_COVERED_NV', '生活垃圾收运处置体系覆盖的自然村个数', 'Natural villages covered by garbage collection', 'LAST', 'integer', '个'),
  v('HAS_4G', '4G网络覆盖（是=1）', '4G coverage (yes = 1)', 'LAST', 'boolean', ''),
  v('HAS_5G', '5G网络覆盖（是=1）', '5G coverage (yes = 1)', 'LAST', 'boolean', ''),
  c('TOWNSHIP_5G', '乡镇驻地5G网络覆盖（是=1）', 'Township seat 5G coverage (yes = 1)', 'township', '', 'boolean'),
  c('CONSUMER_HALLS', '消费帮扶专馆', 'Consumer-assistance halls', 'county', '个'),
  c('CONSUMER_ZONES', '消费帮扶专区', 'Consumer-assistance zones', 'county', '个'),
  c('CONSUMER_COUNTERS', '消费帮扶专柜', 'Consumer-assistance counters', 'county', '个'),
  c('LAND_QUOTA_MU', '县乡国土空间规划建设用地指标', 'Construction-land quota in spatial plans', 'county', '亩', 'number'),
  c('LAND_RURAL_INDUSTRY_MU', '其中保障乡村产业发展用地', 'of which for rural industry', 'county', '亩', 'number'),
  c('FARMER_INCOME_GROWTH', '本县农村居民人均可支配收入增速', 'County rural income growth', 'county', '%', 'percent'),
  c('CITY_FARMER_INCOME_GROWTH', '全市农民人均可支配收入平均增速', 'City average rural income growth', 'county', '%', 'percent'),
  computed('REG_ALLEVIATED_POP', '脱贫人口', 'Alleviated persons', 'registry.alleviatedPop', 'village', '人'),
  computed('REG_RETURNED_POP', '返贫人口（脱贫不稳定户未消除风险成员）', 'Persons returned to poverty risk', 'registry.returnedPop', 'village', '人'),
  computed('REG_IDENTIFIED_HH', '累计识别监测户', 'Monitored households identified', 'registry.identifiedHouseholds', 'village', '户'),
  computed('REG_ELIMINATED_HH', '累计风险消除户', 'Households with risk eliminated', 'registry.eliminatedHouseholds', 'village', '户'),
  computed('FUND_INDUSTRY_FEN', '产业发展资金', 'Industry funds', 'funds.industryPart', 'county', '分'),
  computed('FUND_TOTAL_FEN', '衔接资金总规模', 'Linkage funds total', 'funds.industryWhole', 'county', '分'),
  computed('FUND_LABOUR_FEN', '以工代赈劳务报酬', 'Work-for-relief labour pay', 'funds.labourPart', 'county', '分'),
  computed('FUND_WFR_FEN', '以工代赈财政资金', 'Work-for-relief funds', 'funds.labourWhole', 'county', '分'),
  { ...computed('FUND_INDUSTRY_MIN', '产业发展资金占比下限', 'Minimum industry share', 'funds.industryMinimum', 'county', '%'), aggregation: 'LAST', valueType: 'percent' },
  { ...computed('FUND_LABOUR_MIN', '以工代赈劳务报酬占比下限', 'Minimum labour share', 'funds.labourMinimum', 'county', '%'), aggregation: 'LAST', valueType: 'percent' },
  v('RELOCATED_LABOUR_HH', '有劳动能力的搬迁家庭户数', 'Relocated households with labour', 'SUM', 'integer', '户'),
  v('RELOCATED_EMPLOYED_HH', '其中至少一人稳定就业的户数', 'of which with one member in stable work', 'SUM', 'integer', '户'),
  v('KEY_GROUP_POP', '重点人群人数（低保对象、特困人员、返贫致贫人口、重度残疾人等）', 'Key groups for supplementary pension', 'SUM'),
  v('KEY_GROUP_SUPP_PENSION', '其中参加补充养老保险人数', 'of which covered by supplementary pension', 'SUM'),
  c('POVERTY_ASSETS', '扶贫项目资产（项）', 'Assets formed by poverty-alleviation funds', 'county', '项'),
  c('POVERTY_ASSETS_LEDGERED', '其中已核查登记入动态监管台账（项）', 'of which verified and in the ledger', 'county', '项'),
  c('LABOUR_BRANDS', '叫得响的特色劳务品牌', 'Recognised labour brands', 'county', '个'),
  c('SPATIAL_PLAN_DONE', '县级国土空间规划编制完成（是=1）', 'County spatial plan completed (yes = 1)', 'county', '', 'boolean'),
];

export const SEED_DATA_SETS: DataSetDef[] = [
  {
    code: 'VILLAGE_LIVING', nameZh: '村级人居环境与基础设施月报', nameEn: 'Village living conditions (monthly)', periodType: 'monthly', entryLevel: 'village', openDays: 15,
    elements: ['RURAL_POP', 'WATER_CENTRAL_POP', 'TAP_WATER_POP', 'RURAL_HH', 'SANITARY_TOILET_HH', 'SEWAGE_TREATED_HH', 'NATURAL_VILLAGES', 'GARBAGE_COVERED_NV', 'HAS_4G', 'HAS_5G'],
  },
  { code: 'TOWNSHIP_NETWORK', nameZh: '乡镇通信网络年报', nameEn: 'Township network (yearly)', periodType: 'yearly', entryLevel: 'township', openDays: 60, elements: ['TOWNSHIP_5G'] },
  {
    code: 'COUNTY_ANNUAL', nameZh: '县级衔接工作年报', nameEn: 'County linkage report (yearly)', periodType: 'yearly', entryLevel: 'county', openDays: null,
    elements: ['CONSUMER_HALLS', 'CONSUMER_ZONES', 'CONSUMER_COUNTERS', 'LAND_QUOTA_MU', 'LAND_RURAL_INDUSTRY_MU', 'FARMER_INCOME_GROWTH', 'CITY_FARMER_INCOME_GROWTH', 'POVERTY_ASSETS', 'POVERTY_ASSETS_LEDGERED', 'LABOUR_BRANDS', 'SPATIAL_PLAN_DONE'],
  },
  {
    code: 'VILLAGE_ANNUAL', nameZh: '村级搬迁就业与补充养老年报', nameEn: 'Village relocation and pension report (yearly)', periodType: 'yearly', entryLevel: 'village', openDays: 60,
    elements: ['RELOCATED_LABOUR_HH', 'RELOCATED_EMPLOYED_HH', 'KEY_GROUP_POP', 'KEY_GROUP_SUPP_PENSION'],
  },
];

const ratio = (code: string, nameZh: string, nameEn: string, numerator: string, denominator: string, periodType: IndicatorDef['periodType'] = 'monthly', descriptionZh?: string): IndicatorDef => ({
  code, nameZh, nameEn, mode: 'ratio', numerator, denominator, factor: 100, unitZh: '%', decimals: 1, periodType, descriptionZh,
});
const last = (code: string, nameZh: string, nameEn: string, numerator: string, unitZh: string, periodType: IndicatorDef['periodType'] = 'yearly'): IndicatorDef => ({
  code, nameZh, nameEn, mode: 'last', numerator, denominator: null, factor: 1, unitZh, decimals: unitZh === '%' ? 1 : 0, periodType,
});

export const SEED_INDICATORS: IndicatorDef[] = [
  ratio('CONSOLIDATION_RATE', '脱贫人口巩固率', 'Consolidation rate of alleviated population', '#{REG_ALLEVIATED_POP} - #{REG_RETURNED_POP}', '#{REG_ALLEVIATED_POP}', 'monthly',
    '（脱贫人口 − 返贫人口）÷ 脱贫人口。返贫人口：脱贫户的在户成员，其所在户现为“脱贫不稳定户”监测对象且风险尚未消除（政策文件未给出计算口径，按此定义）。'),
  last('MONITORED_IDENTIFIED', '累计识别监测户', 'Monitored households identified', '#{REG_IDENTIFIED_HH}', '户', 'monthly'),
  last('MONITORED_ELIMINATED', '累计风险消除户', 'Monitored households eliminated', '#{REG_ELIMINATED_HH}', '户', 'monthly'),
  ratio('RISK_ELIMINATION_RATE', '风险消除率', 'Risk elimination rate', '#{REG_ELIMINATED_HH}', '#{REG_IDENTIFIED_HH}'),
  ratio('WATER_CENTRAL_RATE', '农村集中供水率', 'Central water supply rate', '#{WATER_CENTRAL_POP}', '#{RURAL_POP}'),
  ratio('TAP_WATER_RATE', '农村自来水普及率', 'Tap water coverage', '#{TAP_WATER_POP}', '#{RURAL_POP}'),
  ratio('GARBAGE_COVERAGE_RATE', '生活垃圾收运处置体系覆盖自然村比例', 'Natural villages with garbage collection', '#{GARBAGE_COVERED_NV}', '#{NATURAL_VILLAGES}'),
  ratio('SEWAGE_TREATMENT_RATE', '农村生活污水治理率', 'Rural sewage treatment rate', '#{SEWAGE_TREATED_HH}', '#{RURAL_HH}'),
  ratio('SANITARY_TOILET_RATE', '农村户用卫生厕所普及率', 'Sanitary toilet coverage', '#{SANITARY_TOILET_HH}', '#{RURAL_HH}'),
  { code: 'VILLAGE_4G_SHARE', nameZh: '行政村4G网络覆盖率', nameEn: 'Villages with 4G', mode: 'shareMeeting', numerator: '#{HAS_4G}', denominator: null, factor: 100, unitZh: '%', decimals: 1, periodType: 'monthly', unitLevel: 'village', threshold: { op: '>=', value: 1 } },
  { code: 'VILLAGE_5G_SHARE', nameZh: '行政村5G网络覆盖率', nameEn: 'Villages with 5G', mode: 'shareMeeting', numerator: '#{HAS_5G}', denominator: null, factor: 100, unitZh: '%', decimals: 1, periodType: 'monthly', unitLevel: 'village', threshold: { op: '>=', value: 1 } },
  { code: 'TOWNSHIP_5G_SHARE', nameZh: '乡镇5G网络覆盖率', nameEn: 'Townships with 5G', mode: 'shareMeeting', numerator: '#{TOWNSHIP_5G}', denominator: null, factor: 100, unitZh: '%', decimals: 1, periodType: 'yearly', unitLevel: 'township', threshold: { op: '>=', value: 1 } },
  last('CONSUMER_HALLS_N', '消费帮扶专馆数', 'Consumer-assistance halls', '#{CONSUMER_HALLS}', '个'),
  last('CONSUMER_ZONES_N', '消费帮扶专区数', 'Consumer-assistance zones', '#{CONSUMER_ZONES}', '个'),
  last('CONSUMER_COUNTERS_N', '消费帮扶专柜数', 'Consumer-assistance counters', '#{CONSUMER_COUNTERS}', '个'),
  ratio('FUND_INDUSTRY_SHARE', '衔接资金用于产业发展占比', 'Share of linkage funds for industry', '#{FUND_INDUSTRY_FEN}', '#{FUND_TOTAL_FEN}', 'yearly'),
  ratio('FUND_WFR_LABOUR_SHARE', '以工代赈劳务报酬占比', 'Work-for-relief labour share', '#{FUND_LABOUR_FEN}', '#{FUND_WFR_FEN}', 'yearly'),
  ratio('LAND_RURAL_INDUSTRY_SHARE', '建设用地指标用于乡村产业比例', 'Construction land for rural industry', '#{LAND_RURAL_INDUSTRY_MU}', '#{LAND_QUOTA_MU}', 'yearly'),
  last('FARMER_INCOME_GROWTH_RATE', '农民收入增速', 'Rural income growth', '#{FARMER_INCOME_GROWTH}', '%'),
  ratio('RELOCATED_EMPLOYMENT_RATE', '有劳动能力搬迁家庭一人以上稳定就业比例', 'Relocated households with labour having one member in stable work', '#{RELOCATED_EMPLOYED_HH}', '#{RELOCATED_LABOUR_HH}', 'yearly'),
  ratio('SUPP_PENSION_COVERAGE', '重点人群补充养老保险覆盖率', 'Supplementary pension coverage of key groups', '#{KEY_GROUP_SUPP_PENSION}', '#{KEY_GROUP_POP}', 'yearly'),
  ratio('POVERTY_ASSET_LEDGER_RATE', '扶贫资产底数摸清率', 'Poverty-alleviation assets verified and ledgered', '#{POVERTY_ASSETS_LEDGERED}', '#{POVERTY_ASSETS}', 'yearly'),
  last('LABOUR_BRANDS_N', '特色劳务品牌数', 'Labour brands', '#{LABOUR_BRANDS}', '个'),
  last('SPATIAL_PLAN_DONE_FLAG', '县级国土空间规划编制完成', 'County spatial plan completed', '#{SPATIAL_PLAN_DONE}', ''),
];

export const SEED_VALIDATION_RULES: ValidationRuleDef[] = [
  { code: 'WATER_LE_POP', dataSet: 'VILLAGE_LIVING', nameZh: '集中供水受益人口不能超过常住人口', left: '#{WATER_CENTRAL_POP}', op: '<=', right: '#{RURAL_POP}', importance: 'high' },
  { code: 'TAP_LE_POP', dataSet: 'VILLAGE_LIVING', nameZh: '自来水受益人口不能超过常住人口', left: '#{TAP_WATER_POP}', op: '<=', right: '#{RURAL_POP}', importance: 'high' },
  { code: 'TOILET_LE_HH', dataSet: 'VILLAGE_LIVING', nameZh: '卫生厕所户数不能超过农户总户数', left: '#{SANITARY_TOILET_HH}', op: '<=', right: '#{RURAL_HH}', importance: 'high' },
  { code: 'SEWAGE_LE_HH', dataSet: 'VILLAGE_LIVING', nameZh: '污水治理户数不能超过农户总户数', left: '#{SEWAGE_TREATED_HH}', op: '<=', right: '#{RURAL_HH}', importance: 'high' },
  { code: 'GARBAGE_LE_NV', dataSet: 'VILLAGE_LIVING', nameZh: '垃圾收运覆盖的自然村不能超过自然村个数', left: '#{GARBAGE_COVERED_NV}', op: '<=', right: '#{NATURAL_VILLAGES}', importance: 'high' },
  { code: 'TAP_LE_CENTRAL', dataSet: 'VILLAGE_LIVING', nameZh: '自来水受益人口通常不超过集中供水受益人口', left: '#{TAP_WATER_POP}', op: '<=', right: '#{WATER_CENTRAL_POP}', importance: 'medium' },
  { code: 'RELOCATED_EMPLOYED_LE', dataSet: 'VILLAGE_ANNUAL', nameZh: '稳定就业户数不能超过有劳动能力的搬迁户数', left: '#{RELOCATED_EMPLOYED_HH}', op: '<=', right: '#{RELOCATED_LABOUR_HH}', importance: 'high' },
  { code: 'SUPP_PENSION_LE_POP', dataSet: 'VILLAGE_ANNUAL', nameZh: '参加补充养老保险人数不能超过重点人群人数', left: '#{KEY_GROUP_SUPP_PENSION}', op: '<=', right: '#{KEY_GROUP_POP}', importance: 'high' },
  { code: 'ASSETS_PART_LE_WHOLE', dataSet: 'COUNTY_ANNUAL', nameZh: '已登记入账的资产不能超过扶贫项目资产总数', left: '#{POVERTY_ASSETS_LEDGERED}', op: '<=', right: '#{POVERTY_ASSETS}', importance: 'high' },
  { code: 'LAND_PART_LE_WHOLE', dataSet: 'COUNTY_ANNUAL', nameZh: '乡村产业用地不能超过建设用地指标', left: '#{LAND_RURAL_INDUSTRY_MU}', op: '<=', right: '#{LAND_QUOTA_MU}', importance: 'high' },
];
