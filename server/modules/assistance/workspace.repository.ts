import { sql } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { labourList, reachOf, type Reach } from './assistance.reach.ts';

// Reads of the household tab and the cadre workspace: household facts, visits, a cadre's paired households.

export async function householdFacts(db: Db, r: Reach, id: number) {
  const [row] = await queryRows<{
    id: number;
    household_no: string;
    county_code: string;
    village_code: string;
    village_name: string | null;
    monitoring_status: string;
    monitoring_type: string | null;
    identification_period: string | null;
    elimination_period: string | null;
    risk_types: string[];
    whole_household_no_labour: boolean;
    head_name: string | null;
    labour_capable: number;
  }>(
    db,
    sql`SELECT h.id, h.household_no, h.county_code, h.village_code, v.name AS village_name, h.monitoring_status, h.monitoring_type,
        h.identification_period, h.elimination_period, h.risk_types, h.whole_household_no_labour,
        (SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code WHERE m.household_id = h.id AND m.valid_to IS NULL AND m.relationship = 'head') AS head_name,
        (SELECT count(*)::int FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code WHERE m.household_id = h.id AND m.valid_to IS NULL AND p.labour_skill IN (${labourList})) AS labour_capable
      FROM household h LEFT JOIN org_unit v ON v.code = h.village_code
      WHERE h.id = ${id} AND ${reachOf(sql`h.id`, sql`h.village_code`, r)}`,
  );
  return row;
}

export async function visitsOfHousehold(db: Db, householdId: number, limit = 20) {
  return queryRows<{
    id: number;
    visited_on: string;
    visitor_name: string;
    findings: string;
    risk_found: boolean;
    risk_types: string[];
  }>(
    db,
    sql`SELECT id, visited_on::text, visitor_name, findings, risk_found, risk_types FROM visit WHERE household_id = ${householdId} ORDER BY visited_on DESC, id DESC LIMIT ${limit}`,
  );
}

/** A cadre's paired households with their last visit (by anyone), open clues and risks. */
export async function workspaceHouseholds(db: Db, cadreUserId: number) {
  return queryRows<{
    household_id: number;
    household_no: string;
    head_name: string | null;
    village_name: string | null;
    monitoring_status: string;
    kind: string;
    risk_types: string[];
    open_clues: number;
    last_visit_on: string | null;
    paired_since: string;
  }>(
    db,
    sql`SELECT h.id AS household_id, h.household_no, v.name AS village_name, h.monitoring_status, h.kind, h.risk_types, cp.start_on::text AS paired_since,
        (SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code WHERE m.household_id = h.id AND m.valid_to IS NULL AND m.relationship = 'head') AS head_name,
        (SELECT count(*)::int FROM clue c WHERE c.household_id = h.id AND c.status = 'open') AS open_clues,
        (SELECT max(vi.visited_on)::text FROM visit vi WHERE vi.household_id = h.id) AS last_visit_on
      FROM cadre_pairing cp JOIN household h ON h.id = cp.household_id AND h.county_code = cp.county_code LEFT JOIN org_unit v ON v.code = h.village_code
      WHERE cp.cadre_user_id = ${cadreUserId} AND cp.end_on IS NULL
      ORDER BY h.household_no`,
  );
}

export async function recentVisitsBy(db: Db, cadreUserId: number, limit = 10) {
  return queryRows<{
    id: number;
    household_id: number;
    household_no: string;
    visited_on: string;
    findings: string;
    risk_found: boolean;
  }>(
    db,
    sql`SELECT vi.id, vi.household_id, h.household_no, vi.visited_on::text, vi.findings, vi.risk_found
      FROM visit vi JOIN household h ON h.id = vi.household_id AND h.county_code = vi.county_code WHERE vi.visitor_id = ${cadreUserId} ORDER BY vi.visited_on DESC, vi.id DESC LIMIT ${limit}`,
  );
}
