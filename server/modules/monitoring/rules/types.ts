import { sql, type SQL } from 'drizzle-orm';
import type { DataWindow } from '#common/domain/monitoring/window.ts';
import type { WarningCategoryCode } from '#common/domain/monitoring/categories.ts';
import type { FeedAttributeCode, FeedItemCode, FeedSourceCode } from '#common/domain/feeds/index.ts';
import type { RiskType } from '#common/domain/registry/codes.ts';
import { numberParam, type ResolvedParams } from '#server/modules/params/index.ts';

// The shape of a declared monitoring rule. A rule is data plus SQL fragments; the engine
// (monitoring.engine.ts) composes every rule into one set-based statement per batch over these
// shared relations, so the same SQL evaluates a county, a key range, a few households or one:
//
//   hh     households evaluated: in scope (village_code LIKE prefix), not closed, optionally restricted
//   inc    per household, the latest income year ≤ the period's year (household_income) and the year before
//   fe     department records (feed_record) matched to the households' members by (county_code, id_hash),
//          within the window each rule declared, with the person's registry facts
//   kt     year-to-date sums the rules declared as kept totals, from feed_year_total (kept on write)
//   mb     the households' active members (membership valid_to IS NULL ⋈ person)
//   facts  one row per household: hh ⋈ inc ⋈ (rules' feed aggregates over fe) ⋈ kt ⋈ (member aggregates over mb)
//
// A rule is its condition `when` and its `evidence` over a facts row `f`; `select` (added by
// defineRule) is the same as rows (household_id, evidence) for previews. The engine evaluates all
// rules in one pass over facts (LATERAL … UNION ALL), so each rule has exactly one implementation.
// Evidence carries the values found AND the thresholds in force with their parameter source.

export type AppliesTo = 'all' | 'notMonitored';

export type LedgerEvent = 'employmentJobLoss';

export interface FeedNeed {
  source: FeedSourceCode;
  item: FeedItemCode;
  /**
   * lookback: inside the data window; toDate: any record up to the period's end (states such as payroll, not events);
   * yearToDate: from 1 January of the period's year (累计 spending); schoolYearToDate: from the start of the school year
   * (education.schoolYearStartMonth); month: the period's own month. Aggregates filter their own dates again: a record
   * kept for one window is seen by all. A year-to-date sum over all of a household's records is a KeptTotal instead.
   */
  window: 'lookback' | 'toDate' | 'yearToDate' | 'schoolYearToDate' | 'month';
  /** Whose records count: the household's active members, or whoever was a member on the record's date (deaths). */
  members?: 'active' | 'atEventDate';
}

export interface RuleContext {
  countyCode: string;
  window: DataWindow;
  params: ResolvedParams;
}

export interface Rule {
  code: WarningCategoryCode;
  nameZh: string;
  nameEn: string;
  /** The formats.md §3 category the rule's warnings belong to. */
  category: WarningCategoryCode;
  riskType: RiskType | null;
  /** notMonitored: households that are not monitoring targets now (none or eliminated); all: every active household. */
  appliesTo: AppliesTo;
  /** Policy parameters the rule reads (their values and sources go into the evidence and onto the run). */
  params: readonly string[];
  feeds: readonly FeedNeed[];
  /**
   * Events another module's ledger defines, added to `fe` as rows of source 'ledger' (item = the event) for the
   * households' active members in the data window: employmentJobLoss (employment/index.ts jobLossSql).
   */
  ledgerEvents?: readonly LedgerEvent[];
  /** Per-household aggregates over `fe` (columns of facts); names must be unique across rules. */
  feedAggregates?(ctx: RuleContext): Record<string, SQL>;
  /** Year-to-date sums several rules read (one definition, computed once), kept on write. */
  keptTotals?: readonly KeptTotal[];
  /** Per-household aggregates over `mb`. */
  memberAggregates?(ctx: RuleContext): Record<string, SQL>;
  /** The members `memberAggregates` look at (a predicate on mb); lets the engine skip the others. */
  memberFilter?: SQL;
  /** The condition on a facts row `f` (appliesTo is added by the engine). */
  when(ctx: RuleContext): SQL;
  /** The jsonb evidence of a facts row `f` for which `when` holds. */
  evidence(ctx: RuleContext): SQL;
  /** SELECT f.id AS household_id, evidence FROM facts f WHERE applies AND when: the rule on its own. */
  select(ctx: RuleContext): SQL;
}

export type RuleSpec = Omit<Rule, 'select'>;

/**
 * The sum of amount_fen of some department items from 1 January of the period's year to its end, over the household's
 * active members (累计 spending), as column `name` of facts. Kept on write per household, item and year in
 * feed_year_total (migration 0029): the engine reads the stored sums for households whose latest event of the year
 * falls inside the period, and sums feed_event for the others (a re-run of an earlier month). Declared once and added
 * once by identity, however many rules read it.
 */
