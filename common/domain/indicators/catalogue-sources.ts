// The figures the system computes itself for the indicator catalogue (catalogue.ts): each source's code, as data
// elements name it, with its Chinese and English label.

export const COMPUTED_SOURCES = {
  'registry.alleviatedPop': { zh: '脱贫人口（在户成员，来自农户档案）', en: 'Alleviated persons (registry)' },
  'registry.returnedPop': {
    zh: '返贫人口：脱贫户成员中现为未消除风险的“脱贫不稳定户”监测对象',
    en: 'Persons of alleviated households now monitored as 脱贫不稳定户, risk not eliminated',
  },
  'registry.identifiedHouseholds': {
    zh: '累计识别监测户数（识别监测时间不晚于当月）',
    en: 'Monitored households identified up to the month',
  },
  'registry.eliminatedHouseholds': {
    zh: '累计风险消除户数（风险消除时间不晚于当月）',
    en: 'Monitored households whose risk was eliminated up to the month',
  },
  'collective.income': {
    zh: '村集体经济年收入（分，各村现行填报，来自村集体经济台账）',
    en: 'Village collective income of the year (fen, current entries of the collective-economy ledger)',
  },
  'employment.labourers': {
    zh: '劳动力人数（脱贫户、监测户在户成员中技能/普通/弱劳动力，来自就业与培训台账）',
    en: 'Labourers of alleviated and monitored households (employment ledger)',
  },
  'employment.employed': {
    zh: '当月就业的劳动力（当月工作天数达到参数“当月就业最少天数”）',
    en: 'Labourers employed in the month (employment rule)',
  },
  'employment.certificateBase': {
    zh: '持证率的基数（参数“持证率计算基数”：参加培训的人，或劳动力）',
    en: 'Base of the certificate rate (trained people or labourers, per parameter)',
  },
  'employment.certified': { zh: '基数中取得证书的人数', en: 'of which holding a certificate' },
  'employment.workingAway': {
    zh: '当月在县外（省内县外、省外）就业的人数',
    en: 'People employed in the month outside the county',
  },
  'posts.activeHires': {
    zh: '公益岗位在岗人数（月末在岗，来自公益岗位台账）',
    en: 'People on a public-welfare post at the end of the month (posts ledger)',
  },
  'microloans.balance': {
    zh: '小额信贷未还本金（分，月末；当月为今天，来自小额信贷台账）',
    en: 'Micro-loan principal owed (fen, end of month or today)',
  },
  'microloans.overdueBalance': {
    zh: '其中已过到期日未还清的本金（分）',
    en: 'of which past the due date (fen)',
  },
  'insurance.mustInsure': {
    zh: '当年应参保户数（参保核对规则，参数“防贫保险参保范围”）',
    en: 'Households that must be insured in the year (coverage rule)',
  },
  'social.uncovered': {
    zh: '兜底保障应保未保户数：无劳动能力的监测户未享受低保、特困供养等兜底保障（来自兜底保障核对，仅当月）',
    en: 'Monitored households without labour not covered by social assistance (current month only)',
  },
  'insurance.insured': { zh: '其中当年已参保户数（来自防贫保险台账）', en: 'of which insured in the year' },
  'relocation.labourHouseholds': {
    zh: '有劳动能力的易地搬迁户数（月末已入住，来自易地搬迁台账）',
    en: 'Relocated households with labour (relocation ledger)',
  },
  'relocation.metHouseholds': {
    zh: '其中至少一人稳定就业的户数（就业规则“稳定就业”）',
    en: 'of which with at least one member in stable work',
  },
  'consumer.pavilions': {
    zh: '消费帮扶专馆个数（期末在营，来自消费帮扶台账；县、乡镇含所辖单位的专馆）',
    en: 'Consumer-assistance pavilions open at the end of the period (consumer-assistance ledger)',
  },
  'consumer.zones': {
    zh: '消费帮扶专区个数（期末在营，来自消费帮扶台账）',
    en: 'Consumer-assistance zones open at the end of the period (ledger)',
  },
  'consumer.counters': {
    zh: '消费帮扶专柜个数（期末在营，来自消费帮扶台账）',
    en: 'Consumer-assistance counters open at the end of the period (ledger)',
  },
  'petitions.zeroVillage': {
    zh: '零上访村（当年未受理信访事项的行政村记1，舆情不计；来自舆情信访台账）',
    en: 'Village without any petition received in the year (1/0; petitions register)',
  },
  'points.implementing': {
    zh: '推行积分制的村（有经四议两公开决议公开的在用积分项目记1；来自积分制台账）',
    en: 'Village with a points item adopted by a decided 四议两公开 record (1/0; village-points ledger)',
  },
  'funds.industryPart': { zh: '用于产业发展的衔接资金（分）', en: 'Linkage funds for industry (fen)' },
  'funds.industryWhole': { zh: '下达衔接资金总规模（分）', en: 'Linkage funds allocated (fen)' },
  'funds.labourPart': { zh: '以工代赈已发放劳务报酬（分）', en: 'Work-for-relief labour pay disbursed (fen)' },
  'funds.labourWhole': { zh: '以工代赈财政资金（分）', en: 'Work-for-relief fiscal funds (fen)' },
  'funds.industryMinimum': {
    zh: '产业发展资金占比下限（%，资金校验同一取值）',
    en: 'Minimum industry share (%, as the fund check)',
  },
  'funds.labourMinimum': {
    zh: '以工代赈劳务报酬占比下限（%，资金校验同一取值）',
    en: 'Minimum labour share (%, as the fund check)',
  },
} as const;
export type ComputedSource = keyof typeof COMPUTED_SOURCES;
