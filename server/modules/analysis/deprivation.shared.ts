import { AF_DIMENSIONS, type AfDimension } from '#common/contracts/analysis.ts';
import { countyCodeOf, scopePrefixOf } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { ruleContext, type RuleContext } from '../monitoring/index.ts';
import { numberParam as numberParamOf } from '../params/index.ts';
import { deprivationRows, type DeprivationRow } from './deprivation.repository.ts';

// What the deprivation view's use cases share (deprivation.summary.ts, .unmonitored.ts, .clues.ts): the deps, the
// AF settings from the parameters, a household's deprivation vector and score, the reader's scope, the rows of a month.

export interface DeprivationDeps {
  db: Db;
  /** The month before the county's current one (the default period). */
  lastMonth: () => string;
}

/** Which national cause a clue from a deprivation names. */
export const RISK_OF: Record<AfDimension, string> = {
  income: 'other',
  foodClothing: 'other',
  education: 'schoolDropout',
  medical: 'noMedicalInsurance',
  housing: 'unsafeHousing',
  water: 'unsafeWater',
};
export const DIMENSION_NAMES: Record<AfDimension, string> = {
  income: '收入低于监测线',
  foodClothing: '吃穿',
  education: '义务教育',
  medical: '基本医疗',
  housing: '住房安全',
  water: '饮水安全',
};

export interface Settings {
  weights: number[];
  k: number;
  foodRatio: number;
  sources: Record<string, string>;
}

export function settingsOf(ctx: RuleContext): Settings {
  const num = (key: string) => numberParamOf(ctx.params, key);
  const weights = AF_DIMENSIONS.map((d) => num(`analysis.af.weight.${d}`));
  const sources: Record<string, string> = {};
  for (const key of [
    ...AF_DIMENSIONS.map((d) => `analysis.af.weight.${d}`),
    'analysis.af.cutoff',
    'analysis.af.foodLineRatio',
  ])
    sources[key] = ctx.params[key]?.source ?? '';
  return { weights, k: num('analysis.af.cutoff'), foodRatio: num('analysis.af.foodLineRatio'), sources };
}

export const vector = (r: DeprivationRow) => [r.d_income, r.d_food, r.d_education, r.d_medical, r.d_housing, r.d_water];

export function score(v: boolean[], w: number[]) {
  return v.reduce((acc, d, j) => acc + (d ? w[j] : 0), 0);
}

/** The reader's county and the prefix read: the asked unit (in scope), else the reader's scope or county. */
export function scopeOf(ctx: RequestContext, orgCode?: string) {
  requirePermission(ctx, 'analysis:read');
  if (orgCode) requireInScope(ctx, orgCode);
  const countyCode = countyCodeOf(ctx.actor.orgCode);
  const prefix = orgCode ? scopePrefixOf(orgCode) : ctx.actor.scopePrefix || countyCode.slice(0, 6);
  return { countyCode, prefix };
}

/** The households of `prefix` with their deprivations in `period`, and the settings in force then. */
export async function rowsFor({ db }: DeprivationDeps, countyCode: string, prefix: string, period: string) {
  const ctx = await ruleContext(db, countyCode, period);
  const s = settingsOf(ctx);
  const rows = await deprivationRows(db, ctx, s.foodRatio, prefix);
  return { ctx, s, rows };
}
