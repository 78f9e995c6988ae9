import { sql } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';

// Read-only queries for notices, the time-limit list, the dynamic-zeroing board and the ledgers.

const scoped = (column: string, scopePrefix: string) =>
  scopePrefix === '' ? sql`true` : sql`${sql.raw(column)} LIKE ${scopePrefix + '%'}`;

export interface NoticeCaseRow {
  id: number;
  head_name: string | null;
  household_size: number;
  monitoring_type: string | null;
  risk_types: string[];
  elimination_mode: string | null;
}

export async function noticeBatch(
  db: Db,
  f: {
    villageCode: string;
    kind: string;
    noticeStartedOn?: string;
    announcedOn?: string | null;
    atAnnouncement?: boolean;
  },
) {
  const cond = f.noticeStartedOn
    ? sql`c.notice_started_on = ${f.noticeStartedOn} AND c.status <> 'closed'`
    : f.announcedOn
      ? sql`c.announced_on = ${f.announcedOn}`
      : sql`c.stage = 'announcement' AND c.status = 'active'`;
  return queryRows<NoticeCaseRow>(
    db,
    sql`SELECT c.id::int AS id,
        (SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code WHERE m.household_id = c.household_id AND m.valid_to IS NULL AND m.relationship = 'head' LIMIT 1) AS head_name,
        (SELECT count(*)::int FROM membership m WHERE m.household_id = c.household_id AND m.valid_to IS NULL) AS household_size,
        c.monitoring_type, c.risk_types, c.elimination_mode
      FROM monitoring_case c
      WHERE c.village_code = ${f.villageCode} AND c.kind = ${f.kind} AND ${cond}
      ORDER BY c.id`,
  );
}

export async function orgNames(db: Db, villageCode: string) {
  const [r] = await queryRows<{
    village: string;
    township: string;
    county: string;
    village_kind: string;
    township_kind: string;
  }>(
    db,
    sql`SELECT v.name AS village, t.name AS township, c.name AS county, v.kind AS village_kind, t.kind AS township_kind
      FROM org_unit v JOIN org_unit t ON t.code = v.parent_code LEFT JOIN org_unit c ON c.code = t.parent_code WHERE v.code = ${villageCode}`,
  );
  return r;
}

export interface DueCaseRow {
  id: number;
  village_code: string;
  village_name: string;
  township_code: string;
  township_name: string;
  household_no: string;
  head_name: string | null;
  stage: string;
  started_on: string;
  decided_on: string | null;
}

export async function activeIdentificationCases(db: Db, scopePrefix: string) {
  return queryRows<DueCaseRow>(
    db,
    sql`SELECT c.id::int AS id, c.village_code, v.name AS village_name, t.code AS township_code, t.name AS township_name,
        h.household_no,
        (SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code WHERE m.household_id = c.household_id AND m.valid_to IS NULL AND m.relationship = 'head' LIMIT 1) AS head_name,
        c.stage, c.started_on::text AS started_on, c.decided_on::text AS decided_on
      FROM monitoring_case c JOIN household h ON h.id = c.household_id AND h.county_code = c.county_code
      JOIN org_unit v ON v.code = c.village_code JOIN org_unit t ON t.code = v.parent_code
      WHERE c.kind = 'identification' AND c.status = 'active' AND c.decided_on IS NULL AND ${scoped('c.village_code', scopePrefix)}
      ORDER BY c.started_on, c.id`,
  );
}

export interface ZeroingVillageRow {
  village_code: string;
  village_name: string;
  township_code: string;
  township_name: string;
  open_clues: number;
  open_without_case: number;
  d0to7: number;
  d8to15: number;
  over15: number;
  clue_overdue: number;
  monitored: number;
  m0to5: number;
  m6to11: number;
  m12plus: number;
  identified_this_month: number;
  eliminated_this_month: number;
}

/**
 * Clue age brackets from the identification time limit (workflow.identificationDays, one source): the first half of
 * the limit, the second half up to the limit (`d0to7` / `d8to15` at the national 15 days), and past it (`over15`).
 */
