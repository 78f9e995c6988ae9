import { fill, pickIn, useMessages, type BilingualLabel, type Pair, type MessageTable } from '#web/i18n/useI18n.ts';

// Page-local words of the monitoring module: message tables ([中文, English] pairs) read through the i18n hook,
// so the module does not touch the shared message files. Each page area keeps its own table (see *Text.ts).

export type { Pair };
export { fill };

/** A hook that translates keys of one table in the current UI language (`useMessages` bound to the table). */
export function makeText<D extends MessageTable>(dictionary: D) {
  return function useText() {
    return useMessages(dictionary);
  };
}

export function pairLabel(pair: BilingualLabel | undefined, language: string, fallback: string): string {
  if (!pair) return fallback;
  return pickIn(language, pair.zh, pair.en);
}

/** Words shared by several monitoring pages. */
export const COMMON_TEXT = {
  any: ['全部', 'All'],
  search: ['查询', 'Search'],
  reset: ['重置', 'Reset'],
  loadMore: ['加载更多', 'Load more'],
  noMore: ['已全部加载', 'All loaded'],
  required: ['此项必填', 'Required'],
  household: ['农户', 'Household'],
  householdNo: ['户编号', 'Household no.'],
  headName: ['户主', 'Head'],
  village: ['村', 'Village'],
  area: ['乡镇/村', 'Township / village'],
  riskType: ['风险类型', 'Risk type'],
  riskTypes: ['风险类型', 'Risk types'],
  chooseRisk: ['请至少选择一种风险类型', 'Choose at least one risk type'],
  householdSearch: ['搜户主姓名或户编号', 'Head name or household no.'],
  householdSearchHint: ['也可输入身份证号；至少输入 2 个字', 'An ID number works too; type 2+ characters'],
  householdNotFound: ['没有找到，请换个关键字（至少 2 个字）', 'Nothing found; try another word (2+ characters)'],
  date: ['日期', 'Date'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  none: ['无', 'None'],
  apiPending: ['该功能的服务接口尚未开通，暂无数据', 'This feature’s server side is not deployed yet; no data'],
  close: ['关闭', 'Close'],
  cancel: ['取消', 'Cancel'],
  submit: ['提交', 'Submit'],
  saved: ['已保存', 'Saved'],
  yuan: ['元', 'yuan'],
  days: ['天', 'days'],
  period: ['月份', 'Month'],
  fieldTitle: ['防返贫监测 · 走访排查', 'Field visits'],
  logout: ['退出', 'Log out'],
} as const satisfies Record<string, Pair>;

export const useCommonText = makeText(COMMON_TEXT);
