import { sql } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { PostsService } from './posts.service.ts';

// Demo 公益岗位: in two villages of 龙港镇 with eligible people (东庄村, the demo village officer's, first), a 光伏收益设岗 保洁员
// funded by the village's PV station when the asset ledger has one, and a 护林员; hired from labour-capable
// members of 脱贫户 or monitored households, with last month's attendance and subsidy paid. Idempotent.

const TOWNSHIP = '140521100';

export async function loadPostsDemo(
  services: { db: Db; posts: PostsService },
  log: (line: string) => void = () => {},
): Promise<void> {
  const { db, posts } = services;
  const ctx = systemContext('demo');
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM welfare_post`);
  if (n > 0) return;
  const today = todayInChina();
  const lastMonth = (() => {
    const [y, m] = today.split('-').map(Number);
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  })();
  // Labour-capable members of 脱贫户 or monitored households aged 30–59, 东庄村 first, then other villages of 龙港镇.
  const candidates = await queryRows<{ person_id: number; village_code: string; name: string }>(
    db,
    sql`SELECT p.id AS person_id, h.village_code, o.name FROM person p
      JOIN membership m ON m.person_id = p.id AND m.county_code = p.county_code AND m.valid_to IS NULL
      JOIN household h ON h.id = m.household_id AND h.county_code = m.county_code AND h.closed_on IS NULL
      JOIN org_unit o ON o.code = h.village_code
      WHERE h.village_code LIKE ${TOWNSHIP + '%'} AND (h.kind = 'alleviated' OR h.monitoring_status = 'monitored')
        AND p.labour_skill IN ('ordinary', 'weak', 'skilled')
        AND p.birth_date BETWEEN (${today}::date - interval '59 years') AND (${today}::date - interval '30 years')
      ORDER BY (h.village_code = ${TOWNSHIP + '201'}) DESC, h.village_code, h.id, p.id`,
  );
  const villages = [...new Map(candidates.map((c) => [c.village_code, c.name])).entries()]
    .slice(0, 2)
    .map(([village_code, name]) => ({ village_code, name }));
  let hires = 0;
  for (const v of villages) {
    const [pv] = await queryRows<{ id: number }>(
      db,
      sql`SELECT id FROM asset WHERE org_code = ${v.village_code} AND photovoltaic AND status = 'inUse' ORDER BY id LIMIT 1`,
    );
    const cleaner = await posts.createPost(ctx, {
      orgCode: v.village_code,
      name: `${v.name}保洁员`,
      postType: pv ? 'photovoltaic' : 'cleaner',
      funding: pv ? 'photovoltaic' : 'villageCollective',
      assetId: pv?.id ?? null,
      monthlySubsidyFen: 50_000,
      slots: 2,
    });
    const ranger = await posts.createPost(ctx, {
      orgCode: v.village_code,
      name: `${v.name}护林员`,
      postType: 'forestRanger',
      funding: 'department',
      assetId: null,
      monthlySubsidyFen: 80_000,
      slots: 1,
    });
    const people = candidates.filter((c) => c.village_code === v.village_code);
    const slots = [cleaner.id, cleaner.id, ranger.id];
    for (const person of people) {
      const postId = slots[0];
      if (postId === undefined) break;
      try {
        const hire = await posts.hire(ctx, postId, {
          personId: Number(person.person_id),
          hiredOn: `${Number(today.slice(0, 4)) - 1}-03-01`,
          cadreFamily: false,
        });
        slots.shift();
        hires += 1;
        const subsidy = postId === ranger.id ? 80_000 : 50_000;
        await posts.recordMonth(ctx, hire.id, {
          period: lastMonth,
          daysWorked: 22,
          subsidyFen: subsidy,
          paidOn: `${today.slice(0, 7)}-01`,
        });
      } catch (err) {
        if (!(err instanceof AppError)) throw err; // not eligible (e.g. one post per household): next person
      }
    }
  }
  log(`演示公益岗位 / demo public-welfare posts: ${villages.length * 2} 个岗位, ${hires} 人在岗`);
}
