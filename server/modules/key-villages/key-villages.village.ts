import { sql } from 'drizzle-orm';
import type { VillageSection } from '#common/contracts/village-profile.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import { queryRows, type Db } from '#server/db/connect.ts';

// 重点帮扶村/示范村 in the 村情 (cockpit village view): what the county's decision in force on `asOf` says of the
// village (the latest by year, date and record, as the module decides), and the village's sheet of the year.

export async function keyVillageVillageSection(
  db: Db,
  v: { orgCode: string; year: number; asOf: string },
): Promise<VillageSection> {
  const [decision] = await queryRows<{ doc_no: string; decided_on: string; kind: string | null; rank: number | null }>(
    db,
    sql`SELECT d.doc_no, d.decided_on::text, i.kind, i.rank FROM key_village_decision d
      LEFT JOIN key_village_decision_item i ON i.decision_id = d.id AND i.org_code = ${v.orgCode}
      WHERE d.county_code = ${countyCodeOf(v.orgCode)} AND d.decided_on <= ${v.asOf}::date
      ORDER BY d.year DESC, d.decided_on DESC, d.id DESC LIMIT 1`,
  );
  const [sheet] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM key_village_score WHERE org_code = ${v.orgCode} AND year = ${v.year}`,
  );
  const status = !decision
    ? null
    : decision.kind === 'key'
      ? '重点帮扶村'
      : decision.kind === 'demo'
        ? '示范村'
        : '未列入';
  return {
    key: 'keyVillage',
    titleZh: '重点帮扶村/示范村',
    titleEn: 'Key and demonstration villages',
    link: '/key-villages',
    facts: [
      { key: 'status', labelZh: '现行认定', labelEn: 'Decision in force', value: status },
      {
        key: 'decision',
        labelZh: '认定文号',
        labelEn: 'Decision',
        value: decision ? `${decision.doc_no}（${decision.decided_on}）` : null,
      },
      { key: 'rank', labelZh: '认定时排名', labelEn: 'Rank when decided', value: decision?.rank ?? null },
      {
        key: 'sheet',
        labelZh: `${v.year}年评分表`,
        labelEn: `Sheet ${v.year}`,
        value: sheet.n > 0 ? '已评分' : null,
      },
    ],
  };
}
