import { formatFen, tryParseYuanToFen } from '#common/domain/money.ts';
import { useMessages, type MessageTable, type Pair } from '#web/i18n/useI18n.ts';

// Page-local words of the projects, funds, assets and 四议两公开 pages as [中文, English] pairs
// (the shared message files only carry the menu entries): message tables read through the i18n hook.

export type { Pair };

export function makeText<D extends MessageTable>(dictionary: D) {
  return function useText() {
    return useMessages(dictionary);
  };
}

/** 1234567 fen → "12,345.67". */
export const yuan = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : formatFen(fen);

/** A yuan amount from an InputNumber → whole fen (0 for empty). */
export function toFen(value: number | string | null | undefined): number {
  if (value === null || value === undefined || value === '') return 0;
  const r = tryParseYuanToFen(value);
  return r.ok ? r.fen : 0;
}

export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(2)}%`);

export const useProjectsText = makeText({
  libraryTitle: ['项目库', 'Project library'],
  libraryIntro: [
    '衔接资金项目按"村级申报、乡镇审核、行业部门论证、县级审定"入库，其间经村级、乡镇、县级三次公示和入库公告。无联农带农机制或绩效目标的项目不得入库。',
    'Projects enter the library through village declaration, township review, department appraisal and county approval, with three notices and an announcement.',
  ],
  newProject: ['申报项目', 'Declare a project'],
  export: ['导出 Excel', 'Export'],
  mine: ['只看待我办理', 'Only waiting for me'],
  year: ['年度', 'Year'],
  type: ['项目类型', 'Type'],
  subType: ['子类型', 'Sub-type'],
  status: ['项目状态', 'Status'],
  stage: ['入库环节', 'Entry step'],
  name: ['项目名称', 'Name'],
  place: ['实施地点', 'Location'],
  budget: ['预算（元）', 'Budget (yuan)'],
  assigned: ['已安排（元）', 'Assigned'],
  disbursed: ['已支付（元）', 'Paid'],
  actions: ['操作', 'Actions'],
  view: ['查看', 'Open'],
  empty: ['暂无项目', 'No projects'],
  any: ['全部', 'All'],
  search: ['名称搜索', 'Search by name'],
  waiting: ['待办', 'To do'],
  noticeUntil: ['公示至', 'Notice until'],
  central: ['中央资金（元）', 'Central (yuan)'],
  provincial: ['省级资金（元）', 'Provincial (yuan)'],
  city: ['市级资金（元）', 'City (yuan)'],
  county: ['县级资金（元）', 'County (yuan)'],
  households: ['受益户数', 'Beneficiary households'],
  alleviated: ['其中脱贫户/监测户', 'Of which alleviated/monitored'],
  villages: ['受益村', 'Beneficiary villages'],
  linkage: ['联农带农机制', 'Farmer-linkage mechanism'],
  linkageHint: [
    '如：优先吸纳脱贫户务工、收益分红、订单收购等',
    'e.g. jobs for alleviated households, dividends, purchase orders',
  ],
  targets: ['绩效目标', 'Performance targets'],
  indicator: ['指标', 'Indicator'],
  targetValue: ['目标值', 'Target'],
  addTarget: ['添加绩效指标', 'Add a target'],
  workForRelief: ['以工代赈项目', 'Work-for-relief project'],
  labour: ['计划劳务报酬（元）', 'Planned labour remuneration (yuan)'],
  deliberation: ['四议两公开记录', '四议两公开 record'],
  deliberationHint: [
    '村级申报须附已决议并公开的四议两公开记录',
    'A village declaration needs a resolved and published record',
  ],
  required: ['必填', 'Required'],
  created: ['已申报', 'Declared'],
  complete: ['办结本环节', 'Complete this step'],
  endNotice: ['公示期满，结束公示', 'End the notice'],
  submit: ['提交申报', 'Submit'],
  reject: ['退回', 'Return'],
  withdraw: ['撤销', 'Withdraw'],
  reason: ['原因', 'Reason'],
  reasonRequired: ['请填写原因', 'Give the reason'],
  // confirmations (issue #16 point 7)
  confirmEntry: ['确认{action}？', '{action}?'],
  confirmEntryNext: ['办结「{stage}」后进入「{next}」', 'After “{stage}” the project goes to “{next}”'],
  confirmStatus: ['确认将项目置为「{action}」？', 'Set the project to “{action}”?'],
  opinion: ['意见', 'Opinion'],
  opinionOf: ['{stage}意见', 'Opinion ({stage})'],
  opinionOptional: ['意见（选填）', 'Opinion (optional)'],
  toastNext: ['已提交{next}', 'Passed to “{next}”'],
  toastAdmitted: ['已公告入库', 'Announced and admitted'],
  toastWithdrawn: ['已撤销申报', 'Declaration withdrawn'],
  toastRejected: ['已退回村级申报', 'Returned to the declaration'],
  toastImplementing: ['已开工实施', 'Implementation started'],
  toastAccepted: ['已验收', 'Accepted'],
  toastCompleted: ['已完成，资产已生成', 'Completed; assets formed'],
  printNotice: ['打印公示', 'Print notice'],
  pdfNotice: ['公示 PDF', 'Notice PDF'],
  history: ['流转记录', 'History'],
  lifecycle: ['项目进度', 'Progress'],
  toImplementing: ['开工实施', 'Start'],
  toAccepted: ['验收', 'Accept'],
  toCompleted: ['完成（生成资产）', 'Complete (forms assets)'],
  cancel: ['终止', 'Cancel'],
  adjust: ['项目调整', 'Adjust'],
  adjustReason: ['调整原因', 'Reason for adjustment'],
  assets: ['形成资产', 'Assets formed'],
  detail: ['项目详情', 'Project'],
  notYourStep: ['当前环节由其他层级办理', 'Another level handles this step'],
  done: ['已完成', 'Done'],
  entryDone: ['已入库', 'Admitted'],
  save: ['保存', 'Save'],
  fundsTitle: ['衔接资金', 'Linkage funds'],
  fundsIntro: [
    '资金指标按来源和年度登记，安排到已入库项目，支付时登记日期和凭证号。余额不能为负。',
    'Allocations by source and year, assigned to admitted projects, paid with date and voucher. Balances never go negative.',
  ],
  allocations: ['资金指标', 'Allocations'],
  newAllocation: ['登记资金指标', 'Add allocation'],
  source: ['资金来源', 'Source'],
  docNo: ['文号', 'Document no.'],
  receivedOn: ['下达日期', 'Received on'],
  amount: ['金额（元）', 'Amount (yuan)'],
  balance: ['余额（元）', 'Balance'],
  assignments: ['资金安排', 'Assignments'],
  assign: ['安排到项目', 'Assign to project'],
  project: ['项目', 'Project'],
  disbursements: ['资金支付', 'Payments'],
  disburse: ['登记支付', 'Record payment'],
  paidOn: ['支付日期', 'Paid on'],
  voucher: ['凭证号', 'Voucher'],
  payee: ['收款方', 'Payee'],
  labourPay: ['以工代赈劳务报酬', 'Labour remuneration'],
  checksTitle: ['资金使用规则校验', 'Fund rule checks'],
  checksIntro: [
    '按政策参数实时校验：产业发展资金占比、以工代赈劳务报酬占比、项目管理费上限。',
    'Live checks against the policy parameters.',
  ],
  met: ['达标', 'Met'],
  atRisk: ['临界', 'At risk'],
  notMet: ['未达标', 'Not met'],
  noData: ['暂无数据', 'No data'],
  actual: ['实际', 'Actual'],
  required2: ['要求', 'Required'],
  atLeast: ['不低于', 'at least'],
  atMost: ['不高于', 'at most'],
  allocated: ['下达资金', 'Allocated'],
  deliberationsTitle: ['四议两公开', '四议两公开'],
  deliberationsIntro: [
    '村党组织提议 → 村"两委"会议商议 → 党员大会审议（到会不少于三分之二、应到党员过半数同意）→ 村民会议（十八周岁以上村民过半数或三分之二以上户代表到会）或村民代表会议（三分之二以上组成人员到会）决议（过半数通过）→ 决议公开 → 实施结果公开。系统逐步校验。',
    'Proposal → two committees → party members (≥2/3 attend, majority of members) → villagers’ meeting (more than half of adults or ≥2/3 of households attend) or representatives’ meeting (≥2/3 attend), majority → resolution published → result published.',
  ],
  newDeliberation: ['新建议事记录', 'New record'],
  subject: ['议题', 'Subject'],
  purpose: ['用途', 'Purpose'],
  village: ['村', 'Village'],
  oneShoulder: ['书记、主任"一肩挑"（提议与商议可合并）', 'Secretary and director are one person'],
  recordStep: ['登记下一环节', 'Record next step'],
  step: ['环节', 'Step'],
  heldOn: ['日期', 'Date'],
  content: ['内容', 'Content'],
  expected: ['应到', 'Expected'],
  present: ['实到', 'Present'],
  votesFor: ['赞成', 'For'],
  votesAgainst: ['反对', 'Against'],
  meetingKind: ['会议形式', 'Meeting'],
  origin: ['动议事由', 'Origin'],
  townshipAttendee: ['乡镇列席人员', 'Township attendee'],
  passed: ['通过', 'Passed'],
  failed: ['未通过', 'Failed'],
  attendance: ['到会', 'Attendance'],
  majority: ['表决', 'Vote'],
  nextStep: ['下一环节', 'Next step'],
  deliberationStatus: ['办理状态', 'Status'],
  finished: ['已结束', 'Finished'],
  open: ['打开', 'Open'],
});
