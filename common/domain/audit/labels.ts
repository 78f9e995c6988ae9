import { definitionOf } from '../params/definitions.ts';

/** A word in both languages. */
export interface BilingualLabel {
  zh: string;
  en: string;
}

// Words for what the server records (issue 16 point 4: no raw codes in Chinese mode), shared by the
// audit page and the audit log export.
// An unknown code is shown as it is rather than hidden, so a new one is noticed and added here.

export const AUDIT_ENTITY_LABELS: Record<string, BilingualLabel> = {
  user: { zh: '用户', en: 'User' },
  session: { zh: '登录会话', en: 'Session' },
  org_unit: { zh: '组织机构', en: 'Org unit' },
  household: { zh: '农户', en: 'Household' },
  person: { zh: '人员', en: 'Person' },
  registry_change: { zh: '台账变更', en: 'Registry change' },
  policy_param: { zh: '政策参数', en: 'Policy parameter' },
  feed_batch: { zh: '部门数据批次', en: 'Department data batch' },
  monitor_run: { zh: '监测运行', en: 'Monitoring run' },
  warning: { zh: '预警', en: 'Warning' },
  clue: { zh: '风险线索', en: 'Risk clue' },
  case: { zh: '识别认定事项', en: 'Case' },
  caseLedger: { zh: '识别认定台账', en: 'Case ledger' },
  caseNotice: { zh: '公示公告', en: 'Case notice' },
  attachment: { zh: '附件', en: 'Attachment' },
  cadre_pairing: { zh: '结对帮扶', en: 'Cadre pairing' },
  assistance_measure: { zh: '帮扶措施', en: 'Assistance measure' },
  measure_subtype: { zh: '措施子类', en: 'Measure subtype' },
  obligation: { zh: '帮扶责任', en: 'Obligation' },
  relief_fund: { zh: '应急救助基金', en: 'Relief fund' },
  relief_application: { zh: '救助申请', en: 'Relief application' },
  project: { zh: '项目', en: 'Project' },
  project_notice: { zh: '项目公告', en: 'Project notice' },
  fund_allocation: { zh: '资金指标', en: 'Fund allocation' },
  fund_assignment: { zh: '资金分配', en: 'Fund assignment' },
  fund_disbursement: { zh: '资金拨付', en: 'Disbursement' },
  asset: { zh: '扶贫资产', en: 'Asset' },
  asset_income_notice: { zh: '资产收益公告', en: 'Asset income notice' },
  deliberation: { zh: '四议两公开', en: 'Deliberation' },
  indicator_def: { zh: '指标定义', en: 'Indicator' },
  indicator_target: { zh: '指标目标', en: 'Indicator target' },
  indicator_value: { zh: '指标数据', en: 'Indicator value' },
  indicator_approval: { zh: '指标上报审核', en: 'Indicator approval' },
  indicator_assessment_scheme: { zh: '考核方案', en: 'Assessment scheme' },
  dayProbe: { zh: '日期检查', en: 'Day probe' },
  audit_log: { zh: '审计日志', en: 'Audit log' },
  data_quality: { zh: '数据质量', en: 'Data quality' },
  employment_record: { zh: '务工就业记录', en: 'Employment record' },
  employment_follow_up: { zh: '稳岗回访', en: 'Employment follow-up' },
  employment_workshop: { zh: '扶贫车间', en: 'Assistance workshop' },
  training_record: { zh: '技能培训记录', en: 'Training record' },
  welfare_post: { zh: '公益岗位', en: 'Public-welfare post' },
  welfare_post_hire: { zh: '公益岗位聘用', en: 'Post hire' },
  welfare_post_month: { zh: '公益岗位月度出勤', en: 'Post month' },
  micro_loan: { zh: '脱贫人口小额信贷', en: 'Small loan' },
  micro_loan_event: { zh: '小额信贷还款贴息', en: 'Small-loan repayment or subsidy' },
  social_benefit: { zh: '兜底保障待遇', en: 'Social benefit' },
  relocation_site: { zh: '易地搬迁安置点', en: 'Relocation site' },
  relocated_household: { zh: '易地搬迁户', en: 'Relocated household' },
  analysis_scenario: { zh: '政策试算方案', en: 'What-if scenario' },
  insurance_policy: { zh: '防贫保险保单', en: 'Anti-poverty insurance policy' },
  insurance_claim: { zh: '防贫保险理赔', en: 'Anti-poverty insurance claim' },
  resident_team: { zh: '驻村工作队', en: 'Resident team' },
  resident_team_member: { zh: '驻村队员', en: 'Resident-team member' },
  village_team_flag: { zh: '应派驻村标注', en: 'Village team flags' },
  social_pairing: { zh: '社会力量帮扶', en: 'Social pairing' },
};

