import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { periodOf } from '#common/domain/period.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { householdRequest } from '#server/test/factories.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { clueAgeBrackets } from './cases.reports.repository.ts';

// The clue age brackets of the zeroing board and the workbench hint follow workflow.identificationDays (one source).

const env = useTestApp();
const cookies = new Map<string, string>();
async function call(user: string, method: 'GET' | 'POST', url: string, payload?: object) {
  if (!cookies.has(user)) cookies.set(user, await env.login(user));
  return env.app.inject({ method, url, headers: { cookie: cookies.get(user)! }, payload });
}
const day = (offset: number) =>
  new Date(Date.parse(todayInChina() + 'T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);
const consent = { signed: true, signedOn: day(-1), signer: '赵大明', method: 'signature' };

/** A clue of a new household in 140521100201 opened `age` days ago (China days). */
async function clueAged(age: number) {
  const h = await call('county_staff', 'POST', '/api/registry/households', householdRequest());
  expect(h.statusCode, h.body).toBe(200);
  const a = await call('county_staff', 'POST', '/api/clues/applications', {
    householdId: h.json().id,
    reason: '因病支出大，生活困难',
    riskTypes: ['illness'],
    consent,
  });
  expect(a.statusCode, a.body).toBe(200);
  await env.services.db.execute(
    sql`UPDATE clue SET opened_at = (${day(-age)}::date + time '10:00') AT TIME ZONE 'Asia/Shanghai' WHERE id = ${a.json().clueIds[0]}`,
  );
}
const village = async () =>
  (await call('township_staff', 'GET', '/api/cases/zeroing'))
    .json()
    .rows.find((r: { code: string }) => r.code === '140521100201').clueAge as Record<string, number>;

describe('clue age brackets from the identification time limit', () => {
  it.each([
    [15, { firstHalf: 7, limit: 15 }],
    [20, { firstHalf: 10, limit: 20 }],
    [7, { firstHalf: 3, limit: 7 }],
  ])('limit %i days → %o', (limit, brackets) => {
    expect(clueAgeBrackets(limit)).toEqual(brackets);
  });

  it('a 16-day clue is past the limit at 15 days and within it once the county sets 20 days; the hint names the limit', async () => {
    const before = await village();
    await clueAged(16);
    await clueAged(9);
    const at15 = await village();
    expect({ d8to15: at15.d8to15 - before.d8to15, over15: at15.over15 - before.over15 }).toEqual({
      d8to15: 1,
      over15: 1,
    });
    let wb = (await call('township_staff', 'GET', '/api/workbench')).json();
    expect(wb.items.find((i: { kind: string }) => i.kind === 'cluesToVerify').hintZh).toContain('已超过 15 天');

    const set = await call('county_admin', 'POST', '/api/params', {
      key: 'workflow.identificationDays',
      value: 20,
      effectiveFrom: `${periodOf(todayInChina())}-01`,
    });
    expect(set.statusCode, set.body).toBe(200);
    const at20 = await village();
    // 16 days: second half of 20 (11–20); 9 days: first half (0–10).
    expect(at20.over15).toBe(at15.over15 - 1);
    expect(at20.d8to15).toBe(at15.d8to15 + 1 - 1);
    expect(at20.d0to7).toBe(at15.d0to7 + 1);
    wb = (await call('township_staff', 'GET', '/api/workbench')).json();
    const hint = wb.items.find((i: { kind: string }) => i.kind === 'cluesToVerify').hintZh as string;
    if (at20.over15 > 0) expect(hint).toContain('已超过 20 天');
    else expect(hint).not.toContain('15 天');
  });
});
