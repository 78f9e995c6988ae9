import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { queryRows } from '../../db/connect.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { reachOf } from './assistance.service.ts';
import { reachOf as reachSql } from './assistance.repository.ts';

// Counts the 工作台 (workbench) asks of the assistance module, scoped like every assistance read.

/** Monitored households in reach without an active 结对帮扶 cadre (县乡干部与监测对象结对帮扶, 沁发〔2021〕17号). */
export async function unpairedMonitoredCount(db: Db, ctx: RequestContext): Promise<number> {
  requirePermission(ctx, 'assistance:read');
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM household h
      WHERE h.monitoring_status = 'monitored' AND ${reachSql(sql`h.id`, sql`h.village_code`, reachOf(ctx))}
        AND NOT EXISTS (SELECT 1 FROM cadre_pairing cp WHERE cp.household_id = h.id AND cp.end_on IS NULL)`,
  );
  return row?.n ?? 0;
}
