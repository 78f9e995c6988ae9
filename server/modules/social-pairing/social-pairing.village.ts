import { sql } from 'drizzle-orm';
import type { VillageSection } from '#common/contracts/village-profile.ts';
import { queryRows, type Db } from '#server/db/connect.ts';

// 社会力量帮扶 in the 村情 (cockpit village view): the pairings in force on `asOf` and what they brought in the year.

export async function socialPairingVillageSection(
  db: Db,
  v: { orgCode: string; year: number; asOf: string },
): Promise<VillageSection> {
  const [row] = await queryRows<{
    pairings: number;
    partners: string | null;
    funds: string;
    jobs: number;
    projects: number;
  }>(
    db,
    sql`SELECT count(*)::int AS pairings, string_agg(p.partner_name, '、' ORDER BY p.id) AS partners,
        coalesce((SELECT sum(c.funds_fen) FROM social_pairing_contribution c WHERE c.org_code = ${v.orgCode}
          AND c.contributed_on BETWEEN ${`${v.year}-01-01`}::date AND ${v.asOf}::date), 0)::text AS funds,
        coalesce((SELECT sum(c.jobs) FROM social_pairing_contribution c WHERE c.org_code = ${v.orgCode}
          AND c.contributed_on BETWEEN ${`${v.year}-01-01`}::date AND ${v.asOf}::date), 0)::int AS jobs,
        (SELECT count(*) FROM social_pairing_contribution c WHERE c.org_code = ${v.orgCode} AND c.project_name IS NOT NULL
          AND c.contributed_on BETWEEN ${`${v.year}-01-01`}::date AND ${v.asOf}::date)::int AS projects
      FROM social_pairing p WHERE p.org_code = ${v.orgCode} AND p.started_on <= ${v.asOf}::date
        AND (p.ended_on IS NULL OR p.ended_on >= ${v.asOf}::date)`,
  );
  return {
    key: 'socialPairing',
    titleZh: '社会力量帮扶',
    titleEn: 'Social pairing',
    link: '/social-pairing',
    facts: [
      { key: 'pairings', labelZh: '结对帮扶', labelEn: 'Pairings', value: row.pairings, unitZh: '个', unitEn: '' },
      { key: 'partners', labelZh: '帮扶单位', labelEn: 'Partners', value: row.partners },
      {
        key: 'funds',
        labelZh: `${v.year}年帮扶资金`,
        labelEn: `Funds ${v.year}`,
        value: Number(row.funds) / 10_000 / 100,
        unitZh: '万元',
        unitEn: '10k yuan',
      },
      {
        key: 'projects',
        labelZh: `${v.year}年帮扶项目`,
        labelEn: `Projects ${v.year}`,
        value: row.projects,
        unitZh: '个',
        unitEn: '',
      },
      {
        key: 'jobs',
        labelZh: `${v.year}年提供岗位`,
        labelEn: `Jobs ${v.year}`,
        value: row.jobs,
        unitZh: '个',
        unitEn: '',
      },
    ],
  };
}
