import { useCallback } from 'react';
import { MEASURE_CATEGORIES, MEASURE_STATUSES } from '../../../../common/domain/assistance/categories.ts';
import { OBLIGATION_LABELS, type ObligationCode } from '../../../../common/domain/assistance/obligations.ts';
import { RISK_TYPES } from '../../../../common/domain/registry/codes.ts';
import { useI18n } from '../../i18n/useI18n.ts';

// The assistance module's words as [中文, English] pairs (the shared message files hold only the menu).

type Pair = readonly [zh: string, en: string];

const TEXT = {
  workspace: ['我的帮扶户', 'My paired households'],
  workspaceIntro: [
    '走访间隔 {n} 天；到期未走访的户排在前面。点“去走访”在手机上登记走访。',
    'Visit every {n} days; households due come first. "Visit" opens the phone form.',
  ],
  noPairs: [
    '您还没有结对帮扶户。结对由乡镇或县级业务员在农户帮扶页指派。',
    'No paired households yet. Township or county staff assign them on the household page.',
  ],
  household: ['农户', 'Household'],
  head: ['户主', 'Head'],
  village: ['行政村', 'Village'],
  status: ['状态', 'Status'],
  risks: ['风险', 'Risks'],
  openClues: ['未结线索', 'Open clues'],
  lastVisit: ['上次走访', 'Last visit'],
  visitDue: ['应走访', 'Visit due'],
  due: ['到期', 'Due'],
  notDue: ['未到期', 'Not due'],
  never: ['从未走访', 'Never'],
  obligations: ['帮扶预警', 'Obligations'],
  none: ['无', 'None'],
  goVisit: ['去走访', 'Visit'],
  open: ['查看', 'Open'],
  recentVisits: ['我最近的走访', 'My recent visits'],
  riskFound: ['发现风险', 'Risk found'],
  noRisk: ['未发现风险', 'No risk'],
  pairing: ['结对帮扶', 'Pairing'],
  cadre: ['帮扶干部', 'Cadre'],
  unit: ['工作单位', 'Unit'],
  phone: ['联系电话', 'Phone'],
  startOn: ['开始日期', 'Start'],
  endOn: ['结束日期', 'End'],
  endReason: ['结束原因', 'Reason ended'],
  assign: ['指派帮扶干部', 'Assign a cadre'],
  reassign: ['更换帮扶干部', 'Reassign'],
  reason: ['更换原因', 'Reason'],
  noPairing: ['尚未结对', 'Not paired'],
  history: ['结对历史', 'History'],
  pairings: ['结对帮扶名单', 'Pairings'],
  pairingsIntro: [
    '在岗结对关系；指派或更换帮扶干部请在农户帮扶页操作，历史记录保留在农户帮扶页。',
    'Active pairings; assign or reassign on the household page, where history is kept.',
  ],
  pairingsSearch: ['干部、户主、户编号或村名', 'Cadre, head, household no. or village'],
  pairedTab: ['已结对', 'Paired'],
  unpairedTab: ['未结对的监测户', 'Monitored, not paired'],
  unpairedIntro: [
    '纳入监测但还没有在岗帮扶干部的户；点户主进入农户帮扶页指派帮扶干部。',
    'Monitored households without an active cadre; open one to assign a cadre.',
  ],
  unpairedTotal: ['共 {n} 户', '{n} households'],
  unpairedNone: ['监测户都已结对', 'Every monitored household is paired'],
  householdNo: ['户编号', 'Household no.'],
  measures: ['帮扶措施', 'Measures'],
  addMeasure: ['登记帮扶措施', 'Record a measure'],
  editMeasure: ['修改帮扶措施', 'Edit the measure'],
  riskType: ['针对风险', 'Risk addressed'],
  category: ['措施类别', 'Category'],
  subType: ['措施子项', 'Sub-type'],
  department: ['责任部门', 'Department'],
  amount: ['金额（元）', 'Amount (yuan)'],
  measureStatus: ['实施状态', 'Status'],
  evidence: ['佐证材料', 'Evidence'],
  files: ['照片/扫描件', 'Photos and scans'],
  evidenceHint: [
    '材料名称，如：贷款合同、岗位协议、救助审批表（每行一项）',
    'Evidence, one per line: contract, agreement, approval…',
  ],
  note: ['备注', 'Note'],
  noMeasures: ['还没有帮扶措施', 'No measures yet'],
  recommendations: ['分类帮扶建议（精准施策）', 'Classified recommendations'],
  recommendIntro: [
    '根据本户风险和劳动能力给出的建议，仅供参考：须由工作人员选择并登记后才生效。',
    'Suggestions from the risks and labour ability; nothing is applied until someone records it.',
  ],
  useSuggestion: ['按此建议登记', 'Record this'],
  inPlace: ['已落实', 'In place'],
  noObligations: ['当前无帮扶责任预警', 'No obligations overdue'],
  dueOn: ['应落实日期', 'Due on'],
  overdueDays: ['逾期天数', 'Days overdue'],
  visits: ['走访记录', 'Visits'],
  noVisits: ['暂无走访记录', 'No visits yet'],
  labour: ['劳动力', 'Labour'],
  labourCount: ['{n} 名劳动力', '{n} labour-capable'],
  noLabour: ['整户无劳动能力', 'No labour ability'],
  identified: ['识别监测时间', 'Identified'],
  eliminated: ['风险消除时间', 'Eliminated'],
  board: ['帮扶责任预警', 'Assistance obligations'],
  boardIntro: [
    '每天自动检查（以下为截至所选日期的实时结果）：识别后1个月未落实措施、有劳动力6个月未落实开发式措施、风险1个月无措施、风险消除后措施仍在继续。',
    'Checked daily (live as of the chosen day).',
  ],
  asOf: ['截至日期', 'As of'],
  township: ['乡镇', 'Township'],
  total: ['涉及户数', 'Households'],
  export: ['导出 Excel', 'Export .xlsx'],
  allCodes: ['全部预警', 'All'],
  truncated: ['仅显示前 {n} 条，请导出查看全部', 'Showing the first {n}; export for all'],
  measureList: ['帮扶措施台账', 'Measure ledger'],
  funds: ['应急救助基金', 'Relief funds'],
  fundsIntro: [
    '基金余额不会出现负数：发放时余额不足将被拒绝。',
    'The balance never goes negative: a payment beyond it is refused.',
  ],
  balance: ['余额（元）', 'Balance (yuan)'],
  newFund: ['设立基金', 'New fund'],
  fundName: ['基金名称', 'Fund name'],
  fundOrg: ['设立单位代码', 'Unit code'],
  fundKind: ['类型', 'Kind'],
  emergencyFund: ['应急救助基金（县）', 'Emergency fund (county)'],
  reserveFund: ['临时救助备用金（乡镇）', 'Temporary-relief reserve (township)'],
  income: ['基金入账', 'Income'],
  source: ['资金来源', 'Source'],
  sourceOrPayee: ['来源/收款户编号', 'Source / payee household'],
  date: ['日期', 'Date'],
  ledger: ['收支台账', 'Ledger'],
  incomeKind: ['收入', 'Income'],
  payKind: ['支出', 'Payment'],
  balanceAfter: ['余额', 'Balance'],
  applications: ['救助申请', 'Applications'],
  apply: ['登记救助申请', 'New application'],
  reliefKind: ['救助类别', 'Kind'],
  emergency: ['应急救助', 'Emergency'],
  temporary: ['临时救助', 'Temporary'],
  eventType: ['突发事由', 'Event'],
  reliefReason: ['困难情况', 'Difficulty'],
  requested: ['申请金额（元）', 'Requested (yuan)'],
  approved: ['批准金额（元）', 'Approved (yuan)'],
  approve: ['批准', 'Approve'],
  reject: ['不予批准', 'Reject'],
  disburse: ['发放', 'Pay'],
  rejectReason: ['不予批准的理由', 'Reason'],
  appliedOn: ['申请日期', 'Applied on'],
  pickHousehold: ['输入户主姓名或户编号查找', 'Search by head name or household no.'],
  openHousehold: ['打开农户帮扶页：输入户主姓名或户编号', 'Open a household: head name or household no.'],
  noFunds: ['还没有救助基金', 'No funds yet'],
  choose: ['请选择', 'Choose'],
  required: ['必填', 'Required'],
  save: ['保存', 'Save'],
  cancel: ['取消', 'Cancel'],
  saved: ['已保存', 'Saved'],
  backToRegistry: ['农户台账页', 'Registry page'],
  subtypes: ['措施子项代码表', 'Sub-type code lists'],
  subtypesIntro: [
    '国家系统各类措施的完整选项未找到，以下为默认值，县级管理员可增改；标注“可延续”的子项在风险消除后可持续到合同/协议/学段结束。',
    'The full national option lists were not found: defaults, editable by the county administrator.',
  ],
  continues: ['消除后可延续至', 'May continue to'],
  contractEnd: ['合同到期', 'contract end'],
  agreementEnd: ['协议到期', 'agreement end'],
  stageEnd: ['学段结束', 'end of the school stage'],
  active: ['启用', 'Active'],
  code: ['代码', 'Code'],
  name: ['名称', 'Name'],
  addSubtype: ['新增子项', 'Add'],
} as const satisfies Record<string, Pair>;

