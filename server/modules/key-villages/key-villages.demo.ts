import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { keyVillageScores } from '#server/db/schema/key-villages.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import { recordAudit } from '../audit/index.ts';
import type { KeyVillagesService } from './key-villages.service.ts';

// Demo 重点帮扶村 and 示范村 (synthetic, deterministic): last year's hand scores of the county's current villages (the
// last two of 龙港镇 left unscored, so the sheet shows 缺项), and the county's decision of last year: the six neediest
// villages of the ranking as 重点帮扶村 plus 东庄村 (where the demo resident team works), the two best-placed as 示范村.
// The decision replaces the synthetic KEY_VILLAGE group of seedDemoGroups. Idempotent.

const EAST_VILLAGE = '140521100201';

export async function loadKeyVillagesDemo(
  services: { db: Db; keyVillages: KeyVillagesService },
  log: (line: string) => void = () => {},
): Promise<void> {
  const { db, keyVillages } = services;
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM key_village_decision`);
  if (n > 0) return;
  const ctx = systemContext('demo');
  const year = Number(todayInChina().slice(0, 4)) - 1;
  const villages = await queryRows<{ code: string; county_code: string }>(
    db,
    sql`SELECT code, county_code FROM org_unit WHERE level = 'village' AND valid_to IS NULL AND code LIKE '140521%' ORDER BY code`,
  );
  const longgang = villages.filter((v) => v.code.startsWith('140521100')).map((v) => v.code);
  const unscored = new Set(longgang.slice(-2));
  const rows = villages
    .filter((v) => !unscored.has(v.code))
    .map((v, i) => ({
      countyCode: v.county_code,
      orgCode: v.code,
      year,
      location: 30 + ((i * 37) % 61),
      publicService: 35 + ((i * 53) % 56),
      infrastructure: 30 + ((i * 29) % 66),
      resources: 25 + ((i * 41) % 71),
      note: '演示评分',
    }));
  await db.transaction(async (tx) => {
    if (rows.length) await tx.insert(keyVillageScores).values(rows).onConflictDoNothing();
    await recordAudit(tx, ctx, {
      action: 'seed',
      entity: 'key_village_score',
      after: { year, villages: rows.length },
    });
  });
  const sheet = await keyVillages.list(ctx, { year, page: 1, pageSize: 200, sort: 'rank', order: 'asc' });
  const ranked = sheet.items.filter((r) => r.rank !== null);
  const key = ranked.slice(0, 6).map((r) => r.orgCode);
  if (!key.includes(EAST_VILLAGE) && villages.some((v) => v.code === EAST_VILLAGE)) key.push(EAST_VILLAGE);
  const demo = ranked
    .slice(-2)
    .map((r) => r.orgCode)
    .filter((c) => !key.includes(c));
  const decided = await keyVillages.decide(ctx, {
    year,
    docNo: `沁乡振发〔${year}〕8号`,
    decidedOn: `${year}-03-15`,
    keyVillages: key,
    demoVillages: demo,
    note: '按评分排序确定，东庄村结合驻村帮扶情况增列',
  });
  log(
    `演示重点帮扶村 / demo key villages: ${rows.length} 个村评分, ${decided.keyCount} 个重点帮扶村, ${decided.demoCount} 个示范村`,
  );
}
