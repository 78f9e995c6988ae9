import type { CodeEntry } from '../registry/codes.ts';

// 积分制 and 移风易俗 (沁发〔2021〕17号 二(三)6 二是 “综合运用积分制、道德评议会、红白理事会、村规民约等方式开展移风易俗”;
// glossary: points / pointsShop). policy-rules.md §8: “以表现换积分、以积分换物品”; items with positive or negative points
// (environment, 孝老, volunteering, 移风易俗, violations); **no national point schedule exists** — each village sets its
// own items and points by 四议两公开. The categories below are a local list for grouping a village's items.

export const POINTS_CATEGORIES = [
  { code: 'environment', zh: '人居环境' },
  { code: 'filialPiety', zh: '孝老爱亲' },
  { code: 'volunteer', zh: '志愿服务' },
  { code: 'customs', zh: '移风易俗' },
  { code: 'neighbourly', zh: '邻里互助' },
  { code: 'diligence', zh: '勤劳致富' },
  { code: 'violation', zh: '违规扣分' },
  { code: 'other', zh: '其他' },
] as const satisfies readonly CodeEntry[];
export type PointsCategory = (typeof POINTS_CATEGORIES)[number]['code'];
export const POINTS_CATEGORY_CODES = POINTS_CATEGORIES.map((c) => c.code) as [PointsCategory, ...PointsCategory[]];

export function zhOf(list: readonly CodeEntry[], code: string | null | undefined): string {
  return list.find((e) => e.code === code)?.zh ?? code ?? '';
}
