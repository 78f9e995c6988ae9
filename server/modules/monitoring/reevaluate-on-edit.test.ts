import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { householdRequest } from '#server/test/factories.ts';
import { useTestApp } from '#server/test/test-app.ts';

// Issue 4 §5: changing a household re-evaluates it right away; the warning (and its clue) appears
// without waiting for the month end, and goes when the fact is corrected.

const env = useTestApp();

async function warningsOf(householdId: number) {
  return queryRows<{ ruleCode: string }>(
    env.services.db,
    sql`SELECT rule_code AS "ruleCode" FROM warning WHERE household_id = ${householdId} ORDER BY rule_code`,
  );
}

describe('a registry edit re-evaluates the household', () => {
  it('unsafe water recorded by the village raises WATER_UNSAFE and its clue at once; correcting it removes the warning', async () => {
    const cookie = await env.login('village_officer');
    const body = householdRequest({ villageCode: '140521100201', waterSafe: true, phone: '13800001234' });
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/registry/households',
      headers: { cookie },
      payload: body,
    });
    expect(created.statusCode, created.body).toBe(200);
    const h = created.json();
    expect((await warningsOf(h.id)).map((w) => w.ruleCode)).not.toContain('WATER_UNSAFE');

    const { members: _m, income: _i, householdNo: _n, ...facts } = body;
    const edit = (waterSafe: boolean, version: number) =>
      env.app.inject({
        method: 'PUT',
        url: `/api/registry/households/${h.id}`,
        headers: { cookie },
        payload: { ...facts, phone: undefined, waterSafe, version, reason: '入户核实饮水情况' },
      });
    const unsafe = await edit(false, h.version);
    expect(unsafe.statusCode, unsafe.body).toBe(200);
    expect((await warningsOf(h.id)).map((w) => w.ruleCode)).toContain('WATER_UNSAFE');
    const clues = await queryRows<{ riskType: string; channel: string }>(
      env.services.db,
      sql`SELECT risk_type AS "riskType", channel FROM clue WHERE household_id = ${h.id} AND status = 'open'`,
    );
    expect(clues).toContainEqual({ riskType: 'unsafeWater', channel: 'department' });
    // The edit left out the phone: it is unchanged, not cleared.
    expect(unsafe.json().phoneMasked).toBe('138****1234');

    const fixed = await edit(true, unsafe.json().version);
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await warningsOf(h.id)).map((w) => w.ruleCode)).not.toContain('WATER_UNSAFE');
  });

  it('null clears the phone', async () => {
    const cookie = await env.login('county_staff');
    const body = householdRequest({ villageCode: '140521100201', phone: '13800005678' });
    const h = (
      await env.app.inject({ method: 'POST', url: '/api/registry/households', headers: { cookie }, payload: body })
    ).json();
    const { members: _m, income: _i, householdNo: _n, ...facts } = body;
    const res = await env.app.inject({
      method: 'PUT',
      url: `/api/registry/households/${h.id}`,
      headers: { cookie },
      payload: { ...facts, phone: null, version: h.version, reason: '电话停用' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().phoneMasked).toBeNull();
  });
});
