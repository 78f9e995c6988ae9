import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type {
  ChangeListQuery,
  CreateScenarioRequest,
  GroupCounts,
  ScenarioCompare,
  ScenarioDetail,
  ScenarioHouseholdExplain,
  ScenarioRow,
} from '../../../common/contracts/analysis.ts';
import { checkOverrides, touches } from '../../../common/domain/analysis/overrides.ts';
import { warningCategory } from '../../../common/domain/monitoring/categories.ts';
import { visibleEvidence } from '../../../common/domain/monitoring/evidence.ts';
import { dataWindow } from '../../../common/domain/monitoring/window.ts';
import { countyCodeOf, levelOfCode } from '../../../common/domain/org-code.ts';
import { isPeriod } from '../../../common/domain/period.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { systemClock, todayInChina, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { writeLedger, ledgerMeta } from '../../lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import type { JobsService } from '../jobs/index.ts';
import {
  RULES,
  evaluateOnly,
  evaluationCtes,
  ruleContext,
  withBatchSettings,
  type EvaluationScope,
  type Rule,
  type RuleContext,
} from '../monitoring/index.ts';
import type { ResolvedParams } from '../params/index.ts';
import {
  categoryCounts,
  countHouseholds,
  failOrphanScenarios,
  findHousehold,
  findScenario,
  finishScenario,
  flagGroups,
  insertScenario,
  listChanges,
  listScenarios,
  proposedOnlyCount,
  setScenarioJob,
  visibleScenarios,
  type ScenarioRecord,
} from './analysis.repository.ts';

// Policy what-if (issue 19 §1). A scenario re-evaluates one month of the author's unit with the
// monitoring engine's own statement (evaluationCtes: one implementation of every rule), under the
// parameters in force and under the proposal, into analysis_scenario_hit. Nothing is written to
// monitor_run, warning or clue. Rules that read none of the changed parameters fire identically
// under both settings, so they are evaluated once and kept for both sides; only the touched rules
// are evaluated twice (a line change re-runs two income rules, not the department-record ones).

const KIND_NAMES: Record<string, string> = { alleviated: '脱贫户', ordinary: '一般农户' };

/** The county's unit codes above and at a unit: 140521100201 → county, township, village. */
function ancestorsOf(orgCode: string): string[] {
  const county = countyCodeOf(orgCode);
  const township = orgCode.slice(0, 9) + '000';
  return [...new Set([county, township, orgCode.slice(0, 12)])];
}

function prefixOf(orgCode: string): string {
  const level = levelOfCode(orgCode);
  return level === 'county' ? orgCode.slice(0, 6) : level === 'township' ? orgCode.slice(0, 9) : orgCode.slice(0, 12);
}

/** The rules a scenario must re-run: those declaring a changed parameter (the lookback among them). */
export function rulesTouched(overrides: Record<string, unknown>): { touched: Rule[]; untouched: Rule[] } {
  const touched = RULES.filter(
    (r) =>
      touches(r.params, overrides) ||
      (Object.hasOwn(overrides, 'monitoring.lookbackMonths') && r.feeds.some((f) => f.window === 'lookback')),
  );
  return { touched, untouched: RULES.filter((r) => !touched.includes(r)) };
}

/** The month's parameters with the proposal laid over them (marked as the scenario's). */
export function proposedContext(base: RuleContext, overrides: Record<string, unknown>, name: string): RuleContext {
  const params: ResolvedParams = { ...base.params };
  for (const [key, value] of Object.entries(overrides))
    params[key] = {
      key,
      value,
      scopeCode: base.countyCode,
      year: null,
      effectiveFrom: `${base.window.period}-01`,
      source: `试算方案「${name}」 / what-if scenario`,
    };
  const lookback = params['monitoring.lookbackMonths']?.value;
  return {
    countyCode: base.countyCode,
    params,
    window: typeof lookback === 'number' ? dataWindow(base.window.period, lookback) : base.window,
  };
}

/** Evaluate `rules` under `ctx` into the scenario's hits, as one set-based statement. */
async function evaluateInto(
  tx: Db,
  scenarioId: number,
  ctx: RuleContext,
  scope: EvaluationScope,
  rules: readonly Rule[],
  sides: readonly ('base' | 'proposed')[],
): Promise<void> {
  if (rules.length === 0) return;
  const sideList = sql.join(
    sides.map((s) => sql`(${s})`),
    sql`, `,
  );
  await tx.execute(sql`${evaluationCtes(ctx, scope, { rules, materializeFired: sides.length === 1 ? false : true })}
    INSERT INTO analysis_scenario_hit (scenario_id, side, county_code, village_code, household_id, rule_code, evidence)
    SELECT ${scenarioId}::bigint, s.side, f.county_code, f.village_code, f.household_id, f.rule_code, f.evidence
    FROM fired f CROSS JOIN (VALUES ${sideList}) AS s(side)`);
}

