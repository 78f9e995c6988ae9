import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/connect.ts';
import { systemContext } from '../../lib/context.ts';
import { todayInChina } from '../../lib/clock.ts';
import type { SocialAssistanceService } from './social-assistance.service.ts';

// Demo 兜底保障 entries, so that the household page shows what members receive beyond the registry's 低保/特困 flags:
// 医保参保资助 for the members of the first two monitored households, and 残疾人两项补贴 for a few members of 脱贫/monitored
// households holding a disability record (残联); 龙港镇 first, then the rest of the county. Amounts
// are left empty (the county's amounts are not in the plan). Deterministic (people by id) and run once.

const TOWNSHIP = '140521100';

export async function loadSocialAssistanceDemo(
  services: { db: Db; socialAssistance: SocialAssistanceService },
  log: (line: string) => void = () => {},
): Promise<void> {
  const { db, socialAssistance } = services;
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM social_benefit`);
  if (n > 0) return;
  const ctx = systemContext('demo');
  const year = todayInChina().slice(0, 4);
  const insured = await queryRows<{ person_id: number }>(
    db,
    sql`SELECT m.person_id FROM household h JOIN membership m ON m.household_id = h.id AND m.valid_to IS NULL
      WHERE h.id IN (SELECT id FROM household WHERE closed_on IS NULL AND monitoring_status = 'monitored'
        ORDER BY (village_code LIKE ${TOWNSHIP + '%'}) DESC, id LIMIT 2)
      ORDER BY m.person_id`,
  );
  const disabled = await queryRows<{ person_id: number }>(
    db,
    sql`SELECT p.id AS person_id FROM person p JOIN membership m ON m.person_id = p.id AND m.valid_to IS NULL
      JOIN household h ON h.id = m.household_id AND h.closed_on IS NULL
      WHERE (h.kind = 'alleviated' OR h.monitoring_status = 'monitored') AND p.disability_category IS NOT NULL
      ORDER BY (h.village_code LIKE ${TOWNSHIP + '%'}) DESC, p.id LIMIT 5`,
  );
  let entries = 0;
  for (const p of insured) {
    await socialAssistance.addBenefit(ctx, {
      personId: Number(p.person_id),
      kind: 'medicalPremium',
      startOn: `${year}-01-01`,
      department: '县医疗保障局',
    });
    entries++;
  }
  for (const p of disabled) {
    await socialAssistance.addBenefit(ctx, {
      personId: Number(p.person_id),
      kind: 'disabilityAllowance',
      startOn: `${Number(year) - 1}-07-01`,
      department: '县残疾人联合会',
    });
    entries++;
  }
  log(`演示兜底保障登记 / demo social benefits: ${entries}`);
}
