import { NATIONAL, notFound, since, src, type ParamDefinition } from './param-seed.ts';

// Projects, funds, assets, 四议两公开 and programme caps.
export const GOVERNANCE_PARAMS: readonly ParamDefinition[] = [
  // Projects, funds, assets, 四议两公开 (issue #7)
  {
    key: 'projects.noticeDays',
    labelZh: '项目入库公示天数（三公示，每次不少于）',
    labelEn: 'Project-entry public notices (each, at least, days)',
    unit: 'days',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        5,
        notFound(
          '三公示一公告天数未找到；政策规则 §9 默认公示5天',
          '三公示一公告 days not found; policy-rules §9 default 公示 5 days',
        ),
      ),
    ],
  },
  {
    key: 'funds.managementFeeCapCentral',
    labelZh: '项目管理费上限（占中央衔接资金）',
    labelEn: 'Management fee cap, share of central funds',
    unit: 'ratio',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        0.01,
        src(
          '政策规则 §6：中央资金 1%（黑财规〔2023〕34号，黑龙江示例；山西数值未找到）',
          'policy-rules §6: 中央资金 1%（黑财规〔2023〕34号, Heilongjiang example; Shanxi value not found)',
        ),
      ),
    ],
  },
  {
    key: 'funds.managementFeeCapProvincial',
    labelZh: '项目管理费上限（占省级衔接资金）',
    labelEn: 'Management fee cap, share of provincial funds',
    unit: 'ratio',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        0.03,
        src(
          '政策规则 §6：省级资金 3%（黑财规〔2023〕34号，黑龙江示例；山西数值未找到）',
          'policy-rules §6: 省级资金 3%（黑财规〔2023〕34号, Heilongjiang example; Shanxi value not found)',
        ),
      ),
    ],
  },
  {
    key: 'funds.managementFeeCapLocal',
    labelZh: '项目管理费上限（占市、县级衔接资金）',
    labelEn: 'Management fee cap, share of city and county funds',
    unit: 'ratio',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        0.03,
        notFound('未找到市县上限；采用省级 3%', 'no city/county cap found; the provincial 3% is used'),
      ),
    ],
  },
  {
    key: 'funds.atRiskMargin',
    labelZh: '资金比例"临界"区间（高于下限不足，百分点）',
    labelEn: 'At-risk band above a minimum share (percentage points)',
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 0.02, notFound('驾驶舱显示区间，不是政策数值', 'dashboard band, not a policy number'))],
  },
  {
    key: 'funds.capAtRiskRatio',
    labelZh: '上限类指标"临界"起点（占上限比例）',
    labelEn: 'A cap is at risk from this share of it',
    unit: 'ratio',
    yearly: false,
    seeds: [since(NATIONAL, 0.9, notFound('驾驶舱显示区间，不是政策数值', 'dashboard band, not a policy number'))],
  },
  {
    key: 'deliberation.partyAttendance',
    labelZh: '党员大会到会比例（不低于）',
    labelEn: "Party members' meeting attendance (at least)",
    unit: 'ratio',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        2 / 3,
        src('政策规则 §8：党员大会 应到党员三分之二以上到会', 'policy-rules §8: 党员大会 应到党员三分之二以上到会'),
      ),
    ],
  },
  {
    key: 'deliberation.passShare',
    labelZh: '表决通过比例（超过）',
    labelEn: 'Votes needed to pass (more than this share)',
    unit: 'ratio',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        0.5,
        src(
          '政策规则 §8：党员大会 应到党员半数以上同意；村民会议 到会人员、村民代表会议 全体代表 过半数通过',
          'policy-rules §8: 党员大会 应到党员半数以上同意; 村民会议 到会人员、村民代表会议 全体代表 过半数通过',
        ),
      ),
    ],
  },
  {
    key: 'deliberation.villagersQuorum',
    labelZh: '村民会议到会比例（超过本村十八周岁以上村民的）',
    labelEn: "Villagers' meeting quorum (more than this share of adult villagers)",
    unit: 'ratio',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        0.5,
        src(
          '村民委员会组织法 第二十二条：应当有本村十八周岁以上村民的过半数…参加',
          '村民委员会组织法 第二十二条: 应当有本村十八周岁以上村民的过半数…参加',
        ),
      ),
    ],
  },
  {
    key: 'deliberation.householdsQuorum',
    labelZh: '户代表村民会议到会比例（不低于本村户数的）',
    labelEn: "Household representatives' villagers' meeting quorum (at least this share of households)",
    unit: 'ratio',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        2 / 3,
        src(
          '村民委员会组织法 第二十二条：或者本村三分之二以上的户的代表参加（“以上”包括本数即三分之二，民法典 第一千二百五十九条）',
          '村民委员会组织法 第二十二条: 或者本村三分之二以上的户的代表参加 (以上 includes 2/3, 民法典 第一千二百五十九条)',
        ),
      ),
    ],
  },
  {
    key: 'deliberation.representativesQuorum',
    labelZh: '村民代表会议到会比例（不低于组成人员的）',
    labelEn: "Representatives' meeting quorum (at least this share of members)",
    unit: 'ratio',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        2 / 3,
        src(
          '村民委员会组织法 第二十六条：村民代表会议有三分之二以上的组成人员参加方可召开',
          '村民委员会组织法 第二十六条: 村民代表会议有三分之二以上的组成人员参加方可召开',
        ),
      ),
    ],
  },
  {
    key: 'deliberation.representativesPassBase',
    labelZh: '村民代表会议表决基数（全体组成人员 / 到会人员）',
    labelEn: "Representatives' meeting majority counted over all members or those present",
    unit: 'choice',
    choices: ['all', 'present'],
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        'all',
        src(
          '政策规则 §8：村民代表会议 全体代表 过半数通过（从严理解；村民委员会组织法 第二十六条为“所作决定应当经到会人员的过半数同意”，按法条字面可改选“到会人员”）',
          'policy-rules §8: 村民代表会议 全体代表 过半数通过 (the stricter reading; 村民委员会组织法 第二十六条 reads 所作决定应当经到会人员的过半数同意 — choose present for the letter of the law)',
        ),
      ),
    ],
  },
  {
    key: 'posts.maxHireAge',
    labelZh: '公益岗位新聘年龄上限（岁）',
    labelEn: 'Public-welfare post: maximum age at hiring',
    unit: 'years',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        60,
        src('政策规则 §4.3：新聘一般不超过60岁（贵州办法）', 'policy-rules §4.3: 新聘一般不超过60岁 (Guizhou method)'),
      ),
    ],
  },
];
