import type { indicatorTargets } from '#server/db/schema/indicators.ts';
import { AppError } from '#server/lib/app-error.ts';
import { ORG_GROUPS, type TargetScope } from '#common/domain/indicators/model.ts';
import { OPERATOR_LABELS } from '#common/domain/indicators/targets.ts';
import { ORG_LEVEL_LABELS, type OrgLevel } from '#common/domain/roles.ts';
import type { StoredTarget } from './indicators.engine.ts';

// Small shared pieces of the indicators module: a field error, a stored target as the rules see it,
// and how a target and its scope read in Chinese.

export function scopeLabel(kind: string, code: string, names: (code: string) => string | undefined): string {
  if (kind === 'level') return `全部${ORG_LEVEL_LABELS[code as OrgLevel]?.zh ?? code}`;
  if (kind === 'group') return ORG_GROUPS.find((g) => g.code === code)?.zh ?? code;
  return names(code) ?? code;
}

export const fieldError = (field: string, zh: string, en: string) =>
  AppError.validation([{ field, messageZh: zh, messageEn: en }]);

export function toTarget(r: typeof indicatorTargets.$inferSelect): StoredTarget {
  const scope: TargetScope =
    r.scopeKind === 'unit'
      ? { kind: 'unit', code: r.scopeCode }
      : r.scopeKind === 'level'
        ? { kind: 'level', level: r.scopeCode as OrgLevel }
        : { kind: 'group', group: r.scopeCode };
  return {
    id: r.id,
    indicator: r.indicator,
    scope,
    fromYear: r.fromYear,
    toYear: r.toYear,
    op: r.op,
    value: r.value,
    upper: r.upper,
    band: r.band,
    baselineYear: r.baselineYear,
    reference: r.reference,
    path: r.path,
    pathFromYear: r.pathFromYear,
    pathFromValue: r.pathFromValue,
    sourceDoc: r.sourceDoc,
    sourceText: r.sourceText,
    note: r.note,
  };
}

/** How a target reads in Chinese; with the year's threshold of an end-state path ("2023年路径值 61"). */
export function targetText(t: StoredTarget, unitZh: string, year?: number, threshold?: number | null): string {
  const v = t.reference
    ? '参照值'
    : t.baselineYear
      ? `${t.baselineYear}年基数+${t.value}`
      : `${t.value}${t.op === 'between' ? `–${t.upper}` : ''}`;
  const base = `${OPERATOR_LABELS[t.op]} ${v}${t.reference || t.baselineYear ? '' : unitZh}（${t.toYear}年）`;
  const round = (x: number) => Math.round(x * 100) / 100;
  if (t.reference && threshold != null) return `${OPERATOR_LABELS[t.op]} ${round(threshold)}${unitZh}（参照值）`;
  if (t.path !== 'linear' || year === undefined || year >= t.toYear) return base;
  return `${base}；${year}年路径值 ${threshold == null ? '无基期数据' : `${round(threshold)}${unitZh}`}`;
}
