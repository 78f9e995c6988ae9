import { sql } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { dueDate } from '#common/domain/microloans/rules.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import type { MicroloansService } from './microloans.service.ts';

// Demo 小额信贷: four loans to 脱贫 or monitored households of 龙港镇 (东庄村, the demo village officer's, first):
// one current with a quarter's 贴息 paid, one OVERDUE (due last month, part repaid), one repaid in full, one 展期.
// Dates are relative to the county's day so the overdue one stays overdue. Idempotent.

const TOWNSHIP = '140521100';
const BANK = '沁水县农村商业银行';

/** The day `months` before (negative) or after `day`, clamped to the month's end. */
const shift = (day: string, months: number) => dueDate(day, months);

export async function loadMicroloansDemo(
  services: { db: Db; microloans: MicroloansService },
  log: (line: string) => void = () => {},
): Promise<void> {
  const { db, microloans } = services;
  const ctx = systemContext('demo');
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM micro_loan`);
  if (n > 0) return;
  const today = todayInChina();
  const households = await queryRows<{ id: number }>(
    db,
    sql`SELECT h.id FROM household h
      WHERE h.village_code LIKE ${TOWNSHIP + '%'} AND h.closed_on IS NULL
        AND (h.kind = 'alleviated' OR h.monitoring_status = 'monitored')
      ORDER BY (h.village_code = ${TOWNSHIP + '201'}) DESC, h.village_code, h.id
      LIMIT 4`,
  );
  if (households.length < 4) return;
  const [a, b, c, d] = households.map((h) => Number(h.id));
  const monthStart = `${today.slice(0, 7)}-01`;

  // current: 3 years, 50,000 yuan for breeding, the first quarter's subsidy paid
  const issuedA = shift(monthStart, -8);
  const current = await microloans.create(ctx, {
    householdId: a,
    bank: BANK,
    purpose: 'breeding',
    amountFen: 5_000_000,
    termMonths: 36,
    rateBp: 345,
    issuedOn: issuedA,
  });
  await microloans.paySubsidy(ctx, current.id, { to: shift(issuedA, 3) });

  // overdue: 1 year, 30,000 yuan, due last month, 10,000 repaid
  const issuedB = shift(monthStart, -13);
  const overdue = await microloans.create(ctx, {
    householdId: b,
    bank: '中国邮政储蓄银行沁水县支行',
    purpose: 'planting',
    amountFen: 3_000_000,
    termMonths: 12,
    rateBp: 345,
    issuedOn: issuedB,
  });
  await microloans.repay(ctx, overdue.id, { on: shift(issuedB, 6), amountFen: 1_000_000 });

  // repaid in full
  const issuedC = shift(monthStart, -20);
  const repaid = await microloans.create(ctx, {
    householdId: c,
    bank: BANK,
    purpose: 'trade',
    amountFen: 2_000_000,
    termMonths: 12,
    rateBp: 345,
    issuedOn: issuedC,
  });
  await microloans.repay(ctx, repaid.id, { on: shift(issuedC, 11), amountFen: 2_000_000 });

  // 展期: a 1-year loan that fell due two months ago, extended by a year
  const issuedD = shift(monthStart, -14);
  const extended = await microloans.create(ctx, {
    householdId: d,
    bank: BANK,
    purpose: 'processing',
    amountFen: 4_000_000,
    termMonths: 12,
    rateBp: 345,
    issuedOn: issuedD,
  });
  await microloans.repay(ctx, extended.id, { on: shift(issuedD, 9), amountFen: 1_500_000 });
  await microloans.renew(ctx, extended.id, { kind: 'extension', termMonths: 12 });
  log('演示小额信贷 / demo small loans: 4 笔（含逾期 1 笔、展期 1 笔）');
}
