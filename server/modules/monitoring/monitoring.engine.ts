import { sql, type SQL } from 'drizzle-orm';
import { schoolYearFrom } from '#common/domain/monitoring/window.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import { jobLossSql } from '../employment/index.ts';
import { numberParam } from '../params/index.ts';
import { incomeFigure, perCapita } from './rules/income.ts';
import { RULES, type Rule, type RuleContext } from './rules/index.ts';
import { applies, type FeedNeed, type KeptTotal, type LedgerEvent } from './rules/types.ts';

// Composes the declared rules into one set-based statement over the shared relations described in
// rules/types.ts. The same composition serves the monthly run (the county, by key range), incremental
// re-evaluation (a list of households) and explain (one household), so every rule has exactly one
// implementation. Nothing comes back to Node but counts (and, for explain, one household's rows).

/** Which households of the county a statement evaluates. */
export type Restriction =
  | { kind: 'all' }
  /** Household ids in [from, to). */
  | { kind: 'range'; from: number; to: number }
  | { kind: 'ids'; ids: readonly number[] };

export interface EvaluationScope {
  countyCode: string;
  /** Org-code prefix of the villages evaluated (the county's 6 digits for a run). */
  scopePrefix: string;
  restriction: Restriction;
}

/** The restriction as a predicate on a household-id column. A list is one bound bigint[] parameter. */
export function restrict(r: Restriction, column: SQL): SQL {
  if (r.kind === 'all') return sql`true`;
  if (r.kind === 'range') return sql`(${column} >= ${r.from}::bigint AND ${column} < ${r.to}::bigint)`;
  if (!r.ids.every((id) => Number.isSafeInteger(id))) throw new RangeError('household ids must be integers');
  return sql`${column} = ANY(${`{${r.ids.join(',')}}`}::bigint[])`;
}

/** The households evaluated (the hh relation): a predicate on `household h`. */
function hhWhere(scope: EvaluationScope): SQL {
  return sql`h.county_code = ${scope.countyCode} AND h.village_code LIKE ${scope.scopePrefix + '%'} AND h.closed_on IS NULL
    AND ${restrict(scope.restriction, sql`h.id`)}`;
}

const pairs = (needs: readonly FeedNeed[]) =>
  sql.join(
    needs.map((n) => sql`(${n.source}, ${n.item})`),
    sql`, `,
  );
const inList = (needs: readonly FeedNeed[]) =>
  needs.length ? sql`(fr.source, fr.item) IN (${pairs(needs)})` : sql`false`;

/**
 * fe: the department records the rules declared, matched to the households' members. The match itself (record ⋈
 * person by ID hash ⋈ membership) is kept on write in `feed_event` (schema/monitoring-facts.ts); here only the
 * window and the membership-at-event-date choice are applied. Each window is one arm, `(source, item) IN (…) AND
 * occurred_on BETWEEN its first day AND the period's end`, so that every arm is a range of `feed_event_window_idx`
 * and the planner reads the window's events by index (a BitmapOr) instead of filtering every event of the county
 * (100k households: 0.38 s → 0.09 s for that scan; outpatient records are most of the table and one month of them is read).
 */
