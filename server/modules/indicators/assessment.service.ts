import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/connect.ts';
import { indicatorAssessmentSchemes } from '../../db/schema/indicators.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina, systemClock, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { numberParam, resolveAll } from '../params/params.service.ts';
import { timeLimit } from '../../../common/domain/cases/workflow.ts';
import {
  creditForShare,
  DEFAULT_ASSESSMENT,
  scoreTownship,
  STATUS_CREDIT,
  WORKFLOW_FIGURES,
  type AssessmentItem,
} from '../../../common/domain/indicators/assessment.ts';
import type { AssessmentResponse } from '../../../common/contracts/indicators.ts';
import { assessmentWorkbook } from './indicators.xlsx.ts';
import type { IndicatorsService } from './indicators.service.ts';

/** Workflow figures per township for a year (pluggable: the cases and assistance modules own the facts). */
export type WorkflowFigures = (
  db: Db,
  countyCode: string,
  year: number,
  asOf: string,
) => Promise<Map<string, Record<string, { part: number; whole: number }>>>;

/**
 * Default figures read from the cases and assistance tables: identification cases of the year decided (or still open)
 * later than workflow.identificationDays after they started; monitored households with an open obligation in the
 * latest daily snapshot of the year (its `anyOpen` row) against the township's monitored households.
 */
export const defaultWorkflowFigures: WorkflowFigures = async (db, countyCode, year, asOf) => {
  const params = await resolveAll(db, countyCode, asOf.slice(0, 7));
  const limit = numberParam(params, 'workflow.identificationDays');
  const out = new Map<string, Record<string, { part: number; whole: number }>>();
  const put = (t: string, key: string, part: number, whole: number) =>
    out.set(t, { ...(out.get(t) ?? {}), [key]: { part, whole } });
  // Overdue is the cases module's one rule (timeLimit of common/domain/cases/workflow.ts), applied per case.
  const cases = await queryRows<{ t: string; startedOn: string; decidedOn: string | null }>(
    db,
    sql`
    SELECT substr(village_code, 1, 9) || '000' AS t, started_on::text AS "startedOn", decided_on::text AS "decidedOn"
      FROM monitoring_case WHERE county_code = ${countyCode} AND kind = 'identification' AND status <> 'closed'
       AND started_on BETWEEN ${`${year}-01-01`}::date AND ${asOf}::date`,
  );
  const perTownship = new Map<string, { overdue: number; n: number }>();
  for (const c of cases) {
    const x = perTownship.get(c.t) ?? { overdue: 0, n: 0 };
    x.n += 1;
    if (timeLimit(c.startedOn, asOf, limit, c.decidedOn).status === 'overdue') x.overdue += 1;
    perTownship.set(c.t, x);
  }
  for (const [t, x] of perTownship) put(t, 'overdueCases', x.overdue, x.n);
  const monitored = await queryRows<{ t: string; n: number }>(
    db,
    sql`
    SELECT substr(village_code, 1, 9) || '000' AS t, count(*)::int AS n FROM household WHERE county_code = ${countyCode} AND closed_on IS NULL AND monitoring_status = 'monitored' GROUP BY 1`,
  );
  // Households, not obligations: `anyOpen` counts a household with several open obligations once. A snapshot
  // kept before that row existed gives the largest single obligation count (a lower bound, never a double count).
  const open = await queryRows<{ t: string; n: number }>(
    db,
    sql`
    SELECT township_code AS t, coalesce(max(households) FILTER (WHERE code = 'anyOpen'), max(households) FILTER (WHERE code <> 'continuesAfterElimination'), 0)::int AS n
      FROM obligation_snapshot
     WHERE county_code = ${countyCode} AND as_of = (SELECT max(as_of) FROM obligation_snapshot WHERE county_code = ${countyCode} AND as_of <= ${asOf}::date AND as_of >= ${`${year}-01-01`}::date)
     GROUP BY 1`,
  );
  const openBy = new Map(open.map((r) => [r.t, r.n]));
  for (const m of monitored) put(m.t, 'obligationsOpen', Math.min(m.n, openBy.get(m.t) ?? 0), m.n);
  return out;
};

