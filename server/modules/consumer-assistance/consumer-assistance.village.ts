import { sql } from 'drizzle-orm';
import type { VillageSection } from '#common/contracts/village-profile.ts';
import { queryRows, type Db } from '#server/db/connect.ts';

// 消费帮扶 in the 村情 (cockpit village view): the village's open 专馆/专区/专柜 on `asOf`, its products, and the
// year's sales up to `asOf`'s month.

export async function consumerVillageSection(
  db: Db,
  v: { orgCode: string; year: number; asOf: string },
): Promise<VillageSection> {
  const [row] = await queryRows<{ outlets: number; products: number; sales: string }>(
    db,
    sql`SELECT
        (SELECT count(*) FROM consumer_outlet o WHERE o.org_code = ${v.orgCode}
          AND (o.closed_on IS NULL OR o.closed_on > ${v.asOf}::date))::int AS outlets,
        (SELECT count(*) FROM consumer_product p WHERE p.org_code = ${v.orgCode})::int AS products,
        (SELECT coalesce(sum(s.amount_fen), 0) FROM consumer_sale s WHERE s.org_code = ${v.orgCode}
          AND s.period BETWEEN ${`${v.year}-01`} AND ${v.asOf.slice(0, 7)})::text AS sales`,
  );
  return {
    key: 'consumer',
    titleZh: '消费帮扶',
    titleEn: 'Consumer assistance',
    link: '/consumer-assistance',
    facts: [
      { key: 'outlets', labelZh: '专馆/专区/专柜', labelEn: 'Outlets', value: row.outlets, unitZh: '个', unitEn: '' },
      { key: 'products', labelZh: '帮扶产品', labelEn: 'Products', value: row.products, unitZh: '种', unitEn: '' },
      {
        key: 'sales',
        labelZh: `${v.year}年销售额`,
        labelEn: `Sales ${v.year}`,
        value: Number(row.sales) / 10_000 / 100,
        unitZh: '万元',
        unitEn: '10k yuan',
      },
    ],
  };
}
