import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { systemContext } from '#server/lib/context.ts';
import type { RelocationService } from './relocation.service.ts';

// Demo 易地扶贫搬迁: one 安置点 in 东庄村 (龙港镇, the demo village officer's village) and a few households relocated
// into it — the first 脱贫/monitored labour households of 龙港镇 (those the employment demo gives jobs, so some meet
// the check) and one labour household without any job record, so the list of those short of stable employment is
// never empty. Run after the employment demo; deterministic (households by id) and run once.

const TOWNSHIP = '140521100';
const SITE_VILLAGE = '140521100201';

export async function loadRelocationDemo(
  services: { db: Db; relocation: RelocationService },
  log: (line: string) => void = () => {},
): Promise<void> {
  const { db, relocation } = services;
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM relocation_site`);
  if (n > 0) return;
  const labour = sql`EXISTS (SELECT 1 FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
    WHERE m.household_id = h.id AND m.valid_to IS NULL AND p.labour_skill IN ('skilled', 'ordinary', 'weak'))`;
  const base = sql`h.village_code LIKE ${TOWNSHIP + '%'} AND h.closed_on IS NULL
    AND (h.kind = 'alleviated' OR h.monitoring_status = 'monitored') AND ${labour}`;
  const first = await queryRows<{ id: number }>(
    db,
    sql`SELECT h.id FROM household h WHERE ${base} ORDER BY h.id LIMIT 3`,
  );
  const [jobless] = await queryRows<{ id: number }>(
    db,
    sql`SELECT h.id FROM household h WHERE ${base} AND NOT EXISTS (SELECT 1 FROM membership m JOIN employment_record e
      ON e.person_id = m.person_id AND e.county_code = m.county_code WHERE m.household_id = h.id AND m.valid_to IS NULL) ORDER BY h.id LIMIT 1`,
  );
  const households = [...new Set([...first, ...(jobless ? [jobless] : [])].map((h) => Number(h.id)))];
  if (households.length === 0) return;
  const ctx = systemContext('demo');
  const site = await relocation.createSite(ctx, {
    orgCode: SITE_VILLAGE,
    name: '龙港镇东庄移民新村安置点',
    plannedHouseholds: 86,
    plannedPeople: 292,
    completedOn: '2019-09-30',
    note: '“十三五”易地扶贫搬迁集中安置点',
  });
  for (const [i, householdId] of households.entries())
    await relocation.addRelocated(ctx, {
      householdId,
      siteId: site.id,
      movedOn: i % 2 === 0 ? '2019-11-15' : '2020-03-20',
    });
  log(`演示易地搬迁 / demo relocation: 1 个安置点、${households.length} 户搬迁户`);
}
