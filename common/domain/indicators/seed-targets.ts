// Every numeric target of 中共沁水县委 沁水县人民政府《关于巩固拓展脱贫攻坚成果有效衔接乡村振兴的实施方案》
// (沁发〔2021〕17号, issued jointly on 2021-10-20, ../shared/seed/qinshui-2021-17.md). `sourceText` is the plan's
// sentence verbatim (a test checks it against the document); our reading of it is in `note`, never inside the quote.
// County-wide targets are scoped to the county unit: townships and villages inherit them unless overridden.
// "到2025年" end states are `path: 'linear'`: earlier years are judged on the path from the baseline
// (indicators.pathBaselineYear, default 2020), never against the 2025 value (common/domain/indicators/path.ts).

import type { TargetDef } from './model.ts';

export const SEED_DOC = '沁发〔2021〕17号';
const DOC = SEED_DOC;
const COUNTY = { kind: 'unit', code: '140521000000' } as const;
const END_STATE = '到2025年的终期目标：2025年以前按年度路径（由基期值直线过渡到终期值）判断，2025年以后保持终期值。';

const S_2025 = '农村低收入人口分类帮扶长效机制逐步完善，脱贫人口巩固率保持在98%以上，农民收入增速高于全市农民平均水平。';
const S_WATER = '到2025年，农村饮水集中供水率稳定在95%左右，自来水普及率稳定在92%以上。';
const S_LIVING = '到2025年，农村生活垃圾收运处置体系有效覆盖自然村比例达到90%以上，农村生活污水治理率至少提高5个百分点，农村户用卫生厕所普及率达到65%以上。';
const S_5G = '到2025年基本实现全县乡镇级以上区域和重点行政村5G网络覆盖。';
const S_CONSUMER = '到2025年，建成2个消费帮扶专馆，2个消费帮扶专区，20个消费帮扶专柜，初步形成覆盖全县的消费帮扶网络。';

