import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '#server/test/test-app.ts';
import { call, OTHER_VILLAGE, VILLAGE } from '../projects/projects.test-support.ts';

// 社会力量帮扶 on the API: pairings of each kind, contributions (something must be brought, within the pairing),
// totals per kind and per township over the filters, scope, audit, and the ledger (rows = the list's total).

const env = useTestApp();

describe('社会力量帮扶', () => {
  it('records pairings and what they brought, totals them by kind and township, and exports the same rows', async () => {
    const county = await env.login('county_admin');
    const township = await env.login('township_staff');
    const village = await env.login('village_officer');

    const enterprise = await call(env, township, 'POST', '/api/social-pairing', {
      orgCode: VILLAGE,
      kind: 'enterpriseVillage',
      partnerName: '沁水煤业',
      leaderName: '王总',
      startedOn: '2025-03-01',
    });
    expect(enterprise).toMatchObject({ fundsFen: 0, projects: 0, jobs: 0, endedOn: null });
    const unit = await call(env, county, 'POST', '/api/social-pairing', {
      orgCode: OTHER_VILLAGE,
      kind: 'unitVillage',
      partnerName: '县财政局',
      startedOn: '2025-04-01',
    });
    // a township is not a village; the village officer cannot pair another township's village
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/social-pairing',
      headers: { cookie: county },
      payload: { orgCode: '140521100000', kind: 'unitVillage', partnerName: 'x', startedOn: '2025-04-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('orgCode');
    await call(
      env,
      village,
      'POST',
      '/api/social-pairing',
      { orgCode: OTHER_VILLAGE, kind: 'unitVillage', partnerName: 'x', startedOn: '2025-04-01' },
      404,
    );

    // nothing brought, or before the pairing began: refused on the field
    const empty = await env.app.inject({
      method: 'POST',
      url: `/api/social-pairing/${enterprise.id}/contributions`,
      headers: { cookie: township },
      payload: { contributedOn: '2025-05-01', fundsFen: 0, jobs: 0 },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].field).toBe('fundsFen');
    const early = await env.app.inject({
      method: 'POST',
      url: `/api/social-pairing/${enterprise.id}/contributions`,
      headers: { cookie: township },
      payload: { contributedOn: '2025-01-01', fundsFen: 100 },
    });
    expect(early.json().error.fields[0].field).toBe('contributedOn');
    await call(env, township, 'POST', `/api/social-pairing/${enterprise.id}/contributions`, {
      contributedOn: '2025-05-01',
      fundsFen: 10_000_000,
      projectName: '香菇大棚',
      jobs: 20,
    });
    const detail = await call(env, village, 'POST', `/api/social-pairing/${enterprise.id}/contributions`, {
      contributedOn: '2025-06-01',
      fundsFen: 0,
      jobs: 5,
    });
    expect(detail).toMatchObject({ fundsFen: 10_000_000, projects: 1, jobs: 25 });
    expect(detail.contributions).toHaveLength(2);
    await call(env, county, 'POST', `/api/social-pairing/${unit.id}/contributions`, {
      contributedOn: '2025-05-01',
      fundsFen: 2_000_000,
    });

    const totals = await call(env, county, 'GET', '/api/social-pairing/totals');
    expect(totals.total).toEqual({ pairings: 2, fundsFen: 12_000_000, projects: 1, jobs: 25 });
    expect(totals.byKind.map((k: { kind: string; fundsFen: number }) => [k.kind, k.fundsFen])).toEqual([
      ['enterpriseVillage', 10_000_000],
      ['unitVillage', 2_000_000],
    ]);
    expect(
      totals.byTownship.map((t: { townshipCode: string; pairings: number }) => [t.townshipCode, t.pairings]),
    ).toEqual([
      ['140521100000', 1],
      ['140521104000', 1],
    ]);
    const filtered = await call(env, county, 'GET', '/api/social-pairing/totals?kind=unitVillage');
    expect(filtered.total.pairings).toBe(1);
    // scope: the township sees its own
    const mine = await call(env, township, 'GET', '/api/social-pairing?page=1');
    expect(mine.items.map((p: { id: number }) => p.id)).toEqual([enterprise.id]);
    await call(env, township, 'GET', `/api/social-pairing/${unit.id}`, undefined, 404);

    const ended = await call(env, county, 'POST', `/api/social-pairing/${unit.id}/end`, { endedOn: '2025-12-31' });
    expect(ended.endedOn).toBe('2025-12-31');
    await call(env, county, 'POST', `/api/social-pairing/${unit.id}/end`, { endedOn: '2025-12-31' }, 409);
    const active = await call(env, county, 'GET', '/api/social-pairing?status=active&page=1');
    expect(active.total).toBe(1);
    // The county's code filters by what lies beneath it (not as a raw 12-digit prefix).
    const byCounty = await call(
      env,
      county,
      'GET',
      `/api/social-pairing?status=active&page=1&orgCode=${VILLAGE.slice(0, 6)}000000`,
    );
    expect(byCounty.total).toBe(1);

    const audit = await call(env, county, 'GET', '/api/audit?entity=social_pairing&page=1&pageSize=50');
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['create', 'contribute', 'end']),
    );

    const res = await env.app.inject({
      method: 'GET',
      url: '/api/social-pairing/export.xlsx?kind=enterpriseVillage',
      headers: { cookie: county },
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [pairings, contributions, sums] = book.worksheets;
    const list = await call(env, county, 'GET', '/api/social-pairing?kind=enterpriseVillage&page=1');
    expect(pairings.rowCount - 2).toBe(list.total);
    expect(pairings.getRow(3).getCell(8).value).toBe(100_000);
    expect(contributions.rowCount - 2).toBe(2);
    expect(sums.getRow(sums.rowCount).getCell(1).value).toBe('合计');
  });
});