export function createAssessmentService(
  db: Db,
  indicators: IndicatorsService,
  opts: { clock?: Clock; workflow?: WorkflowFigures } = {},
) {
  const clock = opts.clock ?? systemClock;
  const workflow = opts.workflow ?? defaultWorkflowFigures;

  async function schemeOf(year: number): Promise<AssessmentItem[]> {
    const row = (
      await db.select().from(indicatorAssessmentSchemes).where(eq(indicatorAssessmentSchemes.year, year))
    )[0];
    return row?.items ?? DEFAULT_ASSESSMENT;
  }

  async function result(ctx: RequestContext, year: number): Promise<AssessmentResponse> {
    requirePermission(ctx, 'indicators:read');
    const countyCode = indicators.countyOf(ctx);
    const today = todayInChina(clock());
    const month = `${year}-12` < today.slice(0, 7) ? `${year}-12` : today.slice(0, 7);
    const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
    const items = await schemeOf(year);
    const defs = await indicators.loadDefs();
    const view = await indicators.engine.view(defs, {
      orgCode: countyCode,
      period: month,
      indicators: items.filter((i) => i.kind === 'indicator').map((i) => i.ref),
      trendMonths: 1,
    });
    const figures = await workflow(db, countyCode, year, asOf);
    const inScope = (code: string) =>
      ctx.actor.scopePrefix === '' ||
      code.startsWith(ctx.actor.scopePrefix) ||
      ctx.actor.scopePrefix.startsWith(code.slice(0, 9));
    const rows = view.children
      .filter((c) => inScope(c.code))
      .map((c) => {
        const f = figures.get(c.code) ?? {};
        const credit = (it: AssessmentItem) => {
          if (it.kind === 'indicator') return STATUS_CREDIT[view.results.get(it.ref)?.get(c.code)?.status ?? 'noData'];
          const x = f[it.ref];
          return x ? creditForShare(x.part, x.whole) : null;
        };
        const s = scoreTownship(items, credit);
        const shown: Record<string, string | number | null> = {};
        for (const it of items) {
          if (it.kind === 'indicator') {
            const r = view.results.get(it.ref)?.get(c.code);
            shown[it.key] = r?.value == null ? null : Math.round(r.value * 10) / 10;
          } else {
            const x = f[it.ref];
            shown[it.key] = x ? `${x.part}/${x.whole}` : null;
          }
        }
        return {
          code: c.code,
          name: c.name,
          rank: 0,
          total: s.total,
          grade: s.grade,
          points: s.points,
          figures: shown,
        };
      });
    rows.sort((a, b) => b.total - a.total);
    rows.forEach((r, k) => {
      r.rank = k > 0 && rows[k - 1].total === r.total ? rows[k - 1].rank : k + 1;
    });
    return {
      year,
      items,
      rows,
      notesZh: [
        `指标按 ${month} 的达标状态计分：达标得满分，预警得 60%，未达标不得分；无数据的项不计入，其余权重按比例折算为百分制。`,
        ...Object.values(WORKFLOW_FIGURES).map((v) => `${v}，截至 ${asOf}；未接入数据的乡镇该项不计分。`),
      ],
    };
  }

  async function saveScheme(ctx: RequestContext, input: { year: number; items: AssessmentItem[] }) {
    requirePermission(ctx, 'indicators:manage');
    const defs = await indicators.loadDefs();
    input.items.forEach((it, k) => {
      if (it.kind === 'indicator' && !defs.indicators.has(it.ref))
        throw AppError.validation([
          { field: `items.${k}.ref`, messageZh: `指标 ${it.ref} 不存在`, messageEn: `Unknown indicator ${it.ref}` },
        ]);
      if (it.kind === 'workflow' && !(it.ref in WORKFLOW_FIGURES))
        throw AppError.validation([
          {
            field: `items.${k}.ref`,
            messageZh: `工作数据 ${it.ref} 不存在`,
            messageEn: `Unknown workflow figure ${it.ref}`,
          },
        ]);
    });
    if (new Set(input.items.map((i) => i.key)).size !== input.items.length)
      throw AppError.validation([{ field: 'items', messageZh: '考核项代码重复', messageEn: 'Duplicate item keys' }]);
    await db.transaction(async (tx) => {
      const row = { year: input.year, items: input.items, updatedBy: ctx.actor.displayName, updatedAt: new Date() };
      await tx
        .insert(indicatorAssessmentSchemes)
        .values(row)
        .onConflictDoUpdate({ target: indicatorAssessmentSchemes.year, set: row });
      await recordAudit(tx, ctx, {
        action: 'set',
        entity: 'indicator_assessment_scheme',
        entityId: input.year,
        after: { items: input.items },
      });
    });
    return result(ctx, input.year);
  }

  return { result, saveScheme, workbook: assessmentWorkbook };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
