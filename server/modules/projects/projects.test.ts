import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/connect.ts';
import { useTestApp } from '#server/test/test-app.ts';
import {
  admit,
  call,
  decidedDeliberation,
  noNoticeWait,
  OTHER_VILLAGE,
  projectBody,
  VILLAGE,
} from './projects.test-support.ts';

const env = useTestApp();

describe('project declaration', () => {
  it('is refused without 联农带农 or 绩效目标, field by field', async () => {
    const village = await env.login('village_officer');
    const res = await call(
      env,
      village,
      'POST',
      '/api/projects',
      projectBody({ farmerLinkage: '', performanceTargets: [] }),
      400,
    );
    expect(res.error.fields.map((f: { field: string }) => f.field)).toEqual(['farmerLinkage', 'performanceTargets']);
  });

  it('a village officer declares only in the own village; the township may not declare a village project', async () => {
    const village = await env.login('village_officer');
    await call(env, village, 'POST', '/api/projects', projectBody({ orgCode: OTHER_VILLAGE }), 404);
    const township = await env.login('township_staff');
    await call(env, township, 'POST', '/api/projects', projectBody(), 403);
    await call(env, await env.login('auditor'), 'POST', '/api/projects', projectBody(), 403);
  });

  it('submitting a village declaration needs a decided 四议两公开 record of that village', async () => {
    const village = await env.login('village_officer');
    const p = await call(env, village, 'POST', '/api/projects', projectBody());
    const refused = await call(
      env,
      village,
      'POST',
      `/api/projects/${p.id}/entry`,
      { action: 'complete', version: p.version },
      400,
    );
    expect(refused.error.fields[0].field).toBe('deliberationId');
  });
});

describe('entry procedure', () => {
  it('notices are timed: the village notice cannot end on its first day', async () => {
    const village = await env.login('village_officer');
    const deliberationId = await decidedDeliberation(env, village);
    const p = await call(env, village, 'POST', '/api/projects', projectBody({ deliberationId }));
    const declared = await call(env, village, 'POST', `/api/projects/${p.id}/entry`, {
      action: 'complete',
      version: p.version,
    });
    expect(declared.entryStage).toBe('villageNotice');
    expect(declared.noticeEndsOn).not.toBeNull();
    const early = await call(
      env,
      village,
      'POST',
      `/api/projects/${p.id}/entry`,
      { action: 'complete', version: declared.version },
      409,
    );
    expect(early.error.messageZh).toContain('公示期不少于5天');
  });

  it('runs village → township → department → county with three notices and an announcement, each step by its role, audited', async () => {
    await noNoticeWait(env);
    const village = await env.login('village_officer');
    const deliberationId = await decidedDeliberation(env, village);
    const p = await call(env, village, 'POST', '/api/projects', projectBody({ deliberationId }));
    // Wrong roles at the first steps.
    await call(
      env,
      await env.login('county_staff'),
      'POST',
      `/api/projects/${p.id}/entry`,
      { action: 'complete', version: p.version },
      403,
    );
    const done = await admit(env, p.id);
    expect(done.events.map((e: { toStage: string }) => e.toStage)).toEqual([
      'declaration',
      'villageNotice',
      'townshipReview',
      'townshipNotice',
      'departmentReview',
      'countyApproval',
      'countyNotice',
      'announcement',
      'admitted',
    ]);
    const audit = await queryRows<{ action: string }>(
      env.services.db,
      sql`SELECT action FROM audit_log WHERE entity = 'project' AND entity_id = ${String(p.id)} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['create', ...Array(8).fill('entry.complete')]);
  });

  it('乡镇审核 and 县级审定 need an opinion (意见): refused empty with a field message, kept on the event and the audit', async () => {
    await noNoticeWait(env);
    const village = await env.login('village_officer');
    const deliberationId = await decidedDeliberation(env, village);
    let p = await call(env, village, 'POST', '/api/projects', projectBody({ deliberationId, name: '东庄村灌溉渠' }));
    p = await call(env, village, 'POST', `/api/projects/${p.id}/entry`, { action: 'complete', version: p.version });
    p = await call(env, village, 'POST', `/api/projects/${p.id}/entry`, {
      action: 'complete',
      version: p.version,
      reason: '公示无异议',
    });
    expect(p.events.at(-1)).toMatchObject({ toStage: 'townshipReview', reason: '公示无异议' });
    const township = await env.login('township_staff');
    for (const reason of [undefined, ' ']) {
      const refused = await call(
        env,
        township,
        'POST',
        `/api/projects/${p.id}/entry`,
        { action: 'complete', version: p.version, reason },
        400,
      );
      expect(refused.error.fields).toEqual([
        { field: 'reason', messageZh: '请填写乡镇审核意见', messageEn: 'Give the opinion of the township review' },
      ]);
    }
    p = await call(env, township, 'POST', `/api/projects/${p.id}/entry`, {
      action: 'complete',
      version: p.version,
      reason: '材料齐全，同意上报',
    });
    expect(p.events.at(-1)).toMatchObject({ fromStage: 'townshipReview', reason: '材料齐全，同意上报' });
    const [audit] = await queryRows<{ after: { reason: string } }>(
      env.services.db,
      sql`SELECT after FROM audit_log WHERE entity = 'project' AND entity_id = ${String(p.id)} ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.after.reason).toBe('材料齐全，同意上报');
  });

  it('a returned project goes back to the village with a reason', async () => {
    await noNoticeWait(env);
    const village = await env.login('village_officer');
    const deliberationId = await decidedDeliberation(env, village);
    let p = await call(env, village, 'POST', '/api/projects', projectBody({ deliberationId, name: '东庄村产业路' }));
    p = await call(env, village, 'POST', `/api/projects/${p.id}/entry`, { action: 'complete', version: p.version });
    p = await call(env, village, 'POST', `/api/projects/${p.id}/entry`, { action: 'complete', version: p.version });
    const township = await env.login('township_staff');
    await call(env, township, 'POST', `/api/projects/${p.id}/entry`, { action: 'reject', version: p.version }, 400);
    p = await call(env, township, 'POST', `/api/projects/${p.id}/entry`, {
      action: 'reject',
      reason: '投资概算不完整',
      version: p.version,
    });
    expect(p.entryStage).toBe('declaration');
    expect(p.events.at(-1)).toMatchObject({ action: 'reject', reason: '投资概算不完整', actorRole: 'townshipStaff' });
    // Stale version.
    await call(
      env,
      village,
      'POST',
      `/api/projects/${p.id}/entry`,
      { action: 'complete', version: p.version - 1 },
      409,
    );
  });
});