export const SEED_TARGETS: TargetDef[] = [
  { indicator: 'CONSOLIDATION_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 98, band: 0.5, sourceDoc: DOC, sourceText: S_2025,
    note: '该句属“到2025年”一段；“保持在98%以上”按过渡期内每年不低于98%判断。' },
  { indicator: 'WATER_CENTRAL_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 95, band: 1, path: 'linear', sourceDoc: DOC, sourceText: S_WATER,
    note: `“左右”按不低于95%、预警带1个百分点处理。${END_STATE}` },
  { indicator: 'TAP_WATER_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 92, band: 1, path: 'linear', sourceDoc: DOC, sourceText: S_WATER, note: END_STATE },
  { indicator: 'GARBAGE_COVERAGE_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 90, band: 5, path: 'linear', sourceDoc: DOC, sourceText: S_LIVING, note: END_STATE },
  { indicator: 'SEWAGE_TREATMENT_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 5, band: 1, baselineYear: 2020, path: 'linear', sourceDoc: DOC, sourceText: S_LIVING,
    note: `文件未写明基期，以2020年为基期：2025年不低于2020年值加5个百分点。${END_STATE}` },
  { indicator: 'SANITARY_TOILET_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 65, band: 5, path: 'linear', sourceDoc: DOC, sourceText: S_LIVING, note: END_STATE },
  { indicator: 'VILLAGE_4G_SHARE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 100, band: 5, sourceDoc: DOC, sourceText: '2021年实现全县行政村4G网络普遍覆盖。',
    note: '“普遍覆盖”按全部行政村（100%）、预警带5个百分点处理，2021年起每年判断。' },
  { indicator: 'VILLAGE_5G_SHARE', scope: { kind: 'group', group: 'KEY_VILLAGE' }, fromYear: 2025, toYear: 2025, op: '>=', value: 100, band: 10, sourceDoc: DOC, sourceText: S_5G,
    note: '本条为其中“重点行政村”部分；“基本实现”预警带10个百分点；2025年起判断。' },
  { indicator: 'TOWNSHIP_5G_SHARE', scope: COUNTY, fromYear: 2025, toYear: 2025, op: '>=', value: 100, band: 10, sourceDoc: DOC, sourceText: S_5G,
    note: '本条为其中“乡镇级以上区域”部分（按乡镇驻地计）；2025年起判断。' },
  { indicator: 'CONSUMER_HALLS_N', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 2, band: 1, path: 'linear', sourceDoc: DOC, sourceText: S_CONSUMER, note: `专馆。${END_STATE}` },
  { indicator: 'CONSUMER_ZONES_N', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 2, band: 1, path: 'linear', sourceDoc: DOC, sourceText: S_CONSUMER, note: `专区。${END_STATE}` },
  { indicator: 'CONSUMER_COUNTERS_N', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 20, band: 5, path: 'linear', sourceDoc: DOC, sourceText: S_CONSUMER, note: `专柜。${END_STATE}` },
  { indicator: 'FUND_INDUSTRY_SHARE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: null, band: 2, reference: '#{FUND_INDUSTRY_MIN}', sourceDoc: DOC,
    sourceText: '2021年全县用于产业发展的资金规模占比原则上不得低于下达资金总规模的50%，且不得低于2020年用于产业发展的资金占比。',
    note: '比较值与资金校验为同一取值：政策参数 funds.industryShare（2021年50%，2023年起60%），且不低于 funds.industryShareNotBelowYear（2020）年度的占比。' },
  { indicator: 'FUND_WFR_LABOUR_SHARE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: null, band: 2, reference: '#{FUND_LABOUR_MIN}', sourceDoc: DOC,
    sourceText: '以工代赈投资落实到项目，劳务报酬发放比例不得低于财政资金的15%。',
    note: '按已发放的劳务报酬计算；比较值与资金校验为同一取值（政策参数 funds.workForReliefLabourShare）。' },
  { indicator: 'LAND_RURAL_INDUSTRY_SHARE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 10, band: 1, sourceDoc: DOC,
    sourceText: '在县、乡级国土空间规划中，安排不少于10%建设用地指标，重点保障乡村产业发展用地。' },
  { indicator: 'FARMER_INCOME_GROWTH_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>', value: null, band: 0.5, reference: '#{CITY_FARMER_INCOME_GROWTH}', sourceDoc: DOC, sourceText: S_2025,
    note: '本条为其中“农民收入增速高于全市农民平均水平”部分，参照值为全市农民人均可支配收入平均增速。' },
  { indicator: 'RELOCATED_EMPLOYMENT_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 100, band: 2, sourceDoc: DOC,
    sourceText: '推动后续产业可持续发展，不断提升产业园、扶贫车间和安置区周边特色产业发展水平，帮助就地就近就业，确保有劳动能力的搬迁家庭每户有一人稳定就业。',
    note: '按有劳动能力的搬迁家庭中至少一人稳定就业的户数占比100%判断。' },
  { indicator: 'POVERTY_ASSET_LEDGER_RATE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 100, band: 2, sourceDoc: DOC,
    sourceText: '2021年10月底前全面摸清扶贫资产底数，完善动态监管台账。',
    note: '时限为2021年10月底；按年报判断（2021年起），已核查登记入台账的资产占扶贫项目资产的比例100%。' },
  { indicator: 'SUPP_PENSION_COVERAGE', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 100, band: 2, sourceDoc: DOC,
    sourceText: '从2021年起，重点人群补充养老保险实现全覆盖。',
    note: '重点人群按同段所列低保对象、特困人员、返贫致贫人口、重度残疾人等困难群体；“全覆盖”按100%判断。' },
  { indicator: 'LABOUR_BRANDS_N', scope: COUNTY, fromYear: 2025, toYear: 2025, op: '>=', value: 1, band: 0, sourceDoc: DOC,
    sourceText: '到2025年，力争我县至少培育一个在全省或全国叫得响的特色劳务品牌。',
    note: '2025年起判断（至少1个）。' },
  { indicator: 'SPATIAL_PLAN_DONE_FLAG', scope: COUNTY, fromYear: 2021, toYear: 2025, op: '>=', value: 1, band: 0, sourceDoc: DOC,
    sourceText: '2021年年底前完成县级国土空间规划的编制',
    note: '时限为2021年年底；县级年报“编制完成（是=1）”。' },
];
