import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { referencedCodes } from '#common/domain/indicators/expression.ts';
import {
  cellKey,
  cellValue,
  compiled,
  ratioValue,
  rollUp,
  type Cell,
  type IndicatorResult,
  type LeafValue,
} from '#common/domain/indicators/rollup.ts';
import { effectiveTarget, targetStatus } from '#common/domain/indicators/targets.ts';
import { pathBaseYear, yearThreshold } from '#common/domain/indicators/path.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import {
  COMPARE,
  type DataElementDef,
  type IndicatorDef,
  type TargetDef,
  type TargetStatus,
} from '#common/domain/indicators/model.ts';
import { addMonths } from '#common/domain/period.ts';
import { cellsFor, orgGroupsOf, orgUnitsOfCounty, shareKey, textArray } from './indicators.repository.ts';
import { OrgTree } from './org-tree.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';

// Evaluates indicators for a unit, its children and a trend, from the roll-up (entered values) and from
// computed sources (the registry, funds) read at the moment of the request: nothing waits for a batch.

export type StoredTarget = TargetDef & { id: number };

/** Computed sources: leaf values (per village, or per county) for the requested periods. Pluggable. */
export type ComputedProvider = (db: Db, countyCode: string, periods: readonly string[]) => Promise<LeafValue[]>;

const asOfMonth = (p: string) => (p.length === 4 ? `${p}-12` : p);

/**
 * Registry figures per village and period. "Returned to poverty" (返贫人口): members of a 脱贫户 whose household is
 * now a monitoring object of type 脱贫不稳定户 identified by the period and not eliminated by it.
 */
export const registryProvider: ComputedProvider = async (db, countyCode, periods) => {
  if (periods.length === 0) return [];
  const months = [...new Set(periods.map(asOfMonth))];
  const hh = await queryRows<{ org: string; month: string; identified: number; eliminated: number }>(
    db,
    sql`
    SELECT h.village_code AS org, p.month,
           count(*) FILTER (WHERE h.monitoring_type IS NOT NULL AND coalesce(h.identification_period, '0000-00') <= p.month)::int AS identified,
           count(*) FILTER (WHERE h.elimination_period IS NOT NULL AND h.elimination_period <= p.month)::int AS eliminated
      FROM household h CROSS JOIN unnest(${textArray(months)}) AS p(month)
     WHERE h.county_code = ${countyCode} AND h.closed_on IS NULL
     GROUP BY 1, 2`,
  );
  const pop = await queryRows<{ org: string; month: string; alleviated: number; returned: number }>(
    db,
    sql`
    SELECT h.village_code AS org, p.month, count(*)::int AS alleviated,
           count(*) FILTER (WHERE h.monitoring_type = 'unstable' AND coalesce(h.identification_period, '0000-00') <= p.month
                              AND (h.elimination_period IS NULL OR h.elimination_period > p.month))::int AS returned
      FROM household h JOIN membership m ON m.household_id = h.id AND m.county_code = h.county_code AND m.valid_to IS NULL
      CROSS JOIN unnest(${textArray(months)}) AS p(month)
     WHERE h.county_code = ${countyCode} AND h.closed_on IS NULL AND h.kind = 'alleviated'
     GROUP BY 1, 2`,
  );
  const out: LeafValue[] = [];
  for (const period of periods) {
    const m = asOfMonth(period);
    for (const r of hh)
      if (r.month === m)
        out.push(
          { orgCode: r.org, element: 'registry.identifiedHouseholds', period, value: r.identified },
          { orgCode: r.org, element: 'registry.eliminatedHouseholds', period, value: r.eliminated },
        );
    for (const r of pop)
      if (r.month === m)
        out.push(
          { orgCode: r.org, element: 'registry.alleviatedPop', period, value: r.alleviated },
          { orgCode: r.org, element: 'registry.returnedPop', period, value: r.returned },
        );
  }
  return out;
};

export interface EvalDefs {
  elements: Map<string, DataElementDef>;
  indicators: Map<string, IndicatorDef>;
  targets: StoredTarget[];
}

export interface UnitResult extends IndicatorResult {
  status: TargetStatus;
  target: StoredTarget | null;
  /** The number the value was compared with (target value, baseline + change, or the reference). */
  threshold: number | null;
}

export interface ViewResult {
  unit: { code: string; name: string; level: string };
  period: string;
  children: { code: string; name: string; level: string }[];
  /** indicator → org → result at the indicator's period (month, or year for yearly indicators). */
  results: Map<string, Map<string, UnitResult>>;
  /** indicator → periods and values for the unit itself. */
  trend: Map<string, { period: string; value: number | null }[]>;
  periodOf: (ind: IndicatorDef) => string;
}

export interface ViewOptions {
  orgCode: string;
  period: string;
  indicators?: readonly string[];
  trendMonths?: number;
  /** 'current': a unit also carries the history of units merged into it (trend comparison). Default: as of each period. */
  boundaries?: 'asOfPeriod' | 'current';
  /** Children to evaluate: their level (default: the next level down). */
  withChildren?: boolean;
}