export function useText() {
  const { language } = useI18n();
  return useCallback(
    (key: keyof typeof TEXT, values?: Record<string, string | number>) => {
      const s: string = TEXT[key][language === 'en' ? 1 : 0];
      return values ? s.replace(/\{(\w+)\}/g, (w, n: string) => (n in values ? String(values[n]) : w)) : s;
    },
    [language],
  );
}

export const categoryZh = (c: string) => MEASURE_CATEGORIES.find((x) => x.code === c)?.zh ?? c;
export const statusZh = (s: string) => MEASURE_STATUSES.find((x) => x.code === s)?.zh ?? s;
export const riskZh = (r: string | null) => (r ? (RISK_TYPES.find((x) => x.code === r)?.zh ?? r) : '');
export const obligationZh = (c: string) => OBLIGATION_LABELS[c as ObligationCode]?.zh ?? c;
export const yuan = (fen: number) =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const MONITORING_STATUS_ZH: Record<string, string> = {
  none: '非监测对象',
  monitored: '监测中',
  eliminated: '风险已消除',
};
export const STATUS_COLORS: Record<string, string> = {
  planned: 'default',
  ongoing: 'processing',
  completed: 'success',
  stopped: 'warning',
};
export { MEASURE_CATEGORIES, MEASURE_STATUSES, RISK_TYPES };
