import { sql } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import type { InsuranceService } from './insurance.service.ts';

// Demo 防贫保险: this year's policies for up to 80 monitored households and 脱贫户 of 龙港镇 (东庄村 first) (every fifth 脱贫户 left
// out, so the coverage check has something to show), and three claims on the first insured households: one paid (into 理赔收入 of
// this year when the household has this year's income record), one refused, one reported. Idempotent.

const TOWNSHIP = '140521100';
const INSURER = '中国人寿财险沁水支公司';

export async function loadInsuranceDemo(
  services: { db: Db; insurance: InsuranceService },
  log: (line: string) => void = () => {},
): Promise<void> {
  const { db, insurance } = services;
  const ctx = systemContext('demo');
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM insurance_policy`);
  if (n > 0) return;
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const households = await queryRows<{ id: number; monitored: boolean }>(
    db,
    sql`SELECT h.id, (h.monitoring_status = 'monitored') AS monitored FROM household h
      WHERE h.village_code LIKE ${TOWNSHIP + '%'} AND h.closed_on IS NULL
        AND (h.kind = 'alleviated' OR h.monitoring_status = 'monitored')
      ORDER BY (h.village_code = ${TOWNSHIP + '201'}) DESC, h.village_code, h.id LIMIT 80`,
  );
  let insured = 0;
  const insuredIds: number[] = [];
  for (const [i, h] of households.entries()) {
    if (!h.monitored && i % 5 === 4) continue;
    await insurance.insure(ctx, { householdId: Number(h.id), year, insurer: INSURER, premiumFen: 10_000 });
    insured += 1;
    insuredIds.push(Number(h.id));
  }
  // mid-January report, paid 1 February (today at the latest: the demo loads on any day of the year)
  const jan = [`${year}-01-15`, today].sort()[0];
  const feb = [`${year}-02-01`, today].sort()[0];
  const plan = [
    { cause: 'illness' as const, amountFen: 300_000, decide: 'paid' as const },
    { cause: 'accident' as const, amountFen: 120_000, decide: 'refused' as const },
    { cause: 'disaster' as const, amountFen: 80_000, decide: null },
  ];
  let claims = 0;
  for (const [i, p] of plan.entries()) {
    const householdId = insuredIds[i];
    if (householdId === undefined) break;
    try {
      const claim = await insurance.report(ctx, {
        householdId,
        cause: p.cause,
        claimedOn: jan,
        amountFen: p.amountFen,
      });
      claims += 1;
      // whatever 理赔收入 the demo income holds was typed in for other payments: this one is not in it
      if (p.decide === 'paid')
        await insurance.decide(ctx, claim.id, {
          to: 'paid',
          paidOn: feb,
          amountFen: p.amountFen,
          alreadyInIncome: false,
        });
      if (p.decide === 'refused') await insurance.decide(ctx, claim.id, { to: 'refused', note: '不属于保险责任范围' });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  log(`演示防贫保险 / demo anti-poverty insurance: ${insured} 户参保, ${claims} 笔理赔`);
}
