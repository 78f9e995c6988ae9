import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import type { ConsumerAssistanceService } from './consumer-assistance.service.ts';

// Demo 消费帮扶: a county 专馆 and an online one (832 platform), a 专区 and four 专柜 (one closed) in 龙港镇; products
// from two 脱贫户 (or monitored households) of 龙港镇, 东庄村 first, and two cooperatives; sales for the last three months. Idempotent.

const COUNTY = '140521000000';
const TOWNSHIP = '140521100000';
const VILLAGE = '140521100201';

function monthsBack(today: string, n: number): string[] {
  const [y, m] = today.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

export async function loadConsumerAssistanceDemo(
  services: { db: Db; consumerAssistance: ConsumerAssistanceService },
  log: (line: string) => void = () => {},
): Promise<void> {
  const { db, consumerAssistance: svc } = services;
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM consumer_outlet`);
  if (n > 0) return;
  const ctx = systemContext('demo');
  const today = todayInChina();
  const opened = `${Number(today.slice(0, 4)) - 2}-04-01`;
  const outlets = [
    await svc.createOutlet(ctx, {
      orgCode: COUNTY,
      kind: 'pavilion',
      channel: 'offline',
      name: '沁水县消费帮扶产品展销馆',
      location: '龙港镇沁河西街（县城）',
      operator: '沁水县供销合作社',
      openedOn: opened,
    }),
    await svc.createOutlet(ctx, {
      orgCode: COUNTY,
      kind: 'pavilion',
      channel: 'online',
      name: '“832”平台沁水馆',
      location: '脱贫地区农副产品网络销售平台',
      operator: '沁水县乡村振兴局',
      openedOn: opened,
    }),
    await svc.createOutlet(ctx, {
      orgCode: TOWNSHIP,
      kind: 'zone',
      channel: 'offline',
      name: '龙港镇农贸市场消费帮扶专区',
      location: '龙港镇农贸市场一层',
      operator: '龙港镇人民政府',
      openedOn: opened,
    }),
    await svc.createOutlet(ctx, {
      orgCode: TOWNSHIP,
      kind: 'counter',
      channel: 'offline',
      name: '县医院职工食堂消费帮扶专柜',
      location: '沁水县人民医院',
      operator: '沁水县人民医院工会',
      openedOn: opened,
    }),
    await svc.createOutlet(ctx, {
      orgCode: VILLAGE,
      kind: 'counter',
      channel: 'offline',
      name: '东庄村便民超市专柜',
      location: '东庄村村委会旁',
      operator: '东庄村股份经济合作社',
      openedOn: opened,
    }),
    await svc.createOutlet(ctx, {
      orgCode: TOWNSHIP,
      kind: 'counter',
      channel: 'offline',
      name: '龙港镇爱心超市专柜',
      location: '龙港镇政府院内',
      operator: '龙港镇爱心超市',
      openedOn: opened,
    }),
  ];
  const closing = await svc.createOutlet(ctx, {
    orgCode: TOWNSHIP,
    kind: 'counter',
    channel: 'offline',
    name: '龙港镇车站专柜',
    location: '沁水汽车站候车厅',
    operator: '个体经营户',
    openedOn: opened,
  });
  await svc.closeOutlet(ctx, closing.id, {
    closedOn: `${Number(today.slice(0, 4)) - 1}-06-30`,
    note: '车站改造，专柜撤销',
  });

  const households = await queryRows<{ id: number }>(
    db,
    sql`SELECT id FROM household
      WHERE village_code LIKE ${TOWNSHIP.slice(0, 9) + '%'} AND closed_on IS NULL
        AND (kind = 'alleviated' OR monitoring_status = 'monitored')
      ORDER BY (village_code = ${VILLAGE}) DESC, id LIMIT 2`,
  );
  const products = [
    await svc.createProduct(ctx, {
      name: '沁州黄小米',
      category: 'grain',
      supplierKind: 'cooperative',
      supplierName: '龙港镇杂粮种植专业合作社',
      orgCode: TOWNSHIP,
    }),
    await svc.createProduct(ctx, {
      name: '沁水黑山羊肉',
      category: 'livestock',
      supplierKind: 'cooperative',
      supplierName: '东庄村养殖专业合作社',
      orgCode: VILLAGE,
    }),
  ];
  const homeProducts = ['土蜂蜜', '核桃'];
  for (const [i, h] of households.entries())
    products.push(
      await svc.createProduct(ctx, {
        name: homeProducts[i] ?? '山货',
        category: 'mountain',
        supplierKind: 'household',
        householdId: Number(h.id),
      }),
    );
  let sales = 0;
  for (const [m, period] of monthsBack(today, 3).entries())
    for (const [i, outlet] of outlets.entries())
      for (const [j, product] of products.entries()) {
        if ((i + j) % 2 === 1) continue;
        await svc.recordSale(ctx, {
          outletId: outlet.id,
          productId: product.id,
          period,
          amountFen: 150_000 + i * 40_000 + j * 25_000 + m * 10_000,
        });
        sales += 1;
      }
  log(
    `演示消费帮扶 / demo consumer assistance: ${outlets.length + 1} 个网点, ${products.length} 种产品, ${sales} 条月度销售`,
  );
}