export const AUDIT_ACTION_LABELS: Record<string, BilingualLabel> = {
  create: { zh: '新建', en: 'Create' },
  update: { zh: '修改', en: 'Update' },
  delete: { zh: '删除', en: 'Delete' },
  save: { zh: '保存', en: 'Save' },
  'update.password-reset': { zh: '修改并重置密码', en: 'Update and reset password' },
  login: { zh: '登录', en: 'Log in' },
  'login.failed': { zh: '登录失败', en: 'Failed log-in' },
  logout: { zh: '退出登录', en: 'Log out' },
  'password.change': { zh: '修改密码', en: 'Change password' },
  seed: { zh: '载入初始数据', en: 'Load initial data' },
  import: { zh: '导入', en: 'Import' },
  importNational: { zh: '导入全国系统数据', en: 'Import national data' },
  export: { zh: '导出', en: 'Export' },
  print: { zh: '打印', en: 'Print' },
  read: { zh: '查看', en: 'Read' },
  'reveal-id': { zh: '查看完整身份证号', en: 'Reveal ID number' },
  upload: { zh: '上传', en: 'Upload' },
  set: { zh: '设置', en: 'Set' },
  run: { zh: '运行', en: 'Run' },
  probe: { zh: '检查', en: 'Probe' },
  start: { zh: '发起', en: 'Start' },
  startNotice: { zh: '开始公示', en: 'Start notice' },
  complete: { zh: '办结环节', en: 'Complete stage' },
  reject: { zh: '退回', en: 'Return' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  close: { zh: '终止', en: 'Close' },
  end: { zh: '结束', en: 'End' },
  status: { zh: '变更状态', en: 'Change status' },
  adjust: { zh: '调整', en: 'Adjust' },
  apply: { zh: '申请', en: 'Apply' },
  'self-apply': { zh: '农户自主申报', en: 'Self-application' },
  petition: { zh: '登记信访舆情', en: 'Record petition' },
  visit: { zh: '走访登记', en: 'Record visit' },
  income: { zh: '登记收益', en: 'Record income' },
  disburse: { zh: '拨付', en: 'Disburse' },
  allocate: { zh: '下达资金', en: 'Allocate' },
  assign: { zh: '分配资金', en: 'Assign' },
  custody: { zh: '确权移交', en: 'Custody' },
  dispose: { zh: '处置', en: 'Dispose' },
  recordStep: { zh: '记录步骤', en: 'Record step' },
  form: { zh: '填报表单', en: 'Fill form' },
  enter: { zh: '填报', en: 'Enter' },
  submit: { zh: '提交', en: 'Submit' },
  approve: { zh: '审核通过', en: 'Approve' },
  return: { zh: '退回修改', en: 'Return' },
  pair: { zh: '结对', en: 'Pair' },
  reassign: { zh: '更换帮扶干部', en: 'Reassign' },
  'move.in': { zh: '迁入', en: 'Move in' },
  'move.out': { zh: '迁出', en: 'Move out' },
  'split.out': { zh: '分户', en: 'Split out' },
  confirmed: { zh: '审核确认', en: 'Confirmed' },
  rejected: { zh: '审核退回', en: 'Rejected' },
  'feeds.file': { zh: '导入部门数据文件', en: 'Import department file' },
  'feeds.push': { zh: '接收部门数据推送', en: 'Receive department push' },
  followUp: { zh: '稳岗回访', en: 'Follow up' },
  hire: { zh: '聘用', en: 'Hire' },
  exit: { zh: '退岗', en: 'Exit' },
  month: { zh: '登记出勤与补贴', en: 'Record month' },
  repay: { zh: '登记还款', en: 'Repay' },
  subsidy: { zh: '发放贴息', en: 'Pay interest subsidy' },
  renew: { zh: '展期或续贷', en: 'Renew' },
  raiseClue: { zh: '生成线索', en: 'Raise clue' },
  report: { zh: '报案', en: 'Report a claim' },
  pay: { zh: '赔付', en: 'Pay' },
  refuse: { zh: '拒赔', en: 'Refuse' },
  rotate: { zh: '轮换', en: 'Rotate' },
  leave: { zh: '离队', en: 'Leave' },
  attendance: { zh: '登记驻村考勤', en: 'Record attendance' },
  log: { zh: '记工作日志', en: 'Log work' },
  contribute: { zh: '登记帮扶投入', en: 'Record contribution' },
  // prefixes of dotted codes (entry.complete → 办结环节, review.confirmed → 审核确认)
  entry: { zh: '项目入库', en: 'Project entry' },
  review: { zh: '审核', en: 'Review' },
  approval: { zh: '上报审核', en: 'Approval' },
};

export const AUDIT_FIELD_LABELS: Record<string, BilingualLabel> = {
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名', en: 'Name' },
  role: { zh: '角色', en: 'Role' },
  orgCode: { zh: '所属单位代码', en: 'Unit code' },
  phone: { zh: '手机号', en: 'Mobile' },
  active: { zh: '启用', en: 'Active' },
  units: { zh: '单位数', en: 'Units' },
  stage: { zh: '环节', en: 'Stage' },
  status: { zh: '状态', en: 'Status' },
  kind: { zh: '类别', en: 'Kind' },
  note: { zh: '说明', en: 'Note' },
  reason: { zh: '理由', en: 'Reason' },
  value: { zh: '值', en: 'Value' },
  key: { zh: '参数', en: 'Parameter' },
  householdId: { zh: '农户', en: 'Household' },
  borrowerPersonId: { zh: '借款人', en: 'Borrower' },
  bank: { zh: '贷款银行', en: 'Bank' },
  purpose: { zh: '贷款用途', en: 'Purpose' },
  amountFen: { zh: '金额（分）', en: 'Amount (fen)' },
  termMonths: { zh: '期限（月）', en: 'Term (months)' },
  rateBp: { zh: '年利率（基点）', en: 'Rate (bp)' },
  issuedOn: { zh: '放款日期', en: 'Issued on' },
  dueOn: { zh: '到期日期', en: 'Due on' },
  owedFen: { zh: '未还本金（分）', en: 'Owed (fen)' },
  on: { zh: '日期', en: 'Date' },
  from: { zh: '起始日', en: 'From' },
  to: { zh: '截止日', en: 'To' },
  days: { zh: '天数', en: 'Days' },
  interestFen: { zh: '利息（分）', en: 'Interest (fen)' },
  subsidyFen: { zh: '贴息（分）', en: 'Subsidy (fen)' },
  share: { zh: '贴息比例', en: 'Subsidy share' },
  dayCountBasis: { zh: '计息天数基数', en: 'Day-count basis' },
  newLoanId: { zh: '新贷款编号', en: 'New loan' },
  householdNo: { zh: '户编号', en: 'Household no.' },
  year: { zh: '年度', en: 'Year' },
  insurer: { zh: '承保机构', en: 'Insurer' },
  premiumFen: { zh: '保费（分）', en: 'Premium (fen)' },
  cause: { zh: '出险原因', en: 'Cause' },
  claimedOn: { zh: '报案日期', en: 'Reported on' },
  paidOn: { zh: '赔付日期', en: 'Paid on' },
  incomeYear: { zh: '计入理赔收入年度', en: 'Income year' },
  sendingUnit: { zh: '派出单位', en: 'Sending unit' },
  startedOn: { zh: '开始日期', en: 'Started on' },
  endedOn: { zh: '结束日期', en: 'Ended on' },
  endNote: { zh: '结束说明', en: 'End note' },
  members: { zh: '队员', en: 'Members' },
  name: { zh: '姓名', en: 'Name' },
  unit: { zh: '所在单位', en: 'Unit' },
  joinedOn: { zh: '到村日期', en: 'Joined on' },
  leftOn: { zh: '离队日期', en: 'Left on' },
  teamId: { zh: '工作队编号', en: 'Team' },
  memberId: { zh: '队员编号', en: 'Member' },
  period: { zh: '月份', en: 'Month' },
  daysInVillage: { zh: '在村天数', en: 'Days in the village' },
  logId: { zh: '日志编号', en: 'Log entry' },
  loggedOn: { zh: '日期', en: 'Date' },
  content: { zh: '内容', en: 'Content' },
  keyVillage: { zh: '重点帮扶村', en: 'Key village' },
  relocationSite: { zh: '易地搬迁安置点', en: 'Relocation site' },
  weakParty: { zh: '软弱涣散村', en: 'Weak party branch' },
  partnerName: { zh: '帮扶单位', en: 'Partner' },
  leaderName: { zh: '负责领导', en: 'Leader' },
  contributionId: { zh: '投入编号', en: 'Contribution' },
  contributedOn: { zh: '投入日期', en: 'Date' },
  fundsFen: { zh: '资金（分）', en: 'Funds (fen)' },
  projectName: { zh: '项目', en: 'Project' },
  jobs: { zh: '岗位数', en: 'Jobs' },
};

export function labelOr(labels: Record<string, BilingualLabel>, code: string, language: string): string {
  const pair = labels[code];
  if (!pair) return code;
  return language === 'en' ? pair.en : pair.zh;
}

/**
 * An action code as words. Dotted codes read as their parts when not listed whole:
 * `entry.complete` → 办结环节, `review.confirmed` → 审核确认, `approval.submit` → 提交.
 */
export function auditActionText(action: string, language: string): string {
  if (AUDIT_ACTION_LABELS[action]) return labelOr(AUDIT_ACTION_LABELS, action, language);
  const parts = action.split('.');
  if (parts.length < 2 || !parts.every((p) => AUDIT_ACTION_LABELS[p])) return action;
  const [prefix, ...rest] = parts;
  // The step itself says enough for a project entry and a review (办结环节, 审核确认).
  if ((prefix === 'entry' || prefix === 'review' || prefix === 'approval') && rest.length === 1)
    return labelOr(AUDIT_ACTION_LABELS, rest[0]!, language);
  return parts.map((p) => labelOr(AUDIT_ACTION_LABELS, p, language)).join(' · ');
}

/** What the entry is about: 项目 5, 农户 140521…-0007. */
export function auditObjectText(entity: string, entityId: string | null, language: string): string {
  const name = labelOr(AUDIT_ENTITY_LABELS, entity, language);
  if (!entityId) return name;
  // A parameter is recorded by its key; people know it by its name.
  const param = entity === 'policy_param' ? definitionOf(entityId) : undefined;
  if (param) return `${name} ${language === 'en' ? param.labelEn : param.labelZh}`;
  return `${name} ${entityId}`;
}