function feedEvents(rules: readonly Rule[], ctx: RuleContext, scope: EvaluationScope): SQL {
  const needs = rules.flatMap((r) => r.feeds);
  const atEventDate = needs.filter((n) => n.members === 'atEventDate');
  const schoolFrom = needs.some((n) => n.window === 'schoolYearToDate')
    ? schoolYearFrom(ctx.window.period, numberParam(ctx.params, 'education.schoolYearStartMonth'))
    : ctx.window.to;
  const firstDay: Record<FeedNeed['window'], string | null> = {
    lookback: ctx.window.from,
    toDate: null,
    yearToDate: ctx.window.yearFrom,
    schoolYearToDate: schoolFrom,
    month: ctx.window.periodFrom,
  };
  const arms = (Object.keys(firstDay) as FeedNeed['window'][]).flatMap((window) => {
    const these = needs.filter((n) => n.window === window);
    if (these.length === 0) return [];
    const from = firstDay[window];
    const since = from === null ? sql`` : sql` AND fr.occurred_on >= ${from}::date`;
    return [sql`(${inList(these)}${since} AND fr.occurred_on <= ${ctx.window.to}::date)`];
  });
  return sql`SELECT fr.household_id, fr.record_id, fr.person_id, fr.source, fr.item, fr.occurred_on, fr.amount_fen, fr.attrs, fr.labour_skill
    FROM feed_event fr
    WHERE fr.county_code = ${scope.countyCode} AND ${restrict(scope.restriction, sql`fr.household_id`)}
      AND (fr.member_until IS NULL OR (fr.member_until >= fr.occurred_on AND ${inList(atEventDate)}))
      AND (${arms.length ? sql.join(arms, sql` OR `) : sql`false`})`;
}

/** The ledger events rules declared (Rule.ledgerEvents), as `fe` rows of the households' active members. */
function ledgerEvents(rules: readonly Rule[], ctx: RuleContext, scope: EvaluationScope): SQL[] {
  const wanted = new Set<LedgerEvent>(rules.flatMap((r) => r.ledgerEvents ?? []));
  const sources: Record<LedgerEvent, () => SQL> = {
    employmentJobLoss: () => jobLossSql(scope.countyCode, ctx.window.from, ctx.window.to),
  };
  return [...wanted].map(
    (event) => sql`SELECT m.household_id, NULL::bigint AS record_id, p.id AS person_id, 'ledger'::text AS source,
      ${event}::text AS item, ev.occurred_on, NULL::bigint AS amount_fen, NULL::jsonb AS attrs, p.labour_skill
    FROM (${sources[event]()}) ev
    JOIN person p ON p.id = ev.person_id AND p.county_code = ${scope.countyCode}
    JOIN membership m ON m.person_id = p.id AND m.county_code = p.county_code AND m.valid_to IS NULL
    WHERE ${restrict(scope.restriction, sql`m.household_id`)}`,
  );
}

function aggregates(
  rules: readonly Rule[],
  ctx: RuleContext,
  pick: 'feedAggregates' | 'memberAggregates',
): [string, SQL][] {
  const out: [string, SQL][] = [];
  for (const rule of rules) for (const [name, expr] of Object.entries(rule[pick]?.(ctx) ?? {})) out.push([name, expr]);
  return out;
}

/**
 * inc: per household, the latest income year not after the period's year and the row of the year before, read from
 * household_income_latest (kept on write) where its latest year is not after the period's, from household_income for
 * the others (a month of an earlier year re-checked after a later year was recorded), or for all when `recompute`.
 */
function latestIncomes(ctx: RuleContext, scope: EvaluationScope, recompute: boolean): SQL {
  const county = scope.countyCode;
  const year = ctx.window.incomeYear;
  const fromIncomes = (
    households: SQL,
  ) => sql`SELECT DISTINCT ON (i.household_id) i.household_id, i.county_code, i.year, i.net_income,
      i.household_size, i.insurance_payout, i.eligible_out_of_pocket, p.year AS prev_year, p.net_income AS prev_net_income,
      p.household_size AS prev_household_size, p.insurance_payout AS prev_insurance_payout, p.eligible_out_of_pocket AS prev_eligible_out_of_pocket
    FROM household_income i
    LEFT JOIN household_income p ON p.county_code = i.county_code AND p.household_id = i.household_id AND p.year = i.year - 1
    WHERE i.county_code = ${county} AND i.year <= ${year}::int AND ${households}
    ORDER BY i.household_id, i.year DESC`;
  if (recompute) return sql`inc AS (${fromIncomes(restrict(scope.restriction, sql`i.household_id`))})`;
  const kept = (alias: string) =>
    sql`${sql.identifier(alias)}.county_code = ${county} AND ${restrict(scope.restriction, sql`${sql.identifier(alias)}.household_id`)}`;
  return sql`inc AS (SELECT l.household_id, l.county_code, l.year, l.net_income, l.household_size, l.insurance_payout, l.eligible_out_of_pocket,
      l.prev_year, l.prev_net_income, l.prev_household_size, l.prev_insurance_payout, l.prev_eligible_out_of_pocket
    FROM household_income_latest l WHERE ${kept('l')} AND l.year <= ${year}::int
    UNION ALL (${fromIncomes(sql`i.household_id = ANY(ARRAY(SELECT l2.household_id FROM household_income_latest l2 WHERE ${kept('l2')} AND l2.year > ${year}::int))`)}))`;
}

