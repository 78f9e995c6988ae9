import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { reachOf } from './assistance.service.ts';
import { countUnpaired } from './pairings.repository.ts';

// Counts the 工作台 (workbench) asks of the assistance module, scoped like every assistance read. The lists its
// cards link to are the service's (`unpaired`: the same where-clause as this count).

/** Monitored households in reach without an active 结对帮扶 cadre (县乡干部与监测对象结对帮扶, 沁发〔2021〕17号). */
export async function unpairedMonitoredCount(db: Db, ctx: RequestContext): Promise<number> {
  requirePermission(ctx, 'assistance:read');
  return countUnpaired(db, reachOf(ctx));
}
