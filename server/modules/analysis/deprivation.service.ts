import { sql, type SQL } from 'drizzle-orm';
import { AF_DIMENSIONS, type AfDimension } from '../../../common/contracts/analysis.ts';
import {
  alkireFoster,
  alkireFosterByGroup,
  isPoor,
  normaliseWeights,
  type AfResult,
} from '../../../common/domain/analysis/alkire-foster.ts';
import { addMonths } from '../../../common/domain/period.ts';
import { countyCodeOf, scopePrefixOf } from '../../../common/domain/org-code.ts';
import { queryRows, type Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { systemClock, todayInChina, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import {
  RULES,
  addSignal,
  evaluationCtes,
  incomeFigure,
  openOrFindClue,
  perCapita,
  ruleContext,
  withinRangeSql,
  type RuleContext,
} from '../monitoring/index.ts';
import { numberParam as numberParamOf } from '../params/index.ts';

// The Alkire–Foster view over 两不愁三保障 and income (issue 19 §2, docs/analysis.md). Each household's
// six deprivations come from registry fields in one set-based statement built on the monitoring
// engine's facts relation (the same latest income year and the same per-capita figure and line as
// INCOME_BELOW_LINE); H, A, M0 and the contributions are the pure computation of
// common/domain/analysis/alkire-foster.ts. The non-income fields are the registry's current values:
// a month's series moves with the income year and the line in force for that month.

/** Which national cause a clue from a deprivation names. */
const RISK_OF: Record<AfDimension, string> = {
  income: 'other',
  foodClothing: 'other',
  education: 'schoolDropout',
  medical: 'noMedicalInsurance',
  housing: 'unsafeHousing',
  water: 'unsafeWater',
};
const DIMENSION_NAMES: Record<AfDimension, string> = {
  income: '收入低于监测线',
  foodClothing: '吃穿',
  education: '义务教育',
  medical: '基本医疗',
  housing: '住房安全',
  water: '饮水安全',
};

interface Settings {
  weights: number[];
  k: number;
  foodRatio: number;
  sources: Record<string, string>;
}

function settingsOf(ctx: RuleContext): Settings {
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

/** The six deprivations of each household of `prefix` as booleans d_income … d_water (facts f ⋈ household). */
function deprivationSelect(ctx: RuleContext, s: Settings, prefix: string, extra: SQL = sql``): SQL {
  const line = numberParamOf(ctx.params, 'monitoring.incomeLineFen');
  const alleviatedOop = numberParamOf(ctx.params, 'medical.alleviatedOutOfPocketFen');
  const otherOop = numberParamOf(ctx.params, 'medical.otherOutOfPocketFen');
  const pc = perCapita(incomeFigure(ctx), 'inc');
  // facts of the engine, evaluated for no rule but INCOME_BELOW_LINE (its fired relation is never read).
  const rules = RULES.filter((r) => r.code === 'INCOME_BELOW_LINE');
  return sql`${evaluationCtes(ctx, { countyCode: ctx.countyCode, scopePrefix: prefix, restriction: { kind: 'all' } }, { rules })}
    SELECT f.id::int AS "householdId", f.village_code AS "villageCode", f.kind, f.monitoring_status AS "monitoringStatus",
      coalesce(f.inc_year IS NOT NULL AND ${withinRangeSql(ctx, line)}, false) AS d_income,
      coalesce(f.inc_year IS NOT NULL AND ${pc} < ${Math.round(line * s.foodRatio)}::bigint, false) AS d_food,
      coalesce(f.school_dropout, false) AS d_education,
      (coalesce(f.medical_uninsured, false)
        OR coalesce(f.inc_oop >= CASE WHEN f.kind = 'alleviated' THEN ${alleviatedOop}::bigint ELSE ${otherOop}::bigint END, false)
        OR EXISTS (SELECT 1 FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
          WHERE m.household_id = f.id AND m.county_code = f.county_code AND m.valid_to IS NULL
            AND NOT p.resident_medical_insurance AND NOT p.employee_medical_insurance)) AS d_medical,
      (coalesce(f.housing_unsafe, false) OR coalesce(f.housing_grade IN ('C', 'D'), false)) AS d_housing,
      (f.water_safe IS FALSE) AS d_water
      ${extra}
    FROM facts f`;
}

interface DeprivationRow {
  householdId: number;
  villageCode: string;
  kind: 'alleviated' | 'ordinary';
  monitoringStatus: string;
  d_income: boolean;
  d_food: boolean;
  d_education: boolean;
  d_medical: boolean;
  d_housing: boolean;
  d_water: boolean;
}
const vector = (r: DeprivationRow) => [r.d_income, r.d_food, r.d_education, r.d_medical, r.d_housing, r.d_water];

export function createDeprivationService(deps: { db: Db; clock?: Clock }) {
  const { db } = deps;
  const clock = deps.clock ?? systemClock;
  const lastMonth = () => addMonths(todayInChina(clock()).slice(0, 7), -1);

  function scopeOf(ctx: RequestContext, orgCode?: string) {
    requirePermission(ctx, 'analysis:read');
    if (orgCode) requireInScope(ctx, orgCode);
    const countyCode = countyCodeOf(ctx.actor.orgCode);
    const prefix = orgCode ? scopePrefixOf(orgCode) : ctx.actor.scopePrefix || countyCode.slice(0, 6);
    return { countyCode, prefix };
  }

  async function rowsFor(countyCode: string, prefix: string, period: string) {
    const ctx = await ruleContext(db, countyCode, period);
    const s = settingsOf(ctx);
    const rows = await queryRows<DeprivationRow>(db, deprivationSelect(ctx, s, prefix));
    return { ctx, s, rows };
  }

  async function names(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await queryRows<{ code: string; name: string }>(
      db,
      sql`SELECT code, name FROM org_unit WHERE code = ANY(${`{${codes.join(',')}}`}::text[])`,
    );
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  async function summary(ctx: RequestContext, q: { period?: string; months: number; orgCode?: string }) {
    const { countyCode, prefix } = scopeOf(ctx, q.orgCode);
    const period = q.period ?? lastMonth();
    const { s, rows } = await rowsFor(countyCode, prefix, period);
    const total = alkireFoster(rows.map(vector), s.weights, s.k);
    const byVillage = alkireFosterByGroup(
      rows.map((r) => ({ group: r.villageCode, deprived: vector(r) })),
      s.weights,
      s.k,
    );
    const byTownship = alkireFosterByGroup(
      rows.map((r) => ({ group: r.villageCode.slice(0, 9) + '000', deprived: vector(r) })),
      s.weights,
      s.k,
    );
    const nameOf = await names([...byVillage.keys(), ...byTownship.keys()]);
    const groupList = (m: Map<string, AfResult>) =>
      [...m]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, r]) => ({ code, name: nameOf.get(code) ?? code, ...r }));
    const series = [];
    for (let i = q.months - 1; i >= 1; i--) {
      const p = addMonths(period, -i);
      const r = await rowsFor(countyCode, prefix, p);
      const m = alkireFoster(r.rows.map(vector), r.s.weights, r.s.k);
      series.push({ period: p, H: m.H, A: m.A, M0: m.M0 });
    }
    series.push({ period, H: total.H, A: total.A, M0: total.M0 });
    const w = normaliseWeights(s.weights);
    return {
      period,
      dimensions: AF_DIMENSIONS.map((code, j) => ({ code, weight: w[j] })),
      k: s.k,
      sources: s.sources,
      total,
      byTownship: groupList(byTownship),
      byVillage: groupList(byVillage),
      series,
      unmonitoredPoor: rows.filter((r) => r.monitoringStatus !== 'monitored' && isPoor(score(vector(r), w), s.k))
        .length,
    };
  }

  function score(v: boolean[], w: number[]) {
    return v.reduce((acc, d, j) => acc + (d ? w[j] : 0), 0);
  }

  /** The discovery list: poor in the AF sense (score ≥ k) and not a monitoring target, with the dimensions as reasons. */
  async function unmonitored(
    ctx: RequestContext,
    q: {
      period?: string;
      orgCode?: string;
      page?: number;
      pageSize?: number;
      sort?: 'householdNo' | 'score';
      order?: 'asc' | 'desc';
    },
  ) {
    const { countyCode, prefix } = scopeOf(ctx, q.orgCode);
    const period = q.period ?? lastMonth();
    const { s, rows } = await rowsFor(countyCode, prefix, period);
    const w = normaliseWeights(s.weights);
    const poor = rows
      .map((r) => ({ r, score: score(vector(r), w) }))
      .filter(({ r, score: c }) => r.monitoringStatus !== 'monitored' && isPoor(c, s.k));
    const ids = poor.map((p) => p.r.householdId);
    const facts = ids.length
      ? await queryRows<{ id: number; householdNo: string; openClue: boolean }>(
          db,
          sql`SELECT h.id::int AS id, h.household_no AS "householdNo",
            EXISTS (SELECT 1 FROM clue c WHERE c.household_id = h.id AND c.status = 'open') AS "openClue"
            FROM household h WHERE h.id = ANY(${`{${ids.join(',')}}`}::bigint[])`,
        )
      : [];
    const byId = new Map(facts.map((f) => [f.id, f]));
    const nameOf = await names([...new Set(poor.map((p) => p.r.villageCode))]);
    const dir = q.order === 'desc' ? -1 : 1;
    const items = poor
      .map(({ r, score: c }) => ({
        householdId: r.householdId,
        householdNo: byId.get(r.householdId)?.householdNo ?? '',
        villageCode: r.villageCode,
        villageName: nameOf.get(r.villageCode) ?? r.villageCode,
        kind: r.kind,
        monitoringStatus: r.monitoringStatus,
        score: c,
        deprived: AF_DIMENSIONS.filter((_, j) => vector(r)[j]),
        openClue: byId.get(r.householdId)?.openClue ?? false,
      }))
      .sort((a, b) =>
        q.sort === 'householdNo'
          ? dir * a.householdNo.localeCompare(b.householdNo)
          : q.sort === 'score'
            ? dir * (a.score - b.score) || a.householdNo.localeCompare(b.householdNo)
            : b.score - a.score || a.householdNo.localeCompare(b.householdNo),
      );
    const win = pageWindow({ ...q, page: q.page ?? 1 });
    return {
      items: items.slice(win.offset, win.offset + win.pageSize),
      total: items.length,
      page: win.page ?? 1,
      pageSize: win.pageSize,
    };
  }

  /** Raise a clue (channel 部门信息比对) for one household the view finds poor and unmonitored, one per cause. */
  async function raiseClue(ctx: RequestContext, input: { householdId: number; period?: string }) {
    requirePermission(ctx, 'clues:write');
    const { countyCode, prefix } = scopeOf(ctx);
    const period = input.period ?? lastMonth();
    const rctx = await ruleContext(db, countyCode, period);
    const s = settingsOf(rctx);
    const [row] = await queryRows<DeprivationRow & { householdNo: string }>(
      db,
      sql`SELECT d.*, h.household_no AS "householdNo" FROM (${deprivationSelect(rctx, s, prefix)}) d
        JOIN household h ON h.id = d."householdId" WHERE d."householdId" = ${input.householdId}`,
    );
    if (!row) throw AppError.notFound({ zh: '农户', en: 'Household' });
    const w = normaliseWeights(s.weights);
    const c = score(vector(row), w);
    if (row.monitoringStatus === 'monitored' || !isPoor(c, s.k))
      throw new AppError('CONFLICT', {
        zh: '该户已是监测对象或未达到多维贫困临界值，无需生成线索',
        en: 'The household is monitored or below the deprivation cutoff',
      });
    const deprived = AF_DIMENSIONS.filter((_, j) => vector(row)[j]);
    const risks = [...new Set(deprived.map((d) => RISK_OF[d]))];
    const evidence = {
      period,
      score: c,
      k: s.k,
      deprived,
      weights: Object.fromEntries(AF_DIMENSIONS.map((d, j) => [d, w[j]])),
    };
    const clueIds = await db.transaction(async (tx) => {
      const ids: number[] = [];
      for (const riskType of risks) {
        const summary = `多维剥夺：${deprived.map((d) => DIMENSION_NAMES[d]).join('、')}`;
        const clueId = await openOrFindClue(tx, {
          countyCode,
          householdId: row.householdId,
          villageCode: row.villageCode,
          channel: 'department',
          riskType,
          summary,
        });
        await addSignal(tx, {
          countyCode,
          clueId,
          channel: 'department',
          source: 'analysis.deprivation',
          evidence,
          createdBy: ctx.actor.displayName,
        });
        ids.push(clueId);
      }
      await recordAudit(tx, ctx, {
        action: 'raiseClue',
        entity: 'household',
        entityId: row.householdId,
        orgCode: row.villageCode,
        after: { clueIds: ids, ...evidence },
      });
      return ids;
    });
    return { clueIds };
  }

  return { summary, unmonitored, raiseClue };
}

export type DeprivationService = ReturnType<typeof createDeprivationService>;