export interface KeptTotal {
  name: string;
  items: readonly { source: FeedSourceCode; item: FeedItemCode }[];
}

export function defineRule(spec: RuleSpec): Rule {
  return {
    ...spec,
    select: (ctx) =>
      sql`SELECT f.id AS household_id, ${spec.evidence(ctx)} AS evidence FROM facts f WHERE ${applies(spec.appliesTo)} AND ${spec.when(ctx)}`,
  };
}

/** The predicate on `facts f` for the households a rule applies to. */
export function applies(appliesTo: AppliesTo): SQL {
  return appliesTo === 'notMonitored' ? sql`f.monitoring_status <> 'monitored'` : sql`true`;
}

// Aggregates stay free of ORDER BY and DISTINCT so that the engine can group by hashing; evidence
// lists are put in a stable order (and de-duplicated) only for the rows that fire, with these.

/** A bigint[] aggregate as a sorted, de-duplicated jsonb array. */
export function idList(column: SQL): SQL {
  return sql`(SELECT coalesce(jsonb_agg(x ORDER BY x), '[]'::jsonb) FROM (SELECT DISTINCT unnest(${column}) AS x) d)`;
}

/** A jsonb array of events ({on, personId, …}) in date order. */
export function eventList(column: SQL): SQL {
  return sql`(SELECT jsonb_agg(e ORDER BY e ->> 'on', (e ->> 'personId')::bigint, e::text) FROM jsonb_array_elements(${column}) e)`;
}

/** A bound text[] of codes, one parameter per element. */
export function textArray(values: readonly string[]): SQL {
  return sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * Per person: a jsonb array of [personId, amountFen] pairs (aggregate over `fe`, FILTER by the caller).
 * `perPersonTotals` / `maxPerPerson` read it on the facts row; no ORDER BY in the aggregate itself.
 */
export function personAmounts(filter: SQL): SQL {
  return sql`jsonb_agg(jsonb_build_array(fe.person_id, coalesce(fe.amount_fen, 0))) FILTER (WHERE ${filter})`;
}

/** The per-person sums of a personAmounts column, as [{personId, fen}] in person order. */
export function perPersonTotals(column: SQL): SQL {
  return sql`(SELECT coalesce(jsonb_agg(jsonb_build_object('personId', p, 'fen', t) ORDER BY p), '[]'::jsonb)
    FROM (SELECT (e ->> 0)::bigint AS p, sum((e ->> 1)::bigint) AS t FROM jsonb_array_elements(${column}) e GROUP BY 1) s)`;
}

/** The largest per-person sum of a personAmounts column (null without records). */
export function maxPerPerson(column: SQL): SQL {
  return sql`(SELECT max(t) FROM (SELECT sum((e ->> 1)::bigint) AS t FROM jsonb_array_elements(${column}) e GROUP BY e ->> 0) s)`;
}

/** A ledger event row in `fe` (Rule.ledgerEvents). */
export function ledgerIs(event: LedgerEvent): SQL {
  return sql`(fe.source = 'ledger' AND fe.item = ${event})`;
}

/** A record of one department item, in `fe`. */
export function feedIs(source: FeedSourceCode, item: FeedItemCode): SQL {
  return sql`(fe.source = ${source} AND fe.item = ${item})`;
}

/** An attribute of a department record, as the feeds module stores it (normalised code or value). */
export function attr(code: FeedAttributeCode): SQL {
  return sql`(fe.attrs ->> ${code})`;
}

/** A numeric parameter in force (fen, ratio, months); a missing one stops the run with a clear message. */
export function numberOf(ctx: RuleContext, key: string): number {
  return numberParam(ctx.params, key);
}

/**
 * The constant part of a rule's evidence, as one bound jsonb parameter: the parameters in force
 * (value and source) and the data window. The rule adds its figures with `||`.
 */
export function constEvidence(ctx: RuleContext, keys: readonly string[], extra: Record<string, unknown> = {}): SQL {
  const params: Record<string, unknown> = {};
  for (const key of keys) {
    const r = ctx.params[key];
    params[key] = r
      ? {
          value: r.value,
          source: r.source,
          scopeCode: r.scopeCode,
          effectiveFrom: r.effectiveFrom,
          year: r.year,
          ...(r.fallbackFromYear ? { fallbackFromYear: r.fallbackFromYear } : {}),
        }
      : null;
  }
  const window = { from: ctx.window.from, to: ctx.window.to };
  return sql`${JSON.stringify({ window, params, ...extra })}::jsonb`;
}