export function createIndicatorEngine(db: Db, computed: Record<string, ComputedProvider>) {
  async function view(defs: EvalDefs, opts: ViewOptions, tree?: OrgTree): Promise<ViewResult> {
    const countyCode = countyCodeOf(opts.orgCode);
    tree ??= new OrgTree(await orgUnitsOfCounty(db, countyCode));
    const unit = tree.get(opts.orgCode)!;
    const month = opts.period;
    const year = month.slice(0, 4);
    const periodOf = (ind: IndicatorDef) => (ind.periodType === 'yearly' ? year : month);
    const children =
      opts.withChildren === false ? [] : tree.children(unit.code, month).filter((c) => c.level !== 'group');
    const inds = [...defs.indicators.values()].filter((i) => !opts.indicators || opts.indicators.includes(i.code));
    // Indicators referenced by others are evaluated too.
    const needed = new Map<string, IndicatorDef>();
    const addInd = (i: IndicatorDef) => {
      if (needed.has(i.code)) return;
      needed.set(i.code, i);
      for (const src of [i.numerator, i.denominator ?? ''])
        if (src)
          for (const r of referencedCodes(compiled(src), 'indicator')) {
            const d = defs.indicators.get(r);
            if (d) addInd(d);
          }
    };
    inds.forEach(addInd);

    const trendMonths = opts.trendMonths ?? 12;
    const months = Array.from({ length: trendMonths }, (_, k) => addMonths(month, k - trendMonths + 1));
    const years = Array.from({ length: 5 }, (_, k) => String(Number(year) - 4 + k));
    // Baselines: of change targets ("提高5个百分点") and of the yearly paths of end-state targets (path.ts).
    const defaultBaseYear = numberParam(await resolveAll(db, countyCode, month), 'indicators.pathBaselineYear');
    const periodOfYear = (ind: IndicatorDef, y: number) => (ind.periodType === 'yearly' ? String(y) : `${y}-12`);
    const baselinePeriods = new Set<string>();
    for (const t of defs.targets) {
      const ind = defs.indicators.get(t.indicator);
      if (!ind) continue;
      if (t.baselineYear) baselinePeriods.add(periodOfYear(ind, t.baselineYear));
      if (t.path === 'linear' && t.pathFromValue == null)
        baselinePeriods.add(periodOfYear(ind, pathBaseYear(t, defaultBaseYear)));
    }

    const elementCodes = new Set<string>();
    for (const i of needed.values()) {
      if (i.mode === 'shareMeeting') {
        // Units meeting the threshold are kept in the roll-up under "=CODE"; the unit's own value covers a unit of the tested level.
        elementCodes.add(shareKey(i.code));
        referencedCodes(compiled(i.numerator), 'element').forEach((e) => elementCodes.add(e));
        continue;
      }
      for (const src of [i.numerator, i.denominator ?? ''])
        if (src) referencedCodes(compiled(src), 'element').forEach((e) => elementCodes.add(e));
    }
    for (const t of defs.targets)
      if (t.reference && needed.has(t.indicator))
        referencedCodes(compiled(t.reference), 'element').forEach((e) => elementCodes.add(e));
    const stored = [...elementCodes].filter((e) => !defs.elements.get(e)?.computed);
    const computedEls = [...elementCodes].filter((e) => defs.elements.get(e)?.computed);

    // Which units' cells are read, under which key ("current boundaries" folds predecessors into their successor).
    const readAs = new Map<string, string>();
    const addOrg = (code: string) => {
      readAs.set(code, code);
      if (opts.boundaries === 'current') for (const p of tree.predecessors(code)) readAs.set(p, code);
    };
    addOrg(unit.code);
    children.forEach((c) => addOrg(c.code));
    const nowPeriods = [...new Set([month, year, ...baselinePeriods])];
    const trendOnly = [...months, ...years].filter((p) => !nowPeriods.includes(p));

    const cells = new Map<string, Cell>();
    const add = (org: string, element: string, period: string, sum: number, count: number) => {
      const k = cellKey(org, element, period);
      const c = cells.get(k);
      if (c) {
        c.sum += sum;
        c.count += count;
      } else cells.set(k, { sum, count });
    };
    const selfOrgs = [...readAs.entries()].filter(([, as]) => as === unit.code).map(([code]) => code);
    for (const r of await cellsFor(db, [...readAs.keys()], stored, nowPeriods))
      add(readAs.get(r.org)!, r.element, r.period, r.sum, r.count);
    for (const r of await cellsFor(db, selfOrgs, stored, trendOnly))
      add(unit.code, r.element, r.period, r.sum, r.count);

    if (computedEls.length) {
      const bySource = new Map<string, string[]>();
      for (const e of computedEls) {
        const s = defs.elements.get(e)!.computed!;
        bySource.set(s, [...(bySource.get(s) ?? []), e]);
      }
      const providers = new Set([...bySource.keys()].map((s) => s.split('.')[0]));
      const allPeriods = [...nowPeriods, ...trendOnly];
      for (const p of providers) {
        const provider = computed[p];
        if (!provider) continue;
        const leaves = (await provider(db, countyCode, allPeriods)).flatMap((l) =>
          (bySource.get(l.element) ?? []).map((el) => ({ ...l, element: el })),
        );
        const rolled = rollUp(leaves, (code) => [code, ...tree.ancestors(code)]);
        for (const [k, c] of rolled) {
          const [org, element, period] = k.split('|');
          const as = readAs.get(org);
          if (as && (nowPeriods.includes(period) || as === unit.code)) add(as, element, period, c.sum, c.count);
        }
      }
    }

    const memo = new Map<string, IndicatorResult>();
    const evalAt = (ind: IndicatorDef, org: string, period: string, depth = 0): IndicatorResult => {
      const key = `${ind.code}|${org}|${period}`;
      const hit = memo.get(key);
      if (hit) return hit;
      let r: IndicatorResult;
      if (ind.mode === 'shareMeeting') {
        let c = cells.get(cellKey(org, shareKey(ind.code), period));
        if (!c && ind.threshold && tree.get(org)?.level === ind.unitLevel) {
          const own = cells.get(cellKey(org, referencedCodes(compiled(ind.numerator), 'element')[0], period));
          const op = ind.threshold.op === 'between' ? '>=' : ind.threshold.op;
          c = own ? { sum: COMPARE[op](own.sum, ind.threshold.value) ? 1 : 0, count: 1 } : undefined;
        }
        r =
          !c || c.count === 0
            ? { numerator: null, denominator: null, value: null }
            : { numerator: c.sum, denominator: c.count, value: (c.sum / c.count) * ind.factor };
      } else {
        const element = (code: string) =>
          cellValue(defs.elements.get(code)?.aggregation ?? 'SUM', cells.get(cellKey(org, code, period)));
        const indicator = (code: string) => {
          const d = defs.indicators.get(code);
          return d && depth < 10
            ? evalAt(d, org, d.periodType === 'yearly' ? period.slice(0, 4) : period, depth + 1).value
            : null;
        };
        r = ratioValue(ind, element, indicator);
      }
      memo.set(key, r);
      return r;
    };

    const groups = await orgGroupsOf(db, unit.code.slice(0, 6));
    const groupsOf = (code: string) => groups.filter((g) => g.orgCode === code).map((g) => g.groupCode);
    const results = new Map<string, Map<string, UnitResult>>();
    const trend = new Map<string, { period: string; value: number | null }[]>();
    for (const ind of inds) {
      const period = periodOf(ind);
      const per = new Map<string, UnitResult>();
      const targets = defs.targets.filter((t) => t.indicator === ind.code);
      for (const u of [unit, ...children]) {
        const r = evalAt(ind, u.code, period);
        const target = effectiveTarget(
          targets,
          { code: u.code, level: u.level, ancestors: tree.ancestors(u.code), groups: groupsOf(u.code) },
          Number(year),
        );
        let threshold: number | null = null;
        if (target) {
          if (target.reference) {
            const element = (code: string) =>
              cellValue(defs.elements.get(code)?.aggregation ?? 'SUM', cells.get(cellKey(u.code, code, period)));
            threshold = ratioValue({ numerator: target.reference, denominator: null, factor: 1 }, element).value;
          } else {
            // Values set for single years of the same target (indicator and scope) are points of its path.
            const sameScope = (t: StoredTarget) =>
              t.scope.kind === target.scope.kind && JSON.stringify(t.scope) === JSON.stringify(target.scope);
            const points = targets
              .filter(
                (t) =>
                  t.id !== target.id &&
                  t.fromYear === t.toYear &&
                  t.path !== 'linear' &&
                  !t.reference &&
                  t.value !== null &&
                  sameScope(t),
              )
              .map((t) => ({ year: t.fromYear, value: t.value! }));
            threshold = yearThreshold(target, Number(year), {
              defaultBaseYear,
              measured: (y) => evalAt(ind, u.code, periodOfYear(ind, y)).value,
              points,
            });
          }
        }
        per.set(u.code, {
          ...r,
          target,
          threshold,
          // A value without any target is "no target", not "no data" (a count of 8 households is data).
          status: target
            ? targetStatus(r.value, target, threshold, target.upper ?? null)
            : r.value === null || !Number.isFinite(r.value)
              ? 'noData'
              : 'noTarget',
        });
      }
      results.set(ind.code, per);
      const tp = ind.periodType === 'yearly' ? years : months;
      trend.set(
        ind.code,
        tp.map((p) => ({ period: p, value: evalAt(ind, unit.code, p).value })),
      );
    }
    return {
      unit: { code: unit.code, name: unit.name, level: unit.level },
      period: month,
      children: children.map((c) => ({ code: c.code, name: c.name, level: c.level })),
      results,
      trend,
      periodOf,
    };
  }

  return { view };
}

export type IndicatorEngine = ReturnType<typeof createIndicatorEngine>;