/** The kept totals the rules declared, each once (by identity). */
function keptTotals(rules: readonly Rule[]): KeptTotal[] {
  return [...new Set(rules.flatMap((r) => r.keptTotals ?? []))];
}

const itemsIn = (items: KeptTotal['items'], alias: string) =>
  sql`(${sql.identifier(alias)}.source, ${sql.identifier(alias)}.item) IN (${sql.join(
    items.map((i) => sql`(${i.source}, ${i.item})`),
    sql`, `,
  )})`;

/**
 * kt: the kept totals per household, read from feed_year_total for the period's year, with `late` when some event of
 * those items this year falls after the period's end (a re-run of an earlier month); kr: the same sums from feed_event,
 * for those households only, or for all of them when `recompute` (the definition the stored sums are checked against).
 */
function keptTotalCtes(kept: KeptTotal[], ctx: RuleContext, scope: EvaluationScope, recompute: boolean): SQL[] {
  const all = kept.flatMap((k) => k.items);
  const year = Number(ctx.window.yearFrom.slice(0, 4));
  const sums = (alias: string) =>
    sql.join(
      kept.map(
        (k) =>
          sql`sum(${sql.identifier(alias)}.amount_fen) FILTER (WHERE ${itemsIn(k.items, alias)}) AS ${sql.identifier(k.name)}`,
      ),
      sql`, `,
    );
  const late = recompute ? sql`true` : sql`fr.household_id IN (SELECT household_id FROM kt WHERE late)`;
  const ctes = [
    sql`kr AS (SELECT fr.household_id, ${sums('fr')} FROM feed_event fr
      WHERE fr.county_code = ${scope.countyCode} AND ${restrict(scope.restriction, sql`fr.household_id`)} AND ${late}
        AND fr.member_until IS NULL AND ${itemsIn(all, 'fr')} AND fr.occurred_on >= ${ctx.window.yearFrom}::date AND fr.occurred_on <= ${ctx.window.to}::date
      GROUP BY fr.household_id)`,
  ];
  if (!recompute)
    ctes.unshift(sql`kt AS (SELECT t.household_id, ${sums('t')}, bool_or(t.last_on > ${ctx.window.to}::date) AS late FROM feed_year_total t
      WHERE t.county_code = ${scope.countyCode} AND t.year = ${year}::int AND ${itemsIn(all, 't')} AND ${restrict(scope.restriction, sql`t.household_id`)}
      GROUP BY t.household_id)`);
  return ctes;
}

/** The facts columns of the kept totals: stored, or recomputed where stored sums do not cover the period. */
function keptColumns(kept: KeptTotal[], recompute: boolean): SQL {
  return sql.join(
    kept.map((k) => {
      const name = sql.identifier(k.name);
      return recompute ? sql`, kr.${name}` : sql`, CASE WHEN kt.late THEN kr.${name} ELSE kt.${name} END AS ${name}`;
    }),
    sql``,
  );
}

/** Only the members some rule looks at (all, if a rule with member aggregates declares no filter). */
function memberFilter(rules: readonly Rule[]): SQL {
  const users = rules.filter((r) => r.memberAggregates);
  if (users.some((r) => !r.memberFilter)) return sql`true`;
  return sql`(${sql.join(
    users.map((r) => r.memberFilter!),
    sql` OR `,
  )})`;
}

