import { makeText, type Pair } from './text.ts';

export const WARNINGS_TEXT = {
  title: ['预警清单', 'Warnings'],
  intro: [
    '月度监测发现的预警，一条预警对应一户触发的一条规则。点“查看依据”可看到比对数据、预警线和参数出处，以及监测类型建议。',
    'One row per household and rule fired. “Why” shows the figures, thresholds and their policy source.',
  ],
  rule: ['预警规则', 'Rule'],
  status: ['状态', 'Status'],
  statusNew: ['新预警', 'New'],
  statusHandled: ['已转线索', 'Handled'],
  headline: ['主要依据', 'Key figures'],
  actions: ['操作', 'Actions'],
  explain: ['查看依据', 'Why'],
  empty: ['该月没有符合条件的预警', 'No warnings for this month'],
  // Explain drawer
  explainTitle: ['{period} 预警依据 · {no}', 'Why ({period}) · {no}'],
  window: ['比对数据期间', 'Data period'],
  facts: ['农户情况', 'Household'],
  kind: ['农户类型', 'Kind'],
  monitoringStatus: ['监测状态', 'Monitoring status'],
  monitoringType: ['监测对象类型', 'Monitoring type'],
  incomeYear: ['收入年度', 'Income year'],
  perCapita: ['人均纯收入', 'Per-capita income'],
  suggestion: ['监测类型建议', 'Suggested monitoring type'],
  suggestionNone: ['暂不建议纳入监测', 'No monitoring suggested'],
  suggestionNote: [
    '仅供参考，是否纳入监测须经入户核实、民主评议和公示后认定',
    'A suggestion only; identification follows verification, review and notice',
  ],
  writtenReason: ['需书面说明', 'Written reason needed'],
  writtenReasonHint: [
    '有财政供养、企业或车辆等核查提示：不作否决，继续办理须填写书面说明',
    'A check flag: not a rejection, but a written reason is needed',
  ],
  firedRules: ['触发的规则（{n}）', 'Rules fired ({n})'],
  notFired: ['未触发的规则（{n}）', 'Rules not fired ({n})'],
  noneFired: ['本月没有触发任何规则', 'No rule fired this month'],
  stateNew: ['本月新增', 'New this month'],
  statePersisting: ['上月已有', 'Also last month'],
  stateResolved: ['本月已消除', 'Resolved'],
  onlyNotMonitored: ['仅对未纳入监测的农户', 'Only for households not monitored'],
  statusNone: ['未纳入监测', 'Not monitored'],
  statusMonitored: ['监测对象', 'Monitored'],
  statusEliminated: ['已消除风险', 'Risk eliminated'],
} as const satisfies Record<string, Pair>;

export const useWarningsText = makeText(WARNINGS_TEXT);