export function clueAgeBrackets(limitDays: number) {
  const firstHalf = Math.floor(limitDays / 2);
  return { firstHalf, limit: limitDays };
}

/** Per village: open clues by age, monitored households still at risk, this month's identified and eliminated. */
export async function zeroingByVillage(db: Db, scopePrefix: string, today: string, period: string, limitDays: number) {
  const b = clueAgeBrackets(limitDays);
  // Months monitored: from the identification month to this month.
  const months = sql`((${Number(period.slice(0, 4))} * 12 + ${Number(period.slice(5, 7))}) - (substr(h.identification_period, 1, 4)::int * 12 + substr(h.identification_period, 6, 2)::int))`;
  return queryRows<ZeroingVillageRow>(
    db,
    sql`WITH v AS (
        SELECT v.code AS village_code, v.name AS village_name, t.code AS township_code, t.name AS township_name
        FROM org_unit v JOIN org_unit t ON t.code = v.parent_code
        WHERE v.level = 'village' AND v.valid_to IS NULL AND ${scoped('v.code', scopePrefix)}
      ), cl AS (
        SELECT cl.village_code,
          count(*)::int AS open_clues,
          count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM monitoring_case c WHERE c.clue_id = cl.id AND c.status = 'active'))::int AS open_without_case,
          count(*) FILTER (WHERE ${today}::date - (cl.opened_at AT TIME ZONE 'Asia/Shanghai')::date <= ${b.firstHalf})::int AS d0to7,
          count(*) FILTER (WHERE ${today}::date - (cl.opened_at AT TIME ZONE 'Asia/Shanghai')::date > ${b.firstHalf}
            AND ${today}::date - (cl.opened_at AT TIME ZONE 'Asia/Shanghai')::date <= ${b.limit})::int AS d8to15,
          count(*) FILTER (WHERE ${today}::date - (cl.opened_at AT TIME ZONE 'Asia/Shanghai')::date > ${b.limit})::int AS over15,
          count(*) FILTER (WHERE ${today}::date - (cl.opened_at AT TIME ZONE 'Asia/Shanghai')::date > ${limitDays}
            AND NOT EXISTS (SELECT 1 FROM monitoring_case c WHERE c.clue_id = cl.id AND c.decided_on IS NOT NULL))::int AS clue_overdue
        FROM clue cl WHERE cl.status = 'open' AND ${scoped('cl.village_code', scopePrefix)} GROUP BY cl.village_code
      ), hh AS (
        SELECT h.village_code,
          count(*) FILTER (WHERE h.monitoring_status = 'monitored')::int AS monitored,
          count(*) FILTER (WHERE h.monitoring_status = 'monitored' AND ${months} < 6)::int AS m0to5,
          count(*) FILTER (WHERE h.monitoring_status = 'monitored' AND ${months} BETWEEN 6 AND 11)::int AS m6to11,
          count(*) FILTER (WHERE h.monitoring_status = 'monitored' AND (${months} >= 12 OR h.identification_period IS NULL))::int AS m12plus,
          count(*) FILTER (WHERE h.identification_period = ${period})::int AS identified_this_month,
          count(*) FILTER (WHERE h.elimination_period = ${period})::int AS eliminated_this_month
        FROM household h WHERE h.closed_on IS NULL AND h.monitoring_status <> 'none' AND ${scoped('h.village_code', scopePrefix)} GROUP BY h.village_code
      )
      SELECT v.village_code, v.village_name, v.township_code, v.township_name,
        coalesce(cl.open_clues, 0) AS open_clues, coalesce(cl.open_without_case, 0) AS open_without_case,
        coalesce(cl.d0to7, 0) AS d0to7, coalesce(cl.d8to15, 0) AS d8to15, coalesce(cl.over15, 0) AS over15, coalesce(cl.clue_overdue, 0) AS clue_overdue,
        coalesce(hh.monitored, 0) AS monitored, coalesce(hh.m0to5, 0) AS m0to5, coalesce(hh.m6to11, 0) AS m6to11, coalesce(hh.m12plus, 0) AS m12plus, coalesce(hh.identified_this_month, 0) AS identified_this_month, coalesce(hh.eliminated_this_month, 0) AS eliminated_this_month
      FROM v LEFT JOIN cl ON cl.village_code = v.village_code LEFT JOIN hh ON hh.village_code = v.village_code
      ORDER BY v.village_code`,
  );
}