const columns = (list: [string, SQL][], alias: string) =>
  sql.join(
    list.map(([name]) => sql`, ${sql.identifier(alias)}.${sql.identifier(name)}`),
    sql``,
  );
const selectList = (list: [string, SQL][]) =>
  sql.join(
    list.map(([name, expr]) => sql`${expr} AS ${sql.identifier(name)}`),
    sql`, `,
  );

/**
 * WITH … up to `fired (household_id, county_code, village_code, rule_code, risk_type, evidence)`.
 * `facts` stays inline (not materialized): one pass joins the households with their aggregates and
 * evaluates every rule on each row through LATERAL … UNION ALL, so no wide intermediate is stored.
 */
export function evaluationCtes(
  ctx: RuleContext,
  scope: EvaluationScope,
  opts: {
    materializeFired?: boolean;
    rules?: readonly Rule[];
    /** Kept facts taken from their sources (feed_event, household_income) for every household (agreement test). */
    recomputeKeptFacts?: boolean;
  } = {},
): SQL {
  const rules = opts.rules ?? RULES;
  const r = scope.restriction;
  const feedAggs = aggregates(rules, ctx, 'feedAggregates');
  const memberAggs = aggregates(rules, ctx, 'memberAggregates');
  const kept = keptTotals(rules);
  const recompute = opts.recomputeKeptFacts ?? false;
  const names = [...feedAggs, ...memberAggs].map(([n]) => n).concat(kept.map((k) => k.name));
  if (new Set(names).size !== names.length) throw new Error(`duplicate aggregate column among ${names.join(', ')}`);
  const ctes: SQL[] = [latestIncomes(ctx, scope, recompute)];
  if (feedAggs.length)
    ctes.push(
      sql`fa AS (SELECT fe.household_id, ${selectList(feedAggs)}
        FROM (${sql.join([feedEvents(rules, ctx, scope), ...ledgerEvents(rules, ctx, scope)], sql` UNION ALL `)}) fe
        GROUP BY fe.household_id)`,
    );
  if (kept.length) ctes.push(...keptTotalCtes(kept, ctx, scope, recompute));
  if (memberAggs.length) {
    ctes.push(sql`ma AS (SELECT mb.household_id, ${selectList(memberAggs)} FROM (SELECT m.household_id, p.id AS person_id, p.resident_medical_insurance,
        p.employee_medical_insurance, p.labour_skill FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
      WHERE m.county_code = ${scope.countyCode} AND m.valid_to IS NULL AND ${restrict(r, sql`m.household_id`)}) mb
      WHERE ${memberFilter(rules)} GROUP BY mb.household_id)`);
  }
  ctes.push(sql`facts AS NOT MATERIALIZED (SELECT h.id, h.county_code, h.village_code, h.kind, h.monitoring_status, h.monitoring_type,
      h.housing_grade, h.housing_unsafe, h.water_safe, h.school_dropout, h.medical_uninsured,
      inc.year AS inc_year, inc.net_income AS inc_net, inc.household_size AS inc_size, inc.insurance_payout AS inc_payout, inc.eligible_out_of_pocket AS inc_oop,
      inc.prev_year, inc.prev_net_income AS prev_net, inc.prev_household_size AS prev_size, inc.prev_insurance_payout AS prev_payout,
      inc.prev_eligible_out_of_pocket AS prev_oop
      ${columns(feedAggs, 'fa')} ${columns(memberAggs, 'ma')} ${keptColumns(kept, recompute)}
    FROM household h
    LEFT JOIN inc ON inc.household_id = h.id AND inc.county_code = h.county_code
    ${feedAggs.length ? sql`LEFT JOIN fa ON fa.household_id = h.id` : sql``}
    ${memberAggs.length ? sql`LEFT JOIN ma ON ma.household_id = h.id` : sql``}
    ${kept.length && !recompute ? sql`LEFT JOIN kt ON kt.household_id = h.id` : sql``}
    ${kept.length ? sql`LEFT JOIN kr ON kr.household_id = h.id` : sql``}
    WHERE ${hhWhere(scope)})`);
  const branches = rules.map(
    (rule) =>
      sql`SELECT ${rule.code}::text AS rule_code, ${rule.riskType}::text AS risk_type, ${rule.evidence(ctx)} AS evidence WHERE ${applies(rule.appliesTo)} AND ${rule.when(ctx)}`,
  );
  ctes.push(sql`fired AS ${opts.materializeFired === false ? sql`NOT MATERIALIZED` : sql`MATERIALIZED`} (SELECT f.id AS household_id, f.county_code, f.village_code, r.rule_code, r.risk_type, r.evidence
    FROM facts f CROSS JOIN LATERAL (${sql.join(branches, sql` UNION ALL `)}) r)`);
  return sql`WITH ${sql.join(ctes, sql`, `)}`;
}

