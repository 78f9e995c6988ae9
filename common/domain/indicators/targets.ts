// Targets: attainment (met / at risk / not met) and inheritance (a county-wide target applies to every
// township and village unless a nearer scope overrides it).

import type { OrgLevel } from '../roles.ts';
import type { TargetDef, TargetStatus } from './model.ts';

const EPS = 1e-9;

/**
 * Attainment of a value against a target. `threshold` is the absolute number to compare with (the target value,
 * the baseline plus the required change, or the reference value), `upper` for between.
 */
export function targetStatus(
  value: number | null,
  t: { op: TargetDef['op']; band: number },
  threshold: number | null,
  upper: number | null = null,
): TargetStatus {
  if (value === null || threshold === null || !Number.isFinite(value)) return 'noData';
  const band = Math.max(0, t.band);
  switch (t.op) {
    case '>=':
      return value + EPS >= threshold ? 'met' : value + EPS >= threshold - band ? 'atRisk' : 'notMet';
    case '>':
      return value > threshold + EPS ? 'met' : value + EPS >= threshold - band ? 'atRisk' : 'notMet';
    case '<=':
      return value <= threshold + EPS ? 'met' : value <= threshold + band + EPS ? 'atRisk' : 'notMet';
    case '=': {
      const d = Math.abs(value - threshold);
      return d < EPS ? 'met' : d <= band + EPS ? 'atRisk' : 'notMet';
    }
    case 'between': {
      const hi = upper ?? threshold;
      if (value + EPS >= threshold && value <= hi + EPS) return 'met';
      return value + EPS >= threshold - band && value <= hi + band + EPS ? 'atRisk' : 'notMet';
    }
  }
}

export interface UnitFacts {
  code: string;
  level: OrgLevel;
  /** Codes of the ancestors, nearest first (township, county). */
  ancestors: string[];
  groups: string[];
}

/**
 * The target in force for a unit and year. Nearest scope wins: the unit itself, then a group it belongs to,
 * then its level, then the nearest ancestor's own target (children inherit). A target applies from its first year;
 * after its last year (the deadline, "到2025年") it stays in force until a newer one replaces it — like a yearly
 * policy parameter. Among equal scopes a target within its years beats an expired one, then the latest fromYear wins
 * (among expired ones the latest toYear).
 */
export function effectiveTarget<T extends Pick<TargetDef, 'scope' | 'fromYear' | 'toYear'>>(
  targets: readonly T[],
  unit: UnitFacts,
  year: number,
): T | null {
  let best: T | null = null;
  let bestRank = Infinity;
  for (const t of targets) {
    if (year < t.fromYear) continue;
    let rank: number;
    const s = t.scope;
    if (s.kind === 'unit' && s.code === unit.code) rank = 0;
    else if (s.kind === 'group' && unit.groups.includes(s.group)) rank = 1;
    else if (s.kind === 'level' && s.level === unit.level) rank = 2;
    else if (s.kind === 'unit' && unit.ancestors.includes(s.code)) rank = 3 + unit.ancestors.indexOf(s.code);
    else continue;
    const expired = year > t.toYear;
    rank = rank * 2 + (expired ? 1 : 0);
    // Equal ranks: among running targets the latest start (a value set for one year) wins; among ended ones the
    // latest end, so a one-year value does not outlive the end state that ran past it.
    const newer =
      best &&
      (expired
        ? t.toYear > best.toYear || (t.toYear === best.toYear && t.fromYear > best.fromYear)
        : t.fromYear > best.fromYear);
    if (rank < bestRank || (rank === bestRank && newer)) {
      best = t;
      bestRank = rank;
    }
  }
  return best;
}

export const STATUS_LABELS: Record<TargetStatus, { zh: string; en: string; color: string }> = {
  met: { zh: '达标', en: 'Met', color: '#52c41a' },
  atRisk: { zh: '预警', en: 'At risk', color: '#faad14' },
  notMet: { zh: '未达标', en: 'Not met', color: '#f5222d' },
  noData: { zh: '无数据', en: 'No data', color: '#bfbfbf' },
  noTarget: { zh: '未设目标', en: 'No target', color: '#8c8c8c' },
};

export const OPERATOR_LABELS: Record<TargetDef['op'], string> = {
  '>=': '≥',
  '<=': '≤',
  '=': '=',
  '>': '>',
  between: '介于',
};
