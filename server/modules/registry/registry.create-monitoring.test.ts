import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { systemContext } from '#server/lib/context.ts';
import { householdRequest } from '#server/test/factories.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { loadDemoHouseholds } from './import/demo-loader.ts';
import { createImportService } from './import/import.service.ts';

// Issue #12 point 1: the monitoring status (监测对象类别, 识别监测时间, risks, 风险消除) changes only through
// identification / elimination (cases) or the national export. A new household over the API never carries one;
// the national import and the demo county (which loads through the same import) record it as its own entry.

const env = useTestApp();

const counts = async () =>
  (
    await queryRows<{ households: number; changes: number; persons: number; audits: number }>(
      env.services.db,
      sql`SELECT (SELECT count(*)::int FROM household) AS households, (SELECT count(*)::int FROM registry_change) AS changes,
        (SELECT count(*)::int FROM person) AS persons, (SELECT count(*)::int FROM audit_log) AS audits`,
    )
  )[0];

describe('POST /api/registry/households refuses a monitoring status', () => {
  it.each([
    ['monitoringType', { monitoringType: 'edge' }, '监测对象类别'],
    ['identificationPeriod', { identificationPeriod: '2025-03' }, '识别监测时间'],
    ['riskTypes', { riskTypes: ['illness'] }, '致贫/返贫风险'],
    ['eliminationPeriod', { eliminationPeriod: '2025-06' }, '风险消除时间'],
    ['eliminationMode', { eliminationMode: 'naturalElimination' }, '风险消除方式'],
  ])('%s given → 400 naming it, nothing written', async (field, given, label) => {
    const cookie = await env.login('county_staff');
    const before = await counts();
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/registry/households',
      headers: { cookie },
      payload: { ...householdRequest(), ...given },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields).toEqual([
      {
        field,
        messageZh: expect.stringMatching(
          new RegExp(`^${label}只能通过识别认定或风险消除程序修改.*新增农户时不能填写$`),
        ),
        messageEn: expect.stringContaining('not given with a new household'),
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('names every monitoring field given at once', async () => {
    const cookie = await env.login('county_staff');
    const payload = {
      ...householdRequest({ kind: 'alleviated', alleviatedAttribute: 'general' }),
      monitoringType: 'unstable',
      identificationPeriod: '2025-01',
      riskTypes: ['illness'],
    };
    const res = await env.app.inject({ method: 'POST', url: '/api/registry/households', headers: { cookie }, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual([
      'monitoringType',
      'identificationPeriod',
      'riskTypes',
    ]);
  });

  it('empty monitoring fields (null, [], absent) are fine: the household is not monitored', async () => {
    const cookie = await env.login('county_staff');
    const payload = {
      ...householdRequest(),
      monitoringType: null,
      identificationPeriod: null,
      riskTypes: [],
      eliminationPeriod: null,
      eliminationMode: null,
    };
    const res = await env.app.inject({ method: 'POST', url: '/api/registry/households', headers: { cookie }, payload });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ monitoringStatus: 'none', monitoringType: null, riskTypes: [] });
  });
});

describe("a new household with the national export's monitoring status (service only, not routed)", () => {
  it('records the status as its own importNational entry, apart from the create entry', async () => {
    const {
      monitoringType: _t,
      identificationPeriod: _p,
      riskTypes: _r,
      ...input
    } = householdRequest({ kind: 'alleviated', alleviatedAttribute: 'general' });
    const h = await env.services.registry.createMonitored(
      systemContext('test'),
      input,
      { monitoringType: 'unstable', identificationPeriod: '2025-02', riskTypes: ['illness'] },
      { action: 'importNational', reason: '导入全国系统数据' },
    );
    expect(h).toMatchObject({
      monitoringStatus: 'monitored',
      monitoringType: 'unstable',
      identificationPeriod: '2025-02',
      riskTypes: ['illness'],
    });
    const changes = await queryRows<{
      action: string;
      reason: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown>;
    }>(
      env.services.db,
      sql`SELECT action, reason, before, after FROM registry_change WHERE household_id = ${h.id} ORDER BY id`,
    );
    expect(changes.map((c) => c.action)).toEqual(['create', 'importNational']);
    expect(changes[0].after).not.toHaveProperty('monitoringType');
    expect(changes[1]).toMatchObject({
      reason: '导入全国系统数据',
      before: { monitoringType: null, identificationPeriod: null, riskTypes: [] },
      after: { monitoringType: 'unstable', identificationPeriod: '2025-02', riskTypes: ['illness'] },
    });
    const audits = await queryRows<{ action: string }>(
      env.services.db,
      sql`SELECT action FROM audit_log WHERE entity = 'household' AND entity_id = ${h.householdNo} ORDER BY id`,
    );
    expect(audits.map((a) => a.action)).toEqual(['create', 'importNational']);
  });
});

describe('the demo county', () => {
  it('loads its monitored households with the status as a separate importNational entry', async () => {
    const importer = createImportService(env.services.db, env.services.box, env.services.jobs);
    await loadDemoHouseholds(env.services.db, importer, '140521000000', 120);
    const rows = await queryRows<{ monitored: number; withEntry: number; inImport: number }>(
      env.services.db,
      sql`SELECT count(*)::int AS monitored,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM registry_change c WHERE c.household_id = h.id AND c.action = 'importNational'
            AND c.after ? 'monitoringType'))::int AS "withEntry",
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM registry_change c WHERE c.household_id = h.id AND c.action = 'import'
            AND c.after ? 'monitoringType'))::int AS "inImport"
        FROM household h WHERE h.monitoring_type IS NOT NULL`,
    );
    expect(rows[0].monitored).toBeGreaterThan(0);
    expect(rows[0]).toEqual({ monitored: rows[0].monitored, withEntry: rows[0].monitored, inImport: 0 });
  }, 120_000);
});
