import type { VillageSection } from '#common/contracts/village-profile.ts';
import type { Db } from '#server/db/connect.ts';

/**
 * One village programme's section of the 村情 (cockpit village view): the module that owns the programme reads its
 * own tables for one village and one year (`asOf`: the China day the current state is read at — today, or the
 * year's last day for a past year). Wired in app.ts.
 */
export type VillageSectionProvider = (
  db: Db,
  village: { orgCode: string; year: number; asOf: string },
) => Promise<VillageSection>;
