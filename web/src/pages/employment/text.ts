import { makeText } from '../projects/text.ts';

// 就业与培训 pages and the household section.
export const useEmploymentText = makeText({
  jobsTitle: ['务工就业台账', 'Employment ledger'],
  jobsIntro: [
    '脱贫户和监测户劳动力的务工地点、时间、收入与稳岗跟踪。当月务工记录覆盖天数达到政策参数即计为当月就业。',
    'Where and when people of assisted households work, their income and follow-ups.',
  ],
  trainingsTitle: ['技能培训台账', 'Training ledger'],
  trainingsIntro: [
    '技能培训及取得的证书（“人人持证”）。持证率的分母见政策参数“持证率的分母”。',
    'Training taken and certificates obtained.',
  ],
  workshopsTitle: ['扶贫车间', 'Workshops'],
  workshopsIntro: [
    '扶贫车间（就业帮扶车间）吸纳就业人数与一次性吸纳就业补贴。',
    'Village workshops, the people they employ and the one-off subsidy.',
  ],
  export: ['导出 Excel', 'Export'],
  filterPlace: ['务工地点类别', 'Place'],
  filterCurrent: ['只看在岗', 'Current jobs only'],
  filterKind: ['培训类型', 'Kind'],
  filterCertified: ['是否持证', 'Certificate'],
  filterStatus: ['状态', 'Status'],
  search: ['姓名、地点或单位', 'Name, place or employer'],
  searchTraining: ['姓名或培训项目', 'Name or course'],
  searchWorkshop: ['车间或经营主体', 'Workshop or operator'],
  householdNo: ['户编号', 'Household'],
  name: ['姓名', 'Name'],
  village: ['行政村', 'Village'],
  placeKind: ['地点类别', 'Place kind'],
  place: ['务工地点', 'Place'],
  employer: ['就业单位', 'Employer'],
  job: ['工种', 'Job'],
  startOn: ['开始日期', 'Start'],
  endOn: ['结束日期', 'End'],
  income: ['月收入（元）', 'Monthly income'],
  followUp: ['稳岗跟踪', 'Follow-up'],
  noFollowUp: ['未跟踪', 'None'],
  kind: ['培训类型', 'Kind'],
  course: ['培训项目', 'Course'],
  provider: ['培训机构', 'Provider'],
  certificate: ['证书', 'Certificate'],
  certificateNo: ['证书编号', 'Certificate no.'],
  certifiedOn: ['发证日期', 'Certified on'],
  noCertificate: ['未取得', 'None'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  workshopName: ['车间名称', 'Workshop'],
  operator: ['经营主体', 'Operator'],
  recognisedOn: ['认定日期', 'Recognised'],
  employees: ['吸纳就业', 'Employed'],
  employeesAssisted: ['其中脱贫（监测）', 'Of them assisted'],
  subsidy: ['一次性补贴（元）', 'Subsidy'],
  subsidyPaidOn: ['补贴发放日期', 'Paid on'],
  active: ['运营', 'Active'],
  closed: ['停办', 'Closed'],
  newWorkshop: ['登记车间', 'New workshop'],
  save: ['保存', 'Save'],
  cancel: ['取消', 'Cancel'],
  saved: ['已保存', 'Saved'],
  figuresTitle: ['本月就业情况', 'This month'],
  figuresMonth: ['统计月份', 'Month'],
  labourers: ['劳动力（人）', 'Labourers'],
  employed: ['就业（人）', 'Employed'],
  employmentRate: ['就业率', 'Employment rate'],
  certificateRate: ['持证率', 'Certificate rate'],
  workingAway: ['外出务工（人）', 'Working away'],
  noData: ['无数据', 'No data'],
  empty: ['暂无记录', 'No records'],
  sectionTitle: ['就业与培训', 'Employment and training'],
  member: ['家庭成员', 'Member'],
  labour: ['劳动技能', 'Labour'],
  employedNow: ['本月就业', 'Employed now'],
  monthsEmployed: ['近期就业月数', 'Months employed'],
  stable: ['稳定就业', 'Stable'],
  certified: ['持证', 'Certified'],
  jobs: ['务工记录', 'Jobs'],
  trainings: ['培训记录', 'Training'],
  addJob: ['登记务工', 'Add job'],
  addTraining: ['登记培训', 'Add training'],
  addFollowUp: ['跟踪', 'Follow up'],
  person: ['人员', 'Person'],
  followUpOn: ['跟踪日期', 'Date'],
  followUpStatus: ['跟踪结果', 'Finding'],
  note: ['备注', 'Note'],
  stableHint: ['稳定就业：近 {window} 个月中至少 {months} 个月就业', 'Stable: employed {months} of {window} months'],
  required: ['必填', 'Required'],
});

export const PLACE_LABELS = {
  county: ['县内', 'In the county'],
  province: ['省内县外', 'In the province'],
  outOfProvince: ['省外', 'Out of province'],
} as const;
export const TRAINING_LABELS = {
  employmentSkill: ['就业技能培训', 'Employment skills'],
  skillUpgrade: ['岗位技能提升培训', 'Skill upgrade'],
  entrepreneurship: ['创业培训', 'Entrepreneurship'],
  agriculture: ['农林技术培训', 'Agriculture'],
} as const;
export const CERTIFICATE_LABELS = {
  qualification: ['职业资格证书', 'Qualification'],
  skillLevel: ['职业技能等级证书', 'Skill level'],
  specialAbility: ['专项职业能力证书', 'Special ability'],
  trainingCertificate: ['培训合格证书', 'Training certificate'],
} as const;
export const FOLLOW_UP_LABELS = {
  working: ['在岗', 'Working'],
  changed: ['换岗', 'Changed job'],
  left: ['离岗', 'Left'],
} as const;
export const LABOUR_LABELS: Record<string, readonly [string, string]> = {
  skilled: ['技能劳动力', 'Skilled'],
  ordinary: ['普通劳动力', 'Ordinary'],
  weak: ['弱劳动力或半劳动力', 'Weak'],
  lost: ['丧失劳动力', 'Lost'],
  none: ['无劳动力', 'None'],
};

/** One of a label pair by language. */
export const pick = (pair: readonly [string, string] | undefined, language: string): string =>
  pair ? pair[language === 'en' ? 1 : 0] : '—';

export const percent = (rate: number | null): string | null => (rate === null ? null : `${(rate * 100).toFixed(1)}%`);
