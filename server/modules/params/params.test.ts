import { describe, expect, it } from 'vitest';
import { systemContext } from '#server/lib/context.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { resolveAll } from './params.service.ts';

const env = useTestApp();

describe('policy parameters', () => {
  it('are seeded with the documented defaults and their sources', async () => {
    const cookie = await env.login('county_staff');
    const list = (await env.app.inject({ url: '/api/params', headers: { cookie } })).json();
    const line = list.find((p: { key: string }) => p.key === 'monitoring.incomeLineFen');
    expect(line.versions[0]).toMatchObject({
      scopeCode: '000000000000',
      year: 2021,
      value: 600_000,
      source: expect.stringContaining('6,000'),
    });
  });

  it('a county admin sets a new year; old months keep their values; the change is audited', async () => {
    const cookie = await env.login('county_admin');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/params',
      headers: { cookie },
      payload: {
        key: 'monitoring.incomeLineFen',
        value: 700_000,
        year: 2024,
        effectiveFrom: '2024-03-01',
        note: '省里2024年标准',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const at = async (period: string) =>
      (await env.app.inject({ url: `/api/params/resolved?period=${period}`, headers: { cookie } })).json()[
        'monitoring.incomeLineFen'
      ];
    expect(await at('2024-02')).toMatchObject({ value: 600_000, fallbackFromYear: 2021 });
    expect(await at('2024-03')).toMatchObject({ value: 700_000, scopeCode: '140521000000' });
    expect(await at('2023-12')).toMatchObject({ value: 600_000 });
    expect(await at('2025-06')).toMatchObject({ value: 700_000, fallbackFromYear: 2024 });
    const audit = (await env.app.inject({ url: '/api/audit?entity=policy_param', headers: { cookie } })).json().items;
    expect(audit[0]).toMatchObject({ action: 'set', entityId: 'monitoring.incomeLineFen' });
  });

  it.each([
    [{ key: 'nope', value: 1, effectiveFrom: '2024-01-01' }, 'key'],
    [{ key: 'monitoring.incomeLineFen', value: 1, effectiveFrom: '2024-01-01' }, 'year'],
    [{ key: 'funds.workForReliefLabourShare', value: 15, effectiveFrom: '2024-01-01' }, 'value'],
    [{ key: 'monitoring.incomeFigure', value: 'gross', effectiveFrom: '2024-01-01' }, 'value'],
    [{ key: 'workflow.noticeDays', value: 5.5, effectiveFrom: '2024-01-01' }, 'value'],
    [{ key: 'workflow.noticeDays', value: 7, effectiveFrom: '2024-13-01' }, 'effectiveFrom'],
  ])('refuses %o on field %s', async (payload, field) => {
    const cookie = await env.login('county_admin');
    const res = await env.app.inject({ method: 'POST', url: '/api/params', headers: { cookie }, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe(field);
  });

  it('only county admins may set', async () => {
    for (const user of ['county_staff', 'township_staff', 'auditor']) {
      const cookie = await env.login(user);
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/params',
        headers: { cookie },
        payload: { key: 'workflow.noticeDays', value: 7, effectiveFrom: '2030-01-01' },
      });
      expect(res.statusCode).toBe(403);
    }
  });

  it('resolves every seeded key for a month', async () => {
    const all = await resolveAll(env.services.db, '140521000000', '2021-06');
    expect(all['funds.industryShare'].value).toBe(0.5);
    expect(all['workflow.identificationDays'].value).toBe(15);
    expect(systemContext().actor.scopePrefix).toBe('');
  });
});
