import { sql } from 'drizzle-orm';
import type { VillageSection } from '#common/contracts/village-profile.ts';
import { queryRows, type Db } from '#server/db/connect.ts';

// 涉贫舆情与信访 in the 村情 (cockpit village view): the year's 信访 and 舆情 of the village, those still open and those
// open past their deadline on `asOf`, and whether it is a 零上访村 (no 信访 received in the year: the module's reading).

export async function petitionsVillageSection(
  db: Db,
  v: { orgCode: string; year: number; asOf: string },
): Promise<VillageSection> {
  const [row] = await queryRows<{ petitions: number; opinion: number; open: number; overdue: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE kind = 'petition')::int AS petitions,
        count(*) FILTER (WHERE kind = 'publicOpinion')::int AS opinion,
        count(*) FILTER (WHERE closed_on IS NULL OR closed_on > ${v.asOf}::date)::int AS open,
        count(*) FILTER (WHERE (closed_on IS NULL OR closed_on > ${v.asOf}::date) AND deadline_on < ${v.asOf}::date)::int AS overdue
      FROM petition_event WHERE org_code = ${v.orgCode}
        AND received_on BETWEEN ${`${v.year}-01-01`}::date AND ${v.asOf}::date`,
  );
  return {
    key: 'petitions',
    titleZh: '涉贫舆情与信访',
    titleEn: 'Petitions and public opinion',
    link: '/petitions',
    facts: [
      {
        key: 'zero',
        labelZh: '零上访村',
        labelEn: 'No petitions this year',
        value: row.petitions === 0 ? '是' : '否',
        tone: row.petitions === 0 ? 'ok' : 'warn',
      },
      {
        key: 'petitions',
        labelZh: `${v.year}年信访`,
        labelEn: `Petitions ${v.year}`,
        value: row.petitions,
        unitZh: '件',
        unitEn: '',
      },
      {
        key: 'opinion',
        labelZh: `${v.year}年舆情`,
        labelEn: `Public opinion ${v.year}`,
        value: row.opinion,
        unitZh: '件',
        unitEn: '',
      },
      { key: 'open', labelZh: '未办结', labelEn: 'Open', value: row.open, unitZh: '件', unitEn: '' },
      {
        key: 'overdue',
        labelZh: '逾期未办结',
        labelEn: 'Overdue',
        value: row.overdue,
        unitZh: '件',
        unitEn: '',
        tone: row.overdue > 0 ? 'warn' : undefined,
      },
    ],
  };
}
