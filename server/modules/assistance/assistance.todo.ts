import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { queryRows } from '../../db/connect.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { reachOf } from './assistance.service.ts';
import { reachOf as reachSql } from './assistance.repository.ts';

// Counts the 工作台 (workbench) asks of the assistance module, scoped like every assistance read, and the lists
// its cards link to (one where-clause for the count and the list).

/** Monitored households in reach without an active 结对帮扶 cadre (县乡干部与监测对象结对帮扶, 沁发〔2021〕17号). */
function unpairedWhere(ctx: RequestContext): SQL {
  return sql`h.monitoring_status = 'monitored' AND h.closed_on IS NULL AND ${reachSql(sql`h.id`, sql`h.village_code`, reachOf(ctx))}
    AND NOT EXISTS (SELECT 1 FROM cadre_pairing cp WHERE cp.household_id = h.id AND cp.end_on IS NULL)`;
}

export async function unpairedMonitoredCount(db: Db, ctx: RequestContext): Promise<number> {
  requirePermission(ctx, 'assistance:read');
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM household h WHERE ${unpairedWhere(ctx)}`,
  );
  return row?.n ?? 0;
}

export interface UnpairedRow {
  householdId: number;
  householdNo: string;
  headName: string | null;
  villageCode: string;
  villageName: string | null;
  townshipName: string | null;
  identificationPeriod: string | null;
}

/** The households `unpairedMonitoredCount` counts, by village and household number, with the total. */
export async function unpairedMonitored(db: Db, ctx: RequestContext): Promise<{ items: UnpairedRow[]; total: number }> {
  requirePermission(ctx, 'assistance:read');
  const items = await queryRows<UnpairedRow>(
    db,
    sql`SELECT h.id::int AS "householdId", h.household_no AS "householdNo",
        (SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id
          WHERE m.household_id = h.id AND m.valid_to IS NULL AND m.relationship = 'head' LIMIT 1) AS "headName",
        h.village_code AS "villageCode", v.name AS "villageName", t.name AS "townshipName",
        h.identification_period AS "identificationPeriod"
      FROM household h LEFT JOIN org_unit v ON v.code = h.village_code LEFT JOIN org_unit t ON t.code = v.parent_code
      WHERE ${unpairedWhere(ctx)} ORDER BY h.village_code, h.household_no`,
  );
  return { items, total: items.length };
}
