import { sql } from 'drizzle-orm';
import type { VillageSection } from '#common/contracts/village-profile.ts';
import { queryRows, type Db } from '#server/db/connect.ts';

// 积分制 in the 村情 (cockpit village view): the village's points items in use, the households that earned points in
// the year up to `asOf`, the points awarded and redeemed in it.

export async function pointsVillageSection(
  db: Db,
  v: { orgCode: string; year: number; asOf: string },
): Promise<VillageSection> {
  const from = `${v.year}-01-01`;
  const [row] = await queryRows<{ rules: number; households: number; awarded: number; redeemed: number }>(
    db,
    sql`SELECT
        (SELECT count(*) FROM points_rule WHERE org_code = ${v.orgCode} AND active)::int AS rules,
        (SELECT count(DISTINCT household_id) FROM points_award WHERE org_code = ${v.orgCode}
          AND awarded_on BETWEEN ${from}::date AND ${v.asOf}::date)::int AS households,
        (SELECT coalesce(sum(points), 0) FROM points_award WHERE org_code = ${v.orgCode}
          AND awarded_on BETWEEN ${from}::date AND ${v.asOf}::date)::int AS awarded,
        (SELECT coalesce(sum(points), 0) FROM points_redemption WHERE org_code = ${v.orgCode}
          AND redeemed_on BETWEEN ${from}::date AND ${v.asOf}::date)::int AS redeemed`,
  );
  return {
    key: 'points',
    titleZh: '积分制',
    titleEn: 'Points system',
    link: '/village-points',
    facts: [
      { key: 'rules', labelZh: '积分项目', labelEn: 'Points items', value: row.rules, unitZh: '项', unitEn: '' },
      {
        key: 'households',
        labelZh: `${v.year}年得分户`,
        labelEn: `Households ${v.year}`,
        value: row.households,
        unitZh: '户',
        unitEn: '',
      },
      {
        key: 'awarded',
        labelZh: `${v.year}年累计积分`,
        labelEn: `Points ${v.year}`,
        value: row.awarded,
        unitZh: '分',
        unitEn: '',
      },
      {
        key: 'redeemed',
        labelZh: `${v.year}年兑换积分`,
        labelEn: `Redeemed ${v.year}`,
        value: row.redeemed,
        unitZh: '分',
        unitEn: '',
      },
    ],
  };
}