/** GUARDLINE_MONITOR_WORK_MEM overrides the batch statements' work_mem (architecture: 256MB). */
const WORK_MEM = process.env.GUARDLINE_MONITOR_WORK_MEM ?? '256MB';

/**
 * Run a batch statement with the batch-session settings, local to its transaction: work_mem for the
 * hash joins and aggregates, no parallel workers (faster on the two-core machines counties have), no
 * JIT (its compile time costs seconds on these wide statements and buys nothing). `selective` (a list
 * of households) adds SSD-like random page costs so that a few thousand households are looked up by
 * index rather than by scanning every person (a 10k-record batch at 1M households: 4.2 s → 1.1 s);
 * for a whole county the same setting would slow the hash joins (27 s → 31 s at 1M), so not there.
 */
export async function withBatchSettings<T>(
  db: Db,
  work: (tx: Db) => Promise<T>,
  opts: { selective?: boolean } = {},
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT set_config('work_mem', ${WORK_MEM}, true), set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`,
    );
    if (opts.selective) await tx.execute(sql`SELECT set_config('random_page_cost', '1.1', true)`);
    return work(tx as unknown as Db);
  });
}

export interface WriteResult {
  evaluated: number;
  written: number;
  removed: number;
  counts: Record<string, number>;
}

/**
 * Evaluate and write one statement's worth of households for `period`: fired warnings are inserted,
 * or refresh an unhandled warning whose evidence changed (its id is kept, so clue signals stay linked);
 * unhandled warnings that no longer fire are removed; handled ones are never touched. What changed is
 * found by grouping and EXCEPT (hash or sort, never a nested loop, whatever the estimates) against
 * the period's stored warnings, and stale rows are deleted by an id array; a re-run writes only
 * differences. When the
 * period has no warnings yet for these households (the usual first run), a plain insert streams the
 * fired rows without storing them (its counts then come from the rows inserted).
 */
export async function evaluateAndWrite(
  db: Db,
  ctx: RuleContext,
  scope: EvaluationScope,
  runId: number,
): Promise<WriteResult> {
  const period = ctx.window.period;
  const stored = sql`w.county_code = ${scope.countyCode} AND w.period = ${period} AND w.village_code LIKE ${scope.scopePrefix + '%'}
    AND ${restrict(scope.restriction, sql`w.household_id`)}`;
  const mine = sql`${stored} AND w.status = 'new'`;
  const insert = (
    from: SQL,
    onConflict: SQL,
  ) => sql`INSERT INTO warning (county_code, period, run_id, household_id, village_code, rule_code, risk_type, evidence)
    SELECT x.county_code, ${period}, ${runId}::bigint, x.household_id, x.village_code, x.rule_code, x.risk_type, x.evidence FROM ${from} x ${onConflict}`;
  const evaluated = sql`(SELECT count(*)::int FROM household h WHERE ${hhWhere(scope)}) AS evaluated`;
  const countsOf = (rel: string) =>
    sql`coalesce((SELECT jsonb_object_agg(rule_code, n) FROM (SELECT rule_code, count(*)::int AS n FROM ${sql.identifier(rel)} GROUP BY rule_code) c), '{}'::jsonb) AS counts`;
  const selective = scope.restriction.kind === 'ids';
  return withBatchSettings(
    db,
    async (tx) => {
      const [{ any }] = await queryRows<{ any: boolean }>(
        tx,
        sql`SELECT EXISTS (SELECT 1 FROM warning w WHERE ${stored}) AS any`,
      );
      const statement = any
        ? sql`${evaluationCtes(ctx, scope)},
        stale AS (SELECT max(u.id) AS id FROM (SELECT w.id, w.household_id, w.rule_code, true AS stored FROM warning w WHERE ${mine}
            UNION ALL SELECT NULL::bigint, household_id, rule_code, false FROM fired) u GROUP BY u.household_id, u.rule_code HAVING bool_and(u.stored)),
        changed AS (SELECT household_id, county_code, village_code, rule_code, risk_type, evidence FROM fired
          EXCEPT SELECT w.household_id, w.county_code, w.village_code, w.rule_code, w.risk_type, w.evidence FROM warning w WHERE ${mine}),
        del AS (DELETE FROM warning w WHERE w.id = ANY(ARRAY(SELECT id FROM stale)) RETURNING 1),
        ins AS (${insert(
          sql`changed`,
          sql`ON CONFLICT (county_code, period, household_id, rule_code) DO UPDATE
            SET run_id = excluded.run_id, evidence = excluded.evidence, risk_type = excluded.risk_type, village_code = excluded.village_code
            WHERE warning.status = 'new'`,
        )} RETURNING 1)
        SELECT ${evaluated}, (SELECT count(*)::int FROM ins) AS written, (SELECT count(*)::int FROM del) AS removed, ${countsOf('fired')}`
        : sql`${evaluationCtes(ctx, scope, { materializeFired: false })},
        ins AS (${insert(sql`fired`, sql`ON CONFLICT (county_code, period, household_id, rule_code) DO NOTHING`)} RETURNING rule_code)
        SELECT ${evaluated}, (SELECT count(*)::int FROM ins) AS written, 0 AS removed, ${countsOf('ins')}`;
      const [row] = await queryRows<WriteResult>(tx, statement);
      return row;
    },
    { selective },
  );
}

export interface ExplainRow {
  facts: {
    kind: 'alleviated' | 'ordinary';
    monitoringStatus: string;
    monitoringType: string | null;
    incomeYear: number | null;
    perCapitaFen: number | null;
  } | null;
  fired: { ruleCode: string; riskType: string | null; evidence: Record<string, unknown> }[];
}

/** Every rule for the households of `scope` (one, for explain), writing nothing. */
export async function evaluateOnly(db: Db, ctx: RuleContext, scope: EvaluationScope): Promise<ExplainRow> {
  const [row] = await withBatchSettings(
    db,
    (tx) =>
      queryRows<ExplainRow>(
        tx,
        sql`${evaluationCtes(ctx, scope)}
    SELECT (SELECT jsonb_build_object('kind', f.kind, 'monitoringStatus', f.monitoring_status, 'monitoringType', f.monitoring_type,
          'incomeYear', f.inc_year, 'perCapitaFen', ${perCapita(incomeFigure(ctx), 'inc')}) FROM facts f LIMIT 1) AS facts,
      coalesce((SELECT jsonb_agg(jsonb_build_object('ruleCode', rule_code, 'riskType', risk_type, 'evidence', evidence) ORDER BY rule_code) FROM fired), '[]'::jsonb) AS fired`,
      ),
    { selective: true },
  );
  return row;
}

/** How many households one rule flags, from its own select(): a preview, and a check that the composition adds nothing. */
export async function previewRule(db: Db, ctx: RuleContext, scope: EvaluationScope, rule: Rule): Promise<number> {
  const [row] = await withBatchSettings(db, (tx) =>
    queryRows<{ n: number }>(
      tx,
      sql`${evaluationCtes(ctx, scope, { rules: [rule] })} SELECT count(*)::int AS n FROM (${rule.select(ctx)}) r`,
    ),
  );
  return row.n;
}
