import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { resolveAll } from '../params/index.ts';
import { timeLimit } from '#common/domain/cases/workflow.ts';
import { indicatorAssessmentSchemes } from '#server/db/schema/indicators.ts';
import {
  creditForShare,
  DEFAULT_ASSESSMENT,
  scoreTownship,
  STATUS_CREDIT,
  type AssessmentItem,
} from '#common/domain/indicators/assessment.ts';
import type { TargetStatus } from '#common/domain/indicators/model.ts';

// The one score of a township (综合得分): the assessment page and the cockpit's scorecard both call `schemeScores`,
// so a township shows the same number on both (issue 16 point 8).

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
  // A month before the parameter came into force (e.g. 2020 on the cockpit) has no time limit: no overdue figure.
  const limitParam = params['workflow.identificationDays'];
  const limit = typeof limitParam?.value === 'number' ? limitParam.value : null;
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
  for (const c of limit === null ? [] : cases) {
    const x = perTownship.get(c.t) ?? { overdue: 0, n: 0 };
    x.n += 1;
    if (timeLimit(c.startedOn, asOf, limit!, c.decidedOn).status === 'overdue') x.overdue += 1;
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

/** The scheme of a year (`indicator_assessment_scheme`), else the default. */
export async function assessmentScheme(db: Db, year: number): Promise<AssessmentItem[]> {
  const row = (await db.select().from(indicatorAssessmentSchemes).where(eq(indicatorAssessmentSchemes.year, year)))[0];
  return row?.items ?? DEFAULT_ASSESSMENT;
}

/**
 * The month whose attainment is scored and the day workflow figures are counted to, for a month: that month and its
 * last day, or today when the month is the current one (China time). The assessment of a year scores its December,
 * or the current month of the current year.
 */
export function scoringDates(period: string, today: string): { month: string; asOf: string } {
  const month = period < today.slice(0, 7) ? period : today.slice(0, 7);
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { month, asOf: last < today ? last : today };
}

export interface UnitScore {
  total: number;
  grade: string;
  /** False when no item of the scheme had data for the unit (grade 无数据). */
  scored: boolean;
  points: Record<string, number | null>;
  figures: Record<string, string | number | null>;
}

/** Scores units (townships; villages get the indicator items only) with the year's scheme. */
export async function schemeScores(
  db: Db,
  workflow: WorkflowFigures,
  args: {
    countyCode: string;
    year: number;
    asOf: string;
    items?: AssessmentItem[];
    units: readonly string[];
    result: (ref: string, code: string) => { status: TargetStatus; value: number | null } | undefined;
  },
): Promise<Map<string, UnitScore>> {
  const items = args.items ?? (await assessmentScheme(db, args.year));
  const figures = await workflow(db, args.countyCode, args.year, args.asOf);
  const out = new Map<string, UnitScore>();
  for (const code of args.units) {
    const f = figures.get(code) ?? {};
    const credit = (it: AssessmentItem) => {
      if (it.kind === 'indicator') return STATUS_CREDIT[args.result(it.ref, code)?.status ?? 'noData'];
      const x = f[it.ref];
      return x ? creditForShare(x.part, x.whole) : null;
    };
    const s = scoreTownship(items, credit);
    const shown: Record<string, string | number | null> = {};
    for (const it of items) {
      if (it.kind === 'indicator') {
        const v = args.result(it.ref, code)?.value;
        shown[it.key] = v == null ? null : Math.round(v * 10) / 10;
      } else {
        const x = f[it.ref];
        shown[it.key] = x ? `${x.part}/${x.whole}` : null;
      }
    }
    out.set(code, {
      total: s.total,
      grade: s.grade,
      scored: Object.values(s.points).some((p) => p !== null),
      points: s.points,
      figures: shown,
    });
  }
  return out;
}

/** The cockpit's band of a score: the assessment grade's colour (好 green, 较好/一般 yellow, 较差 red). */
export function bandOfGrade(s: UnitScore | undefined): 'green' | 'yellow' | 'red' | 'grey' {
  if (!s || !s.scored) return 'grey';
  return s.grade === '好' ? 'green' : s.grade === '较差' ? 'red' : 'yellow';
}