export async function activeStagesByVillage(db: Db, scopePrefix: string) {
  return queryRows<{ village_code: string; kind: string; stage: string; n: number }>(
    db,
    sql`SELECT village_code, kind, stage, count(*)::int AS n FROM monitoring_case WHERE status = 'active' AND ${scoped('village_code', scopePrefix)} GROUP BY 1, 2, 3`,
  );
}

export interface LedgerRow {
  id: number;
  household_no: string;
  township_name: string;
  village_name: string;
  head_name: string | null;
  household_size: number;
  kind: string;
  monitoring_type: string | null;
  risk_types: string[];
  identification_period: string | null;
  elimination_period: string | null;
  elimination_mode: string | null;
  whole_household_no_labour: boolean;
  income_year: number | null;
  net_income: number | null;
  income_size: number | null;
  measures: number;
  housing_unsafe: boolean | null;
  school_dropout: boolean | null;
  medical_uninsured: boolean | null;
  water_safe: boolean | null;
  case_id: number | null;
  natural_reason: string | null;
  snapshot: Record<string, unknown> | null;
}

/** Monitored (or eliminated) households in scope, in pages by id. */
export async function ledgerPage(
  db: Db,
  scopePrefix: string,
  status: 'monitored' | 'eliminated',
  afterId: number,
  limit: number,
) {
  return queryRows<LedgerRow>(
    db,
    sql`SELECT h.id::int AS id, h.household_no, t.name AS township_name, v.name AS village_name,
        (SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code WHERE m.household_id = h.id AND m.valid_to IS NULL AND m.relationship = 'head' LIMIT 1) AS head_name,
        (SELECT count(*)::int FROM membership m WHERE m.household_id = h.id AND m.valid_to IS NULL) AS household_size,
        h.kind, h.monitoring_type, h.risk_types, h.identification_period, h.elimination_period, h.elimination_mode, h.whole_household_no_labour,
        i.year::int AS income_year, i.net_income::float8 AS net_income, i.household_size::int AS income_size,
        (SELECT count(*)::int FROM assistance_measure a WHERE a.household_id = h.id AND a.status <> 'planned') AS measures,
        h.housing_unsafe, h.school_dropout, h.medical_uninsured, h.water_safe,
        ec.id::int AS case_id, ec.natural_reason, ec.data->'snapshot' AS snapshot
      FROM household h
      JOIN org_unit v ON v.code = h.village_code JOIN org_unit t ON t.code = v.parent_code
      LEFT JOIN LATERAL (SELECT * FROM household_income x WHERE x.household_id = h.id ORDER BY x.year DESC LIMIT 1) i ON true
      LEFT JOIN LATERAL (SELECT * FROM monitoring_case c WHERE c.household_id = h.id AND c.kind = 'elimination' AND c.status = 'done' ORDER BY c.id DESC LIMIT 1) ec ON true
      WHERE h.monitoring_status = ${status} AND h.closed_on IS NULL AND h.id > ${afterId} AND ${scoped('h.village_code', scopePrefix)}
      ORDER BY h.id LIMIT ${limit}`,
  );
}

export async function ledgerCount(db: Db, scopePrefix: string, status: 'monitored' | 'eliminated'): Promise<number> {
  const [r] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM household h WHERE h.monitoring_status = ${status} AND h.closed_on IS NULL AND ${scoped('h.village_code', scopePrefix)}`,
  );
  return r.n;
}