describe('after entry', () => {
  it('implement → accept → complete forms the asset; adjustments keep their reason', async () => {
    await noNoticeWait(env);
    const village = await env.login('village_officer');
    const deliberationId = await decidedDeliberation(env, village);
    const created = await call(
      env,
      village,
      'POST',
      '/api/projects',
      projectBody({ deliberationId, name: '东庄村光伏电站二期' }),
    );
    let p = await admit(env, created.id);
    const county = await env.login('county_staff');
    const township = await env.login('township_staff');
    await call(
      env,
      village,
      'POST',
      `/api/projects/${p.id}/adjust`,
      { name: '东庄村光伏电站（二期）', reason: '调整名称', version: p.version },
      403,
    );
    p = await call(env, county, 'POST', `/api/projects/${p.id}/adjust`, {
      budget: { central: 45_000_000, provincial: 10_000_000, city: 0, county: 0 },
      reason: '设备价格上涨，追加中央资金',
      version: p.version,
    });
    expect(p.events.at(-1)).toMatchObject({
      action: 'adjust',
      reason: '设备价格上涨，追加中央资金',
      changes: { budgetCentralFen: { before: 40_000_000, after: 45_000_000 } },
    });
    await call(env, county, 'POST', `/api/projects/${p.id}/status`, { status: 'accepted', version: p.version }, 409);
    p = await call(env, township, 'POST', `/api/projects/${p.id}/status`, {
      status: 'implementing',
      version: p.version,
    });
    await call(env, township, 'POST', `/api/projects/${p.id}/status`, { status: 'accepted', version: p.version }, 403);
    p = await call(env, county, 'POST', `/api/projects/${p.id}/status`, { status: 'accepted', version: p.version });
    p = await call(env, county, 'POST', `/api/projects/${p.id}/status`, { status: 'completed', version: p.version });
    expect(p.status).toBe('completed');
    expect(p.assets).toHaveLength(1);
    const asset = await call(env, village, 'GET', `/api/assets/${p.assets[0].id}`);
    expect(asset).toMatchObject({
      category: 'operating',
      ownerLevel: 'village',
      photovoltaic: true,
      originalValueFen: 55_000_000,
      orgCode: VILLAGE,
      projectName: '东庄村光伏电站二期',
    });
  });
});

describe('exports and notices', () => {
  it('the project library exports to .xlsx in scope and the notice prints, both audited', async () => {
    const village = await env.login('village_officer');
    const res = await env.app.inject({ url: '/api/projects/export.xlsx', headers: { cookie: village } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const [p] = await call(env, village, 'GET', '/api/projects');
    const notice = await env.app.inject({ url: `/api/projects/${p.id}/notice.html`, headers: { cookie: village } });
    expect(notice.statusCode).toBe(200);
    expect(notice.body).toContain('联农带农机制');
    expect(notice.body).toContain(p.name);
    const audit = await queryRows<{ entity: string; action: string }>(
      env.services.db,
      sql`SELECT entity, action FROM audit_log WHERE action IN ('export', 'print') ORDER BY id`,
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { entity: 'project', action: 'export' },
        { entity: 'project_notice', action: 'print' },
      ]),
    );
    await call(env, await env.login('cadre'), 'GET', `/api/projects/${p.id}/notice.html`, undefined, 403);
  });
});
