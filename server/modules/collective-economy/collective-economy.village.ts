import type { VillageSection } from '#common/contracts/village-profile.ts';
import type { Db } from '#server/db/connect.ts';
import { villageTotals } from './collective-economy.repository.ts';

// 村集体经济 in the 村情 (cockpit village view): the village's current collective income of the year and the year
// before (万元); nothing entered reads as "not entered", never as 0.

export async function collectiveVillageSection(
  db: Db,
  v: { orgCode: string; year: number; asOf: string },
): Promise<VillageSection> {
  const [now, before] = await Promise.all([
    villageTotals(db, v.orgCode, v.year),
    villageTotals(db, v.orgCode, v.year - 1),
  ]);
  const wan = (m: Map<string, number>) => (m.has(v.orgCode) ? m.get(v.orgCode)! / 10_000 / 100 : null);
  return {
    key: 'collective',
    titleZh: '村集体经济',
    titleEn: 'Collective economy',
    link: '/collective-economy',
    facts: [
      {
        key: 'income',
        labelZh: `${v.year}年集体经济收入`,
        labelEn: `Income ${v.year}`,
        value: wan(now),
        unitZh: '万元',
        unitEn: '10k yuan',
      },
      {
        key: 'incomeBefore',
        labelZh: `${v.year - 1}年集体经济收入`,
        labelEn: `Income ${v.year - 1}`,
        value: wan(before),
        unitZh: '万元',
        unitEn: '10k yuan',
      },
    ],
  };
}
