import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { evaluationCtes, withBatchSettings } from './monitoring.engine.ts';
import { ruleContext } from './monitoring.run.ts';
import { addFeeds, createHousehold, loginCookie } from './monitoring.test-support.ts';

// Issue 17 point 1: the facts read from the tables kept on write equal the same facts taken from their sources,
// household by household, month by month: the year-to-date sums of feed_year_total against feed_event (months before,
// inside and after the records: a later record makes the stored sum unusable for an earlier month; a year boundary;
// amounts missing; a member moved to another household), and the latest two income years of household_income_latest
// against household_income (a later year recorded, a gap between years, a household without income).

const env = useTestApp();
const COUNTY = '140521000000';

interface Row {
  id: number;
  medical: string | null;
  education: string | null;
  income: string;
}

async function facts(period: string, recompute: boolean): Promise<Row[]> {
  const ctx = await ruleContext(env.services.db, COUNTY, period);
  const scope = { countyCode: COUNTY, scopePrefix: COUNTY.slice(0, 6), restriction: { kind: 'all' as const } };
  return withBatchSettings(env.services.db, (tx) =>
    queryRows<Row>(
      tx,
      sql`${evaluationCtes(ctx, scope, { recomputeKeptFacts: recompute })}
        SELECT f.id::int AS id, f.rigid_medical_fen::text AS medical, f.rigid_education_fen::text AS education,
          concat_ws('/', f.inc_year, f.inc_net, f.inc_size, f.inc_payout, f.inc_oop, f.prev_year, f.prev_net, f.prev_size, f.prev_payout, f.prev_oop) AS income
        FROM facts f ORDER BY f.id`,
    ),
  );
}

describe('kept facts against their sources', () => {
  it('agree household by household, month by month', async () => {
    const a = await createHousehold(env);
    const b = await createHousehold(env);
    const c = await createHousehold(env);
    const rec = (personId: number, item: string, on: string, amountFen: number | null) => ({
      personId,
      source: item === 'nonCompulsoryCost' ? 'education' : 'medical',
      item,
      on,
      amountFen,
    });
    await addFeeds(env, [
      rec(a.personIds[0], 'inpatientOutOfPocket', '2024-12-30', 1_000_00),
      rec(a.personIds[0], 'inpatientOutOfPocket', '2025-02-01', 2_000_00),
      rec(a.personIds[1], 'outpatientOutOfPocket', '2025-02-15', 300_00),
      rec(a.personIds[1], 'outpatientOutOfPocket', '2025-05-15', null),
      rec(a.personIds[2], 'nonCompulsoryCost', '2025-09-01', 8_000_00),
      rec(b.personIds[0], 'outpatientOutOfPocket', '2025-04-30', 50_00),
      rec(b.personIds[1], 'outpatientOutOfPocket', '2025-05-01', 70_00),
      rec(c.personIds[0], 'nonCompulsoryCost', '2025-03-03', null),
      rec(c.personIds[1], 'inpatientOutOfPocket', '2026-01-05', 4_000_00),
    ]);
    // a's spouse moves to b: her year-to-date records count for b now (sums are over the active members), not for a.
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/registry/households/${a.id}/members/${a.personIds[1]}/move`,
      headers: { cookie: await loginCookie(env, 'county_admin') },
      payload: { toHouseholdNo: b.householdNo, relationship: 'daughterInLaw', reason: '婚姻迁出' },
    });
    expect(res.statusCode, res.body).toBe(200);

    // Incomes: a has 2024 and 2025 (created with 2025); b gets 2026 (later than most months checked); c has 2023 and
    // 2025 (no year before its latest); a household without any income row.
    const addIncome = (householdId: number, y: number, wage: number) =>
      env.services.db
        .execute(sql`INSERT INTO household_income (county_code, household_id, year, wage_income, insurance_payout, eligible_out_of_pocket, household_size)
        VALUES (${COUNTY}, ${householdId}, ${y}, ${wage}, 10000, 20000, 3)`);
    await addIncome(a.id, 2024, 5_000_000);
    await addIncome(b.id, 2026, 900_000);
    await addIncome(c.id, 2023, 700_000);
    const d = await createHousehold(env);
    await env.services.db.execute(sql`DELETE FROM household_income WHERE household_id = ${d.id}`);

    const seen = new Set<string>();
    const incomes = new Set<string>();
    for (const period of ['2024-12', '2025-01', '2025-02', '2025-04', '2025-05', '2025-09', '2025-12', '2026-01']) {
      const stored = await facts(period, false);
      const recomputed = await facts(period, true);
      expect({ period, rows: stored }).toEqual({ period, rows: recomputed });
      for (const r of stored) {
        seen.add(`${r.medical}/${r.education}`);
        incomes.add(r.income.split('/').length > 5 ? 'two years' : r.income ? 'one year' : 'none');
      }
    }
    // The cases are not vacuous: sums of both kinds, and households without any, were compared.
    expect(seen.has('null/null')).toBe(true);
    expect([...seen].filter((s) => s !== 'null/null').length).toBeGreaterThan(3);
    expect([...incomes].sort()).toEqual(['none', 'one year', 'two years']);
    // In 2025, b's latest year on record (2026) is later: its 2025 row comes from household_income.
    const b2025 = (await facts('2025-06', false)).find((r) => r.id === b.id)!;
    expect(b2025.income.split('/')[0]).toBe('2025');
    // April, with b's records of May stored: b's head on 30 April (50 yuan) and the spouse's February record (300 yuan).
    const late = await facts('2025-04', false);
    expect(late.find((r) => r.id === b.id)).toMatchObject({ id: b.id, medical: '35000', education: null });
    expect(late.find((r) => r.id === a.id)).toMatchObject({ id: a.id, medical: '200000', education: null });
  });
});
