import { describe, expect, it } from 'vitest';
import { jobLossOn, type Spell } from '#common/domain/employment/rules.ts';
import { systemContext } from '#server/lib/context.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { createHousehold, loginCookie, monitoringOf } from './monitoring.test-support.ts';

// UNEMPLOYMENT fed by the employment ledger: the rule's SQL (employment/index.ts jobLossSql, read by the engine)
// against the pure rule jobLossOn, person by person. Each case gives the head's jobs in the ledger; the rule must
// fire for the household exactly when jobLossOn names a day, and its evidence must name the head.
// Period 2025-06: data window 2024-07-01 … 2025-06-30.

const env = useTestApp();
const PERIOD = '2025-06';
const job = (startOn: string, endOn: string | null): Spell => ({ startOn, endOn });

const CASES: [string, Spell[]][] = [
  ['no job in the ledger', []],
  ['still working', [job('2024-03-01', null)]],
  ['left in March, nothing since', [job('2024-03-01', '2025-03-15')]],
  ['left on the window’s first day', [job('2024-03-01', '2024-07-01')]],
  ['left the day before the window', [job('2024-03-01', '2024-06-30')]],
  ['left on the window’s last day (worked it)', [job('2024-03-01', '2025-06-30')]],
  ['left, then a new job covers the last day', [job('2024-03-01', '2025-01-31'), job('2025-04-01', null)]],
  ['left twice: the later end', [job('2024-03-01', '2024-09-30'), job('2024-11-01', '2025-05-20')]],
  ['a job starting after the window does not help', [job('2024-03-01', '2025-02-28'), job('2025-07-01', null)]],
];

describe('UNEMPLOYMENT from the employment ledger agrees with jobLossOn', () => {
  it('household by household', async () => {
    const cookie = await loginCookie(env, 'county_admin');
    const monitoring = monitoringOf(env);
    let fired = 0;
    for (const [name, spells] of CASES) {
      const h = await createHousehold(env);
      const head = h.personIds[0];
      for (const s of spells) {
        const res = await env.app.inject({
          method: 'POST',
          url: '/api/employment/jobs',
          headers: { cookie },
          payload: {
            personId: head,
            placeKind: 'province',
            place: '太原市',
            startOn: s.startOn,
            endOn: s.endOn,
            monthlyIncomeFen: 300_000,
          },
        });
        expect(res.statusCode, res.body).toBe(200);
      }
      const explained = await monitoring.explain(systemContext('test'), h.id, PERIOD);
      const rule = explained.rules.find((r) => r.ruleCode === 'UNEMPLOYMENT')!;
      const lost = jobLossOn(spells, explained.window);
      expect(rule.fired, `${name}: ${JSON.stringify(rule.evidence)}`).toBe(lost !== null);
      if (lost) {
        expect(rule.evidence).toMatchObject({ jobLossPersonIds: [head], unemployedPersonIds: [] });
        fired += 1;
      }
    }
    // the cases cover both outcomes
    expect(fired).toBe(4);
  });
});