export interface WhatIfDeps {
  db: Db;
  jobs: JobsService;
  clock?: Clock;
}

export function createWhatIfService(deps: WhatIfDeps) {
  const { db, jobs } = deps;
  const clock = deps.clock ?? systemClock;

  function readerScope(ctx: RequestContext) {
    const countyCode = countyCodeOf(ctx.actor.orgCode);
    const prefix = ctx.actor.scopePrefix || countyCode.slice(0, 6);
    return { countyCode, prefix, visible: visibleScenarios(countyCode, ancestorsOf(ctx.actor.orgCode), prefix) };
  }

  async function scenarioOf(ctx: RequestContext, id: number): Promise<ScenarioRecord> {
    requirePermission(ctx, 'analysis:read');
    const { countyCode, visible } = readerScope(ctx);
    await failOrphanScenarios(db, countyCode);
    const s = await findScenario(db, visible, id);
    if (!s) throw AppError.notFound({ zh: '试算方案', en: 'Scenario' });
    return s;
  }

  function toRow(s: ScenarioRecord): ScenarioRow {
    return {
      id: s.id,
      name: s.name,
      author: s.author,
      orgCode: s.orgCode,
      period: s.period,
      params: s.params,
      status: s.status,
      jobId: s.jobId,
      durationMs: s.durationMs,
      createdAt: new Date(s.createdAt).toISOString(),
      error: s.error ?? null,
    };
  }

  /** The scenario's run, without permission checks: both settings into its hits, then its totals. */
  async function execute(
    scenarioId: number,
    base: RuleContext,
    proposed: RuleContext,
    scope: EvaluationScope,
    overrides: Record<string, unknown>,
    progress: (done: number, total: number, message: string) => Promise<void>,
  ) {
    const started = Date.now();
    const { touched, untouched } = rulesTouched(overrides);
    // One statement per step, each in its own batch-settings transaction; progress is written between them.
    const steps: [string, RuleContext, readonly Rule[], readonly ('base' | 'proposed')[]][] = [
      ['评估未受影响的规则', base, untouched, ['base', 'proposed']],
      ['按现行参数评估', base, touched, ['base']],
      ['按试算参数评估', proposed, touched, ['proposed']],
    ];
    for (const [i, [message, ctx, rules, sides]] of steps.entries()) {
      await progress(i, steps.length, message);
      await withBatchSettings(db, (tx) => evaluateInto(tx, scenarioId, ctx, scope, rules, sides));
    }
    const groups = await flagGroups(db, scenarioId, scope.scopePrefix);
    const sum = (k: 'base' | 'proposed' | 'entering' | 'leaving') => groups.reduce((n, g) => n + g[k], 0);
    const result = {
      evaluated: await countHouseholds(db, scope.countyCode, scope.scopePrefix),
      base: sum('base'),
      proposed: sum('proposed'),
      entering: sum('entering'),
      leaving: sum('leaving'),
      affectedRules: touched.map((r) => r.code),
    };
    const durationMs = Date.now() - started;
    await finishScenario(db, scenarioId, { status: 'succeeded', result, durationMs });
    return { scenarioId, durationMs, ...result };
  }

  /** Save a scenario and run it as a job; returns at once (`wait` for the CLI, tests and the benchmark). */
  async function create(ctx: RequestContext, input: CreateScenarioRequest) {
    requirePermission(ctx, 'analysis:run');
    const errors = checkOverrides(input.params);
    const today = todayInChina(clock()).slice(0, 7);
    if (!isPeriod(input.period) || input.period > today)
      errors.push({ field: 'period', messageZh: '月份不能晚于本月', messageEn: 'The month cannot be in the future' });
    if (errors.length) throw AppError.validation(errors);
    const countyCode = countyCodeOf(ctx.actor.orgCode);
    const orgCode = ctx.actor.orgCode.slice(0, 12);
    const base = await ruleContext(db, countyCode, input.period);
    const proposed = proposedContext(base, input.params, input.name);
    const id = await db.transaction(async (tx) => {
      const scenarioId = await insertScenario(tx, {
        countyCode,
        orgCode,
        name: input.name,
        authorId: ctx.actor.id || null,
        author: ctx.actor.displayName,
        period: input.period,
        params: input.params,
        baseline: base.params,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'analysis_scenario',
        entityId: scenarioId,
        orgCode,
        after: { name: input.name, period: input.period, params: input.params },
      });
      return scenarioId;
    });
    const scope: EvaluationScope = { countyCode, scopePrefix: prefixOf(orgCode), restriction: { kind: 'all' } };
    const job = await jobs.start(ctx, 'analysis.whatif', async (progress) => {
      const started = Date.now();
      try {
        return await execute(id, base, proposed, scope, input.params, (d, t, m) => progress.report(d, t, m));
      } catch (err) {
        const error =
          err instanceof AppError
            ? { code: err.code, messageZh: err.messageZh, messageEn: err.messageEn }
            : { code: 'INTERNAL', messageZh: '试算失败', messageEn: 'The scenario failed' };
        await finishScenario(db, id, { status: 'failed', error, durationMs: Date.now() - started });
        throw err;
      }
    });
    await setScenarioJob(db, id, job.id);
    return { id, jobId: job.id, wait: job.wait };
  }

  async function list(
    ctx: RequestContext,
    q: { page?: number; pageSize?: number; sort?: 'id' | 'period' | 'name'; order?: 'asc' | 'desc' },
  ) {
    requirePermission(ctx, 'analysis:read');
    const { countyCode, visible } = readerScope(ctx);
    await failOrphanScenarios(db, countyCode);
    const win = pageWindow({ ...q, page: q.page ?? 1 });
    const { rows, total } = await listScenarios(db, visible, q, win);
    return { items: rows.map(toRow), total, page: win.page ?? 1, pageSize: win.pageSize };
  }

  async function detailOf(ctx: RequestContext, s: ScenarioRecord): Promise<ScenarioDetail> {
    const { countyCode, prefix: readerPrefix } = readerScope(ctx);
    // The reader's rows of the scenario: the narrower of the two units.
    const scenarioPrefix = prefixOf(s.orgCode);
    const prefix = readerPrefix.length > scenarioPrefix.length ? readerPrefix : scenarioPrefix;
    const [groups, categories, evaluated] = await Promise.all([
      flagGroups(db, s.id, prefix),
      categoryCounts(db, s.id, prefix),
      countHouseholds(db, countyCode, prefix),
    ]);
    const group = (key: (g: (typeof groups)[number]) => [string, string]) => {
      const out = new Map<string, GroupCounts>();
      for (const g of groups) {
        const [code, name] = key(g);
        const c = out.get(code) ?? { code, name, base: 0, proposed: 0, entering: 0, leaving: 0 };
        c.base += g.base;
        c.proposed += g.proposed;
        c.entering += g.entering;
        c.leaving += g.leaving;
        out.set(code, c);
      }
      return [...out.values()];
    };
    const totals = group(() => ['all', '合计'])[0] ?? { base: 0, proposed: 0, entering: 0, leaving: 0 };
    return {
      ...toRow(s),
      baseline: Object.fromEntries(
        Object.keys(s.params).map((k) => [k, (s.baseline as ResolvedParams | null)?.[k]?.value ?? null]),
      ),
      evaluated,
      totals: { base: totals.base, proposed: totals.proposed, entering: totals.entering, leaving: totals.leaving },
      byTownship: group((g) => [g.townshipCode, g.townshipName]),
      byVillage: group((g) => [g.villageCode, g.villageName]),
      byKind: group((g) => [g.kind, KIND_NAMES[g.kind] ?? g.kind]),
      byCategory: categories.map((c) => ({ ...c, name: warningCategory(c.code)?.nameZh ?? c.code })),
      workload: {
        toVisit: totals.entering,
        noLongerFlagged: totals.leaving,
        reliefFund: {
          computed: false,
          noteZh: '未计算：没有按户给付金额的政策参数（临时救助只有单次上限），救助资金需求无法估算',
          noteEn: 'Not computed: no parameter gives a per-household amount (relief has only a per-application cap)',
        },
      },
      affectedRules: ((s.result?.affectedRules as string[] | undefined) ?? []).slice(),
    };
  }

  async function get(ctx: RequestContext, id: number): Promise<ScenarioDetail> {
    return detailOf(ctx, await scenarioOf(ctx, id));
  }

  function changePrefix(ctx: RequestContext, s: ScenarioRecord): string {
    const readerPrefix = readerScope(ctx).prefix;
    const scenarioPrefix = prefixOf(s.orgCode);
    return readerPrefix.length > scenarioPrefix.length ? readerPrefix : scenarioPrefix;
  }

  async function changes(ctx: RequestContext, id: number, q: ChangeListQuery) {
    const s = await scenarioOf(ctx, id);
    const win = pageWindow({ ...q, page: q.page ?? 1 });
    const { rows, total } = await listChanges(db, s.id, changePrefix(ctx, s), q, win);
    return { items: rows, total, page: win.page ?? 1, pageSize: win.pageSize };
  }

  /** One household under both settings, on demand: the engine's explain path twice, writing nothing. */
  async function explainHousehold(
    ctx: RequestContext,
    id: number,
    householdId: number,
  ): Promise<ScenarioHouseholdExplain> {
    const s = await scenarioOf(ctx, id);
    const household = await findHousehold(db, s.countyCode, changePrefix(ctx, s), householdId);
    if (!household) throw AppError.notFound({ zh: '农户', en: 'Household' });
    const baseParams = (s.baseline ?? {}) as ResolvedParams;
    const lookback = baseParams['monitoring.lookbackMonths']?.value;
    const base: RuleContext = {
      countyCode: s.countyCode,
      params: baseParams,
      window: dataWindow(s.period, typeof lookback === 'number' ? lookback : 12),
    };
    const proposed = proposedContext(base, s.params, s.name);
    const scope: EvaluationScope = {
      countyCode: s.countyCode,
      scopePrefix: household.villageCode,
      restriction: { kind: 'ids', ids: [householdId] },
    };
    const side = async (c: RuleContext) => {
      const r = await evaluateOnly(db, c, scope);
      return {
        fired: r.fired.map((f) => ({
          ruleCode: f.ruleCode,
          nameZh: warningCategory(f.ruleCode)?.nameZh ?? f.ruleCode,
          evidence: visibleEvidence(f.evidence) as Record<string, unknown>,
        })),
      };
    };
    return {
      householdId,
      householdNo: household.householdNo,
      period: s.period,
      base: await side(base),
      proposed: await side(proposed),
    };
  }

  /** The differences as .xlsx (what the list's filters select), audited before a byte leaves. */
  async function prepareExport(ctx: RequestContext, id: number, q: ChangeListQuery) {
    const s = await scenarioOf(ctx, id);
    const { rows } = await listChanges(db, s.id, changePrefix(ctx, s), q, null);
    await recordAudit(db, ctx, {
      action: 'export',
      entity: 'analysis_scenario',
      entityId: s.id,
      orgCode: ctx.actor.orgCode,
      after: { rows: rows.length, filters: { ...q } },
    });
    const names = (codes: string[]) => codes.map((c) => warningCategory(c)?.nameZh ?? c).join('、');
    const paramText = Object.entries(s.params)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join('；');
    return {
      fileName: `试算差异_${s.name}_${s.period}.xlsx`,
      write: (out: Writable) =>
        writeLedger(
          out,
          [
            {
              title: '进出名单',
              caption: `政策试算「${s.name}」${s.period} 进出名单（${paramText}）`,
              headers: [
                { header: '户编号', kind: 'code' },
                { header: '乡镇', kind: 'text' },
                { header: '村', kind: 'text' },
                { header: '户类型', kind: 'text' },
                { header: '变化', kind: 'text' },
                { header: '现行参数下的预警', kind: 'text' },
                { header: '试算参数下的预警', kind: 'text' },
              ],
              rows: (async function* () {
                for (const r of rows)
                  yield [
                    r.householdNo,
                    r.townshipName,
                    r.villageName,
                    KIND_NAMES[r.kind] ?? r.kind,
                    r.change === 'entering' ? '新进入' : '退出',
                    names(r.baseRules),
                    names(r.proposedRules),
                  ];
              })(),
            },
          ],
          ledgerMeta(ctx),
        ),
    };
  }

  async function compare(ctx: RequestContext, a: number, b: number): Promise<ScenarioCompare> {
    const [sa, sb] = [await scenarioOf(ctx, a), await scenarioOf(ctx, b)];
    const [da, db_] = [await detailOf(ctx, sa), await detailOf(ctx, sb)];
    const samePeriod = sa.period === sb.period && sa.status === 'succeeded' && sb.status === 'succeeded';
    const prefix = [changePrefix(ctx, sa), changePrefix(ctx, sb)].sort((x, y) => y.length - x.length)[0];
    return {
      a: da,
      b: db_,
      onlyA: samePeriod ? await proposedOnlyCount(db, a, b, prefix) : null,
      onlyB: samePeriod ? await proposedOnlyCount(db, b, a, prefix) : null,
    };
  }

  return { create, list, get, changes, explainHousehold, prepareExport, compare, execute };
}

export type WhatIfService = ReturnType<typeof createWhatIfService>;
