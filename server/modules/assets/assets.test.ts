import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '#server/test/test-app.ts';
import { call, decidedDeliberation, OTHER_VILLAGE, VILLAGE } from '../projects/projects.test-support.ts';

const env = useTestApp();

const pvAsset = {
  name: '东庄村 100kW 光伏扶贫电站',
  category: 'operating',
  orgCode: VILLAGE,
  originYear: 2019,
  fundSources: { central: 50_000_000 },
  originalValueFen: 50_000_000,
  bookValueFen: 42_000_000,
  location: '东庄村北坡',
  quantity: 100,
  unit: 'kW',
  ownerLevel: 'village',
  ownerName: '东庄村股份经济合作社',
  operator: '县光伏运维公司',
  custodian: '东庄村民委员会',
  custodianPerson: '王建国',
  beneficiaries: '全村脱贫户、监测户',
  photovoltaic: true,
};
const dist = (operation: number, consolidation: number, publicWelfare: number, publicWelfarePosts: number) => ({
  operation,
  consolidation,
  publicWelfare,
  publicWelfarePosts,
});

describe('asset ledger', () => {
  it('registers an asset (township), records income by a decided 四议两公开, refuses PV income without 公益岗位', async () => {
    const township = await env.login('township_staff');
    const village = await env.login('village_officer');
    await call(env, village, 'POST', '/api/assets', pvAsset, 403);
    const a = await call(env, township, 'POST', '/api/assets', pvAsset);
    expect(a.code).toMatch(/^ZC2019I\d{5}$/);

    const undecided = await call(env, village, 'POST', '/api/deliberations', {
      villageCode: VILLAGE,
      subject: '2026年光伏收益分配',
      purpose: 'assetIncome',
    });
    const income = {
      year: 2026,
      receivedOn: '2026-06-30',
      amountFen: 8_000_000,
      distribution: dist(1_000_000, 2_000_000, 1_000_000, 4_000_000),
      deliberationId: undecided.id,
    };
    const notDecided = await call(env, village, 'POST', `/api/assets/${a.id}/incomes`, income, 400);
    expect(notDecided.error.fields[0].field).toBe('deliberationId');

    const decided = await decidedDeliberation(env, village, VILLAGE, 'assetIncome', '2026年光伏收益分配方案');
    const noPosts = await call(
      env,
      village,
      'POST',
      `/api/assets/${a.id}/incomes`,
      { ...income, deliberationId: decided, distribution: dist(1_000_000, 3_000_000, 4_000_000, 0) },
      400,
    );
    expect(noPosts.error.fields.map((f: { field: string }) => f.field)).toEqual(['distribution.publicWelfarePosts']);
    const short = await call(
      env,
      village,
      'POST',
      `/api/assets/${a.id}/incomes`,
      { ...income, deliberationId: decided, distribution: dist(1_000_000, 2_000_000, 1_000_000, 3_999_999) },
      400,
    );
    expect(short.error.fields[0].field).toBe('distribution');

    const ok = await call(env, village, 'POST', `/api/assets/${a.id}/incomes`, { ...income, deliberationId: decided });
    expect(ok.incomes).toHaveLength(1);
    expect(ok.incomeFen).toBe(8_000_000);

    const notice = await env.app.inject({
      url: `/api/assets/${a.id}/incomes/${ok.incomes[0].id}/notice.html`,
      headers: { cookie: village },
    });
    expect(notice.statusCode).toBe(200);
    expect(notice.body).toContain('资产收益分配公示');
    expect(notice.body).toContain('公益岗位');
    expect(notice.body).toContain('40,000.00');
  });

  it('disposal of a village asset needs a decided 四议两公开 record of that village; the proceeds go back to the owner; a disposed asset takes no income', async () => {
    const county = await env.login('county_staff');
    const a = await call(env, county, 'POST', '/api/assets', {
      ...pvAsset,
      name: '东庄村养殖大棚',
      photovoltaic: false,
      category: 'operating',
    });
    const disposal = {
      reason: 'disaster',
      disposedOn: '2026-08-01',
      proceedsFen: 120_000,
      note: '暴雨损毁，残值变卖',
      version: a.version,
    };
    const undecided = await call(env, county, 'POST', '/api/deliberations', {
      villageCode: VILLAGE,
      subject: '养殖大棚处置',
      purpose: 'assetDisposal',
    });
    const elsewhere = await decidedDeliberation(env, county, OTHER_VILLAGE, 'assetDisposal', '外村资产处置');
    for (const [why, deliberationId, messageZh] of [
      ['no record', undefined, '村集体资产处置须关联'],
      ['not decided', undecided.id, '尚未完成决议'],
      ['another village', elsewhere, '不属于该村'],
    ] as const) {
      const refused = await call(
        env,
        county,
        'POST',
        `/api/assets/${a.id}/disposal`,
        { ...disposal, deliberationId },
        400,
      );
      expect(refused.error.fields[0], why).toMatchObject({ field: 'deliberationId' });
      expect(refused.error.fields[0].messageZh, why).toContain(messageZh);
      expect(refused.error.fields[0].messageEn, why).toBeTruthy();
    }
    expect((await call(env, county, 'GET', `/api/assets/${a.id}`)).status).toBe('inUse');

    const decided = await decidedDeliberation(env, county, VILLAGE, 'assetDisposal', '东庄村养殖大棚处置');
    const d = await call(env, county, 'POST', `/api/assets/${a.id}/disposal`, { ...disposal, deliberationId: decided });
    expect(d).toMatchObject({
      status: 'disposed',
      disposalReason: 'disaster',
      disposalProceedsFen: 120_000,
      bookValueFen: 0,
      disposalDeliberationId: decided,
    });
    expect(d.disposalNote).toContain('东庄村股份经济合作社');
  });

  it('a township asset or a household-owned asset is disposed without a village record', async () => {
    const county = await env.login('county_staff');
    const township = await call(env, county, 'POST', '/api/assets', {
      ...pvAsset,
      name: '龙港镇冷库',
      orgCode: '140521100000',
      ownerLevel: 'township',
      ownerName: '龙港镇人民政府',
      photovoltaic: false,
    });
    await call(env, county, 'POST', `/api/assets/${township.id}/disposal`, {
      reason: 'endOfLife',
      disposedOn: '2026-08-01',
      proceedsFen: 0,
      note: '到期报废',
      version: township.version,
    });
    const household = await call(env, county, 'POST', '/api/assets', {
      ...pvAsset,
      name: '到户肉牛',
      category: 'household',
      ownerLevel: 'household',
      ownerName: '李某某',
      photovoltaic: false,
    });
    await call(env, county, 'POST', `/api/assets/${household.id}/disposal`, {
      reason: 'accident',
      disposedOn: '2026-08-01',
      proceedsFen: 0,
      note: '意外死亡',
      version: household.version,
    });
  });

  it('filters by category, owner and township; the ledgers export by scope', async () => {
    const county = await env.login('county_staff');
    await call(env, county, 'POST', '/api/assets', {
      ...pvAsset,
      name: '嘉峰镇村级道路',
      category: 'publicWelfare',
      orgCode: '140521104201',
      ownerName: '某村',
      photovoltaic: false,
    });
    const all = await call(env, county, 'GET', '/api/assets');
    const publicWelfare = await call(env, county, 'GET', '/api/assets?category=publicWelfare');
    expect(publicWelfare.every((a: { category: string }) => a.category === 'publicWelfare')).toBe(true);
    expect(publicWelfare.length).toBeLessThan(all.length);
    const township = await call(env, county, 'GET', '/api/assets?orgCode=140521104000');
    expect(township.map((a: { name: string }) => a.name)).toEqual(['嘉峰镇村级道路']);
    // The 龙港镇 township sees only its own.
    const own = await call(env, await env.login('township_staff'), 'GET', '/api/assets');
    expect(own.some((a: { orgCode: string }) => a.orgCode.startsWith('140521104'))).toBe(false);
    await call(env, await env.login('township_staff'), 'GET', '/api/assets?orgCode=140521104000', undefined, 404);

    const res = await env.app.inject({
      url: '/api/assets/export.xlsx',
      headers: { cookie: await env.login('village_officer') },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['村级资产明细账', '经营性资产', '公益性资产', '到户类资产']);
    const names = wb.worksheets[0].getColumn(2).values.slice(2);
    expect(names).not.toContain('嘉峰镇村级道路');
    expect(names).toContain('东庄村 100kW 光伏扶贫电站');
  });
});
