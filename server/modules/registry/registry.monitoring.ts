import { sql } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';

// The household's monitoring fields are the registry's (table `household`); they change only through the
// procedures (registry.mapping.ts refuses edits). A case's 公告 sets them here, in the case's transaction (`tx`),
// next to the registry change it records through `recordChange` (registry.guard.ts).

export interface MonitoringFields {
  monitoringType: string | null;
  riskTypes: string[];
  identificationPeriod: string | null;
  eliminationPeriod: string | null;
  eliminationMode: string | null;
}

/** Sets a household's monitoring fields as a case decided them (identification or elimination), bumping its version. */
export async function setHouseholdMonitoring(tx: Db, id: number, set: MonitoringFields): Promise<void> {
  await tx.execute(sql`UPDATE household SET monitoring_type = ${set.monitoringType},
    risk_types = ${`{${set.riskTypes.join(',')}}`}::text[], identification_period = ${set.identificationPeriod},
    elimination_period = ${set.eliminationPeriod}, elimination_mode = ${set.eliminationMode},
    version = version + 1, updated_at = now() WHERE id = ${id}`);
}
