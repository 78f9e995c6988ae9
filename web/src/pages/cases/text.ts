import { STAGE_LABELS, STAGES } from '#common/domain/cases/workflow.ts';
import { ELIMINATION_MODES, MONITORING_TYPES, RISK_TYPES } from '#common/domain/registry/codes.ts';
import { defineMessages, useMessages } from '#web/i18n/useI18n.ts';

// Words of the cases pages as [中文, English] pairs (the module keeps its own dictionary).

export const CASES_TEXT = defineMessages({
  listTitle: ['识别认定与风险消除', 'Identification and elimination cases'],
  listIntro: [
    '从线索发起识别认定，按“入户核实 → 信息比对 → 村级民主评议 → 村内公示 → 乡镇审核 → 县级审定 → 结果公告”逐步办理；风险消除按“入户核实 → 民主评议 → 公示 → 乡镇审核 → 县级审定 → 公告”办理。每一步只有对应层级的人员可以办理。',
    'Cases start from a clue and go through each stage; only the level that handles a stage can act on it.',
  ],
  startFromClue: ['从线索发起识别', 'Start from a clue'],
  startElimination: ['发起风险消除', 'Start elimination'],
  exportList: ['导出筛选结果', 'Export the filtered list'],
  kind: ['事项类型', 'Kind'],
  identification: ['识别认定', 'Identification'],
  elimination: ['风险消除', 'Elimination'],
  status: ['状态', 'Status'],
  active: ['办理中', 'In progress'],
  done: ['已办结', 'Done'],
  closed: ['已终止', 'Closed'],
  stage: ['当前环节', 'Stage'],
  due: ['时限', 'Time limit'],
  onTime: ['正常', 'On time'],
  nearDue: ['临期', 'Near due'],
  overdue: ['超期', 'Overdue'],
  any: ['全部', 'All'],
  householdNo: ['户编号', 'Household no.'],
  headName: ['户主', 'Head'],
  village: ['行政村', 'Village'],
  township: ['乡镇', 'Township'],
  risks: ['风险类型', 'Risks'],
  type: ['监测对象类型', 'Monitoring type'],
  startedOn: ['线索发现日期', 'Clue date'],
  elapsed: ['已用天数', 'Days elapsed'],
  elapsedDays: ['{n} 天', '{n} days'],
  remainingDays: ['剩 {n} 天', '{n} left'],
  overdueDays: ['超 {n} 天', '{n} over'],
  view: ['办理', 'Open'],
  empty: ['没有符合条件的事项', 'No cases match'],
  pickClue: ['选择一条待核实线索发起识别认定', 'Pick an open clue'],
  pickClueEmpty: ['没有可发起识别的线索', 'No open clues'],
  clueSummary: ['线索摘要', 'Summary'],
  clueAge: ['已持续', 'Open for'],
  start: ['发起', 'Start'],
  inCase: ['已在办理', 'In a case'],
  notRegistered: ['未建档', 'Not registered'],
  pickHousehold: ['选择在监测的农户', 'Choose a monitored household'],
  searchHousehold: ['输入户主姓名或户编号查询', 'Search by head name or household no.'],
  mode: ['消除方式', 'Mode'],
  naturalReason: ['自然消除原因', 'Reason'],
  naturalReasonHint: [
    '写明风险自然消失的情况，如患病成员已康复、子女已毕业就业等',
    'Why the risk disappeared by itself',
  ],
  started: ['已发起', 'Started'],
  // detail
  caseNo: ['事项编号', 'Case no.'],
  timeline: ['办理环节', 'Stages'],
  history: ['办理记录', 'History'],
  yourTurn: ['当前环节由您办理', 'Your stage'],
  notYourTurn: ['当前环节由{level}办理，您可以查看', 'This stage is handled at {level} level'],
  levelVillage: ['村级', 'village'],
  levelTownship: ['乡镇', 'township'],
  levelCounty: ['县级', 'county'],
  finished: ['事项已办结', 'Finished'],
  complete: ['办结本环节，进入下一环节', 'Complete this stage'],
  reject: ['退回入户核实', 'Return to verification'],
  close: ['终止（核实不符合）', 'Close'],
  reason: ['原因', 'Reason'],
  rejectReason: ['请填写退回原因', 'Reason for returning'],
  closeReason: ['请填写终止原因', 'Reason for closing'],
  attachments: ['附件（照片、扫描件）', 'Attachments'],
  noAttachments: ['无附件', 'No attachments'],
  criteria: ['风险消除条件核查', 'Elimination criteria'],
  criteriaHint: [
    '系统按政策逐项核查，不符合的条件须先解决才能通过入户核实和县级审定',
    'Each criterion is checked; failing ones block verification and the county decision',
  ],
  notRequired: ['不作要求', 'Not required'],
  pass: ['符合', 'Met'],
  fail: ['不符合', 'Not met'],
  noticePrint: ['打印公示', 'Print notice'],
  announcementPrint: ['打印公告', 'Print announcement'],
  noticePeriod: ['公示期', 'Notice period'],
  timeLimitTitle: ['识别时限', 'Time limit'],
  timeLimitText: [
    '自发现线索已 {elapsed} 天（时限 {limit} 天，{due} 到期）',
    '{elapsed} days since the clue (limit {limit}, due {due})',
  ],
  decided: ['县级审定于 {date}，计时停止', 'Decided on {date}'],
  household: ['农户', 'Household'],
  householdStatus: ['监测状态', 'Monitoring status'],
  wholeNoLabour: ['整户无劳动能力', 'Whole household without labour'],
  clue: ['来源线索', 'Clue'],
  comparisonEvidence: ['信息比对结果', 'Comparison evidence'],
  suggestion: ['系统建议', 'Suggestion'],
  exclusionFlags: ['核查提示（财政供养/经商办企业/车辆等）', 'Exclusion flags'],
  objections: ['异议记录', 'Objections'],
  repeatRisk: [
    '该户此前已消除同类风险，本次再次出现，请注意核查消除质量',
    'The same risk type returned after elimination',
  ],
  reopening: ['该户此前已风险消除，本次因新的风险重新识别', 'Previously eliminated; re-identification for a new risk'],
  // stage forms
  findings: ['入户核实情况', 'Findings'],
  consent: ['承诺授权', 'Undertaking'],
  consentOnClue: ['线索已附农户签署的承诺授权', 'The undertaking was signed with the clue'],
  consentSigner: ['签署人', 'Signer'],
  consentDate: ['签署日期', 'Signed on'],
  consentMethod: ['方式', 'Method'],
  signature: ['签字', 'Signature'],
  fingerprint: ['按手印', 'Fingerprint'],
  online: ['线上确认', 'Online'],
  riskTypes: ['核实到的风险（1–5 种）', 'Risks found (1–5)'],
  rigidSpending: ['大额刚性支出（医疗、教育）已稳定解决', 'Large rigid spending resolved'],
  monitoringType: ['监测对象类型', 'Monitoring type'],
  exclusionReason: ['继续办理的书面说明（有核查提示时必填）', 'Written reason (required with an exclusion flag)'],
  meetingOn: ['评议日期', 'Meeting date'],
  attendance: ['参会人数', 'Attendance'],
  agreed: ['评议通过', 'Agreed'],
  result: ['评议结果', 'Result'],
  startNotice: ['登记公示张贴', 'Record the posting'],
  noticeStartedOn: ['公示开始日期', 'Notice start'],
  noticeWait: [
    '公示期 {from} 至 {to}（不少于 {days} 天），到期后登记异议情况并办结',
    'Notice {from} – {to}; complete it when it has hung its days',
  ],
  objectionOn: ['收到日期', 'Received'],
  objectionContent: ['异议内容', 'Content'],
  objectionHandling: ['处理结果', 'Handling'],
  addObjection: ['登记一条异议', 'Add an objection'],
  opinion: ['审核/审定意见', 'Opinion'],
  announcedOn: ['公告日期', 'Announced on'],
  submit: ['提交', 'Submit'],
  saved: ['已提交', 'Saved'],
  // confirmations (issue #16 point 7)
  confirmComplete: ['确认办结「{stage}」并提交{next}？', 'Complete “{stage}” and pass the case to “{next}”?'],
  confirmFinish: ['确认办结「{stage}」？事项将办结', 'Complete “{stage}”? The case will be finished'],
  confirmStartNotice: [
    '确认登记公示张贴？公示期自所填开始日期起算',
    'Record the posting? The notice runs from its start date',
  ],
  confirmReject: ['确认退回入户核实？', 'Return the case to verification?'],
  confirmClose: ['确认终止该事项？', 'Close the case?'],
  stepOpinion: ['意见（选填）', 'Opinion (optional)'],
  toastNext: ['已提交{next}', 'Passed to “{next}”'],
  toastFinished: ['已办结「{stage}」，事项办结', '“{stage}” completed; the case is finished'],
  toastNotice: ['已登记公示张贴', 'Posting recorded'],
  toastReject: ['已退回入户核实', 'Returned to verification'],
  toastClose: ['已终止该事项', 'Case closed'],
  completeOpens: ['公示期满后 {date} 起可办结', 'Can be completed from {date}'],
  comparisonBasis: [
    '比对依据（预警规则、收入与监测线、部门数据）',
    'Comparison evidence (rules, income vs line, department data)',
  ],
  activeCase: ['已在办理：事项 #{id}', 'In progress: case #{id}'],
  // notice page
  noticeTitle: ['公示公告打印', 'Notice'],
  print: ['打印', 'Print'],
  downloadPdf: ['下载 PDF', 'Download PDF'],
  noticeHint: [
    '公示公告已隐去身份证号码、联系电话、银行账号和健康状况等敏感信息。',
    'IDs, phones, bank accounts and health facts are left out.',
  ],
  back: ['返回事项', 'Back to the case'],
  // due
  dueTitle: ['识别时限预警', 'Time limits'],
  dueIntro: [
    '自发现线索起 {limit} 个自然日内应完成县级审定（政策参数）。以下为超期和临期（3 天内到期）的事项，按村列出。',
    'Cases past or near the {limit}-day limit, by village.',
  ],
  dueEmpty: ['没有超期或临期的事项', 'Nothing overdue or near due'],
  // zeroing
  zeroingTitle: ['动态清零看板', 'Dynamic zeroing'],
  zeroingIntro: [
    '未办结线索和在监测户按乡镇、村统计；线索按已持续天数分段，事项按当前环节统计。',
    'Open clues and monitored households by township and village.',
  ],
  openClues: ['未办结线索', 'Open clues'],
  notTakenUp: ['未发起识别', 'Not taken up'],
  age0to7: ['7天内', '≤7 days'],
  age8to15: ['8–15天', '8–15 days'],
  ageOver15: ['超15天', '>15 days'],
  inProgress: ['办理中事项', 'Cases in progress'],
  monitoredAtRisk: ['在监测（风险未消除）', 'Monitored, at risk'],
  monitoredAge: ['监测时长（<6 / 6–11 / ≥12 个月）', 'Months monitored (<6 / 6–11 / ≥12)'],
  identifiedThisMonth: ['本月新识别', 'Identified this month'],
  eliminatedThisMonth: ['本月风险消除', 'Eliminated this month'],
  overdueCount: ['超期', 'Overdue'],
  area: ['地区', 'Area'],
  total: ['合计', 'Total'],
  // ledgers
  ledgersTitle: ['台账导出', 'Ledgers'],
  ledgersIntro: ['按本人管辖范围导出，导出操作记入审计日志。', 'Exports cover your area and are audited.'],
  monitoredLedger: ['监测对象台账', 'Monitored households'],
  eliminatedLedger: ['风险消除台账', 'Eliminated households'],
  download: ['导出 Excel', 'Export .xlsx'],
});

export type CasesTextKey = keyof typeof CASES_TEXT;

/** The cases pages' words in the UI language: `t('overdueDays', { n: 3 })`. */
export function useCasesText() {
  return useMessages(CASES_TEXT);
}

type Entry = { code: string; zh: string };
const byCode = (list: readonly Entry[]) => (code: string | null | undefined) =>
  code ? (list.find((e) => e.code === code)?.zh ?? code) : '—';
export const riskLabel = byCode(RISK_TYPES);
export const typeLabel = byCode(MONITORING_TYPES);
export const modeLabel = byCode(ELIMINATION_MODES);
export const RISK_OPTIONS = RISK_TYPES.map((r) => ({ value: r.code, label: r.zh }));
export const TYPE_OPTIONS = MONITORING_TYPES.map((r) => ({ value: r.code, label: r.zh }));

// One source for stage names and order: the workflow rules themselves.
export const STAGE_ZH: Record<string, string> = STAGE_LABELS;
export const IDENTIFICATION_STAGES: readonly string[] = STAGES.identification;
export const ELIMINATION_STAGES: readonly string[] = STAGES.elimination;
