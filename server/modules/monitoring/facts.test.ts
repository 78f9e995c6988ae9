import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { systemContext } from '#server/lib/context.ts';
import { makeIdNumber, memberInput } from '#server/test/factories.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { monitorFactsCommand } from './monitoring.cli.ts';
import { addFeeds, createHousehold, loginCookie, monitoringOf, wages } from './monitoring.test-support.ts';

// Issue 17 point 1: the facts kept on write (feed_event) equal a full rebuild from their definition after every
// kind of write that changes them — department records added or removed, a member moved, the members replaced
// (a newcomer, a labour skill changed), a household split and merged, an ID corrected — and the check says so
// when they do not (a trigger switched off).

const env = useTestApp();
const COUNTY = '140521000000';
const ctx = systemContext('test');

async function expectEqual(step: string): Promise<number> {
  const check = await monitoringOf(env).verifyFacts(ctx, COUNTY);
  const differences = (c: { missing: number; extra: number; stored: number; expected: number }) => [
    c.missing,
    c.extra,
    c.stored - c.expected,
  ];
  expect({
    step,
    events: differences(check),
    totals: differences(check.yearTotals),
    incomes: differences(check.latestIncome),
  }).toEqual({ step, events: [0, 0, 0], totals: [0, 0, 0], incomes: [0, 0, 0] });
  return check.stored;
}

async function eventsOf(personId: number) {
  return queryRows<{ householdId: number; labourSkill: string; memberUntil: string | null }>(
    env.services.db,
    sql`SELECT household_id::int AS "householdId", labour_skill AS "labourSkill", member_until::text AS "memberUntil"
      FROM feed_event WHERE person_id = ${personId} ORDER BY member_until NULLS LAST, household_id`,
  );
}

async function call(method: 'POST' | 'PUT', url: string, payload: unknown) {
  const res = await env.app.inject({
    method,
    url,
    headers: { cookie: await loginCookie(env, 'county_admin') },
    payload: payload as Record<string, unknown>,
  });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
  return res.json() as Record<string, unknown>;
}

