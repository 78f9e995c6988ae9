import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { evaluationCtes, withBatchSettings } from './monitoring.engine.ts';
import { ruleContext } from './monitoring.run.ts';
import { addFeeds, createHousehold, loginCookie } from './monitoring.test-support.ts';

// Issue 17 point 1: the year-to-date sums read from feed_year_total (kept on write) equal the same sums taken from
// feed_event, household by household, for months before, inside and after the records (a later record makes the
// household's stored sum unusable for an earlier month), across a year boundary, with amounts missing, and after a
// member moved to another household.

const env = useTestApp();
const COUNTY = '140521000000';

interface Row {
  id: number;
  medical: string | null;
  education: string | null;
}

async function facts(period: string, recompute: boolean): Promise<Row[]> {
  const ctx = await ruleContext(env.services.db, COUNTY, period);
  const scope = { countyCode: COUNTY, scopePrefix: COUNTY.slice(0, 6), restriction: { kind: 'all' as const } };
  return withBatchSettings(env.services.db, (tx) =>
    queryRows<Row>(
      tx,
      sql`${evaluationCtes(ctx, scope, { recomputeKeptTotals: recompute })}
        SELECT f.id::int AS id, f.rigid_medical_fen::text AS medical, f.rigid_education_fen::text AS education FROM facts f ORDER BY f.id`,
    ),
  );
}

describe('kept totals (feed_year_total) against feed_event', () => {
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

    const seen = new Set<string>();
    for (const period of ['2024-12', '2025-01', '2025-02', '2025-04', '2025-05', '2025-09', '2025-12', '2026-01']) {
      const stored = await facts(period, false);
      const recomputed = await facts(period, true);
      expect({ period, rows: stored }).toEqual({ period, rows: recomputed });
      for (const r of stored) seen.add(`${r.medical}/${r.education}`);
    }
    // The cases are not vacuous: sums of both kinds, and households without any, were compared.
    expect(seen.has('null/null')).toBe(true);
    expect([...seen].filter((s) => s !== 'null/null').length).toBeGreaterThan(3);
    // April, with b's records of May stored: b's head on 30 April (50 yuan) and the spouse's February record (300 yuan).
    const late = await facts('2025-04', false);
    expect(late.find((r) => r.id === b.id)).toEqual({ id: b.id, medical: '35000', education: null });
    expect(late.find((r) => r.id === a.id)).toEqual({ id: a.id, medical: '200000', education: null });
  });
});
