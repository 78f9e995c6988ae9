import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import { villageAssetIncome } from '../assets/index.ts';
import type { CollectiveEconomyService } from './collective-economy.service.ts';

// Demo 村集体经济: the villages of 龙港镇 (the demo township) with last year's and the year before's income by source;
// photovoltaic income from the asset ledger where it has some, a few villages below the weak line (5万元), and one
// correction so the history shows. Idempotent.

const TOWNSHIP = '140521100';

export async function loadCollectiveEconomyDemo(
  services: { db: Db; collectiveEconomy: CollectiveEconomyService },
  log: (line: string) => void = () => {},
): Promise<void> {
  const { db, collectiveEconomy } = services;
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM collective_income`);
  if (n > 0) return;
  const ctx = systemContext('demo');
  const lastYear = Number(todayInChina().slice(0, 4)) - 1;
  const villages = await queryRows<{ code: string }>(
    db,
    sql`SELECT code FROM org_unit WHERE level = 'village' AND code LIKE ${TOWNSHIP + '%'} AND valid_to IS NULL ORDER BY code`,
  );
  const ledger = await villageAssetIncome(db, '', { orgPrefix: TOWNSHIP, years: [lastYear - 1, lastYear] });
  let entries = 0;
  for (const [i, v] of villages.entries()) {
    for (const year of [lastYear - 1, lastYear]) {
      const l = ledger.find((x) => x.orgCode === v.code && x.year === year);
      // A spread of villages: every fourth one stays below 5万元, the others 6万–20万元.
      const base = i % 4 === 3 ? 1_200_000 + i * 50_000 : 3_000_000 + ((i * 1_700_000) % 9_000_000);
      const growth = year === lastYear ? 1.1 : 1;
      await collectiveEconomy.save(ctx, v.code, year, {
        assetFen: l?.assetFen ?? Math.round(base * 0.2 * growth),
        photovoltaicFen: l?.photovoltaicFen ?? Math.round(base * 0.4 * growth),
        landFen: Math.round(base * 0.25 * growth),
        operationsFen: Math.round(base * 0.1 * growth),
        otherFen: Math.round(base * 0.05 * growth),
        note: l ? '光伏、资产收益取自资产台账' : undefined,
      });
      entries += 1;
    }
  }
  // One correction by the township: the first village's land income was entered short.
  const first = villages[0];
  if (first) {
    const history = await collectiveEconomy.history(ctx, first.code);
    const current = history.entries.find((e) => e.year === lastYear && e.supersededAt === null);
    if (current)
      await collectiveEconomy.save(ctx, first.code, lastYear, {
        assetFen: current.assetFen,
        photovoltaicFen: current.photovoltaicFen,
        landFen: current.landFen + 500_000,
        operationsFen: current.operationsFen,
        otherFen: current.otherFen,
        note: '乡镇审核更正：补录土地发包收入',
      });
  }
  log(`演示村集体经济 / demo collective income: ${villages.length} 个村, ${entries} 条年度记录`);
}