describe('facts kept on write (feed_event)', () => {
  it('equal a full rebuild after each write, and the check finds a difference', async () => {
    const a = await createHousehold(env);
    const b = await createHousehold(env);
    const [aHead, aSpouse, aChild] = a.personIds;
    const on = (d: string) => ({ source: 'medical', item: 'inpatientOutOfPocket', on: d, amountFen: 1_000_00 });
    const batch = await addFeeds(env, [
      { personId: aHead, ...on('2025-03-01') },
      { personId: aSpouse, ...on('2025-04-01') },
      { personId: aChild, ...on('2025-05-01') },
      { personId: b.personIds[0], ...on('2025-05-02') },
    ]);
    // A record for nobody in the registry stays unmatched.
    await env.services.db
      .execute(sql`INSERT INTO feed_record (county_code, batch_id, source, item, id_hash, id_cipher, name, occurred_on, record_key)
      VALUES (${COUNTY}, ${batch}, 'medical', 'inpatientOutOfPocket', repeat('a', 64), 'x', '无此人', '2025-05-03', repeat('b', 64))`);
    expect(await expectEqual('records added')).toBe(4);
    const totalsOf = (householdId: number) =>
      queryRows<{ year: number; amountFen: number; records: number; lastOn: string }>(
        env.services.db,
        sql`SELECT year, amount_fen::int AS "amountFen", records, last_on::text AS "lastOn" FROM feed_year_total
          WHERE household_id = ${householdId} AND item = 'inpatientOutOfPocket'`,
      );
    expect(await totalsOf(a.id)).toEqual([{ year: 2025, amountFen: 3_000_00, records: 3, lastOn: '2025-05-01' }]);

    // 成员迁出: the spouse moves to b; her record stays with a until the move day, and is b's from then on.
    await call('POST', `/api/registry/households/${a.id}/members/${aSpouse}/move`, {
      toHouseholdNo: b.householdNo,
      relationship: 'daughterInLaw',
      reason: '婚姻迁出',
    });
    await expectEqual('member moved');
    // The spouse's record counts for b now (her membership in a has ended).
    expect(await totalsOf(a.id)).toEqual([{ year: 2025, amountFen: 2_000_00, records: 2, lastOn: '2025-05-01' }]);
    expect(await totalsOf(b.id)).toEqual([{ year: 2025, amountFen: 2_000_00, records: 2, lastOn: '2025-05-02' }]);
    const moved = await eventsOf(aSpouse);
    expect(moved.map((e) => [e.householdId, e.memberUntil === null])).toEqual([
      [a.id, false],
      [b.id, true],
    ]);

    // 调整家庭成员 of a: the child's labour skill changes, a newcomer joins.
    const detail = await env.app.inject({
      method: 'GET',
      url: `/api/registry/households/${a.id}`,
      headers: { cookie: await loginCookie(env, 'county_admin') },
    });
    const household = detail.json() as { version: number; members: { personId: number; name: string }[] };
    const kept = household.members.map((m) => ({
      ...memberInput({ name: m.name, relationship: m.personId === aHead ? 'head' : 'daughter' }),
      personId: m.personId,
      idNumber: undefined,
      phone: undefined,
      labourSkill: m.personId === aChild ? 'weak' : 'ordinary',
    }));
    const newcomerId = makeIdNumber('1950-02-03', 'male');
    await call('PUT', `/api/registry/households/${a.id}/members`, {
      version: household.version,
      reason: '家庭成员调整',
      members: [...kept, memberInput({ name: '王老汉', idNumber: newcomerId, relationship: 'father' })],
    });
    await expectEqual('members replaced');
    expect((await eventsOf(aChild)).map((e) => e.labourSkill)).toEqual(['weak']);

    // Records for the newcomer arrive after he joined.
    const [{ id: newcomer }] = await queryRows<{ id: number }>(
      env.services.db,
      sql`SELECT p.id::int AS id FROM person p JOIN membership m ON m.person_id = p.id AND m.valid_to IS NULL
        WHERE m.household_id = ${a.id} AND p.name = '王老汉'`,
    );
    await addFeeds(env, [{ personId: newcomer, ...on('2025-05-20') }]);
    await expectEqual('records for a newcomer');

    // 分户 then 合户.
    const splitNo = `${a.householdNo}9`;
    await call('POST', `/api/registry/households/${a.id}/split`, {
      newHouseholdNo: splitNo,
      members: [{ personId: aChild, relationship: 'head' }],
      reason: '分户',
    });
    await expectEqual('household split');
    await call('POST', `/api/registry/households/${a.id}/merge`, {
      fromHouseholdNo: splitNo,
      relationships: { [aChild]: 'daughter' },
      reason: '合户',
    });
    await expectEqual('households merged');

    // Income years saved (the year before, then a correction of the latest), and one removed.
    const income = (year: number, wageIncome: number) => ({ ...wages(year, wageIncome), reason: '年度收支' });
    await call('PUT', `/api/registry/households/${b.id}/income`, income(2024, 2_000_000));
    await call('PUT', `/api/registry/households/${b.id}/income`, income(2025, 1_000_000));
    const [latest] = await queryRows<{ year: number; net: number; prevYear: number; prevNet: number }>(
      env.services.db,
      sql`SELECT year, net_income::int AS net, prev_year AS "prevYear", prev_net_income::int AS "prevNet"
        FROM household_income_latest WHERE household_id = ${b.id}`,
    );
    expect(latest).toEqual({ year: 2025, net: 1_000_000, prevYear: 2024, prevNet: 2_000_000 });
    await expectEqual('income saved');
    await env.services.db.execute(sql`DELETE FROM household_income WHERE household_id = ${b.id} AND year = 2025`);
    await expectEqual('income removed');

    // An ID corrected in place; a batch withdrawn.
    await env.services.db.execute(sql`UPDATE person SET id_hash = repeat('a', 64) WHERE id = ${b.personIds[0]}`);
    await expectEqual('ID corrected');
    await env.services.db.execute(sql`DELETE FROM feed_record WHERE batch_id = ${batch}`);
    await expectEqual('records removed');

    // With the membership trigger off, a move is not reflected: the check names it, the CLI refuses, rebuild repairs.
    await env.services.db.execute(sql`ALTER TABLE membership DISABLE TRIGGER membership_facts_insert`);
    try {
      await call('POST', `/api/registry/households/${a.id}/members/${newcomer}/move`, {
        toHouseholdNo: b.householdNo,
        relationship: 'father',
        reason: '随子女居住',
      });
    } finally {
      await env.services.db.execute(sql`ALTER TABLE membership ENABLE TRIGGER membership_facts_insert`);
    }
    const broken = await monitoringOf(env).verifyFacts(ctx, COUNTY);
    expect(broken.missing).toBe(1);
    expect(broken.yearTotals).toMatchObject({ missing: 0, extra: 0 });
    expect(broken.latestIncome).toMatchObject({ missing: 0, extra: 0 });
    expect(broken.sample).toEqual([expect.objectContaining({ kind: 'missing', householdId: b.id })]);
    const services = { db: env.services.db, monitoring: monitoringOf(env) };
    const lines: string[] = [];
    expect(await monitorFactsCommand(services, 'verify-facts', { county: COUNTY }, (l) => lines.push(l))).toBe(false);
    expect(lines[0]).toMatch(/缺 missing 1，多 extra 0 — 不一致/);
    await monitorFactsCommand(services, 'rebuild-facts', { county: COUNTY }, () => {});
    await expectEqual('rebuilt');

    // With the totals trigger off, records withdrawn leave their totals behind: found, and repaired by a rebuild.
    const late = await addFeeds(env, [{ personId: b.personIds[1], ...on('2025-06-01') }]);
    await env.services.db.execute(sql`ALTER TABLE feed_event DISABLE TRIGGER feed_event_totals_delete`);
    try {
      await env.services.db.execute(sql`DELETE FROM feed_record WHERE batch_id = ${late}`);
    } finally {
      await env.services.db.execute(sql`ALTER TABLE feed_event ENABLE TRIGGER feed_event_totals_delete`);
    }
    const stale = await monitoringOf(env).verifyFacts(ctx, COUNTY);
    expect(stale.yearTotals).toMatchObject({ missing: 1, extra: 1 });
    expect(await monitorFactsCommand(services, 'verify-facts', { county: COUNTY }, () => {})).toBe(false);
    await monitorFactsCommand(services, 'rebuild-facts', { county: COUNTY }, () => {});
    await expectEqual('rebuilt again');
    const [audit] = await queryRows<{ n: number }>(
      env.services.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'feed_event' AND action = 'rebuild'`,
    );
    expect(audit.n).toBe(2);
  });
});
