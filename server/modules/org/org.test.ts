import { describe, expect, it } from 'vitest';
import { qinshuiOrgUnits } from './qinshui.ts';
import { useTestApp } from '#server/test/test-app.ts';

const env = useTestApp();

describe('Qinshui seed', () => {
  const units = qinshuiOrgUnits();
  it('has the real township codes, two closed ones and the development zone', () => {
    const townships = units.filter((u) => u.level === 'township');
    expect(townships.map((t) => t.code.slice(0, 9))).toEqual([
      '140521100',
      '140521101',
      '140521102',
      '140521103',
      '140521104',
      '140521105',
      '140521106',
      '140521200',
      '140521201',
      '140521202',
      '140521203',
      '140521204',
      '140521205',
      '140521206',
      '140521400',
    ]);
    expect(townships.filter((t) => !t.validTo)).toHaveLength(13);
    expect(townships.find((t) => t.name === '樊村河乡')).toMatchObject({
      validTo: '2021-02-01',
      successorCode: '140521100000',
    });
    expect(townships.find((t) => t.name === '苏庄乡')).toMatchObject({ successorCode: null });
  });

  it('gives every unit a unique code under its parent', () => {
    const codes = new Set(units.map((u) => u.code));
    expect(codes.size).toBe(units.length);
    for (const u of units.filter((x) => x.parentCode)) {
      expect(codes.has(u.parentCode!)).toBe(true);
      expect(u.code.startsWith(u.parentCode!.replace(/0+$/, '').slice(0, u.level === 'village' ? 9 : 12))).toBe(true);
    }
  });

  it('re-codes the villages of 樊村河乡 under 龙港镇 and points the old ones at the new', () => {
    const old = units.filter((u) => u.parentCode === '140521200000' && u.level === 'village');
    expect(old.length).toBeGreaterThan(0);
    for (const v of old) {
      const successor = units.find((u) => u.code === v.successorCode)!;
      expect(successor).toMatchObject({ name: v.name, parentCode: '140521100000', validFrom: '2021-02-01' });
    }
  });
});

describe('org API', () => {
  it('shows the county tree with current townships, and closed ones on request', async () => {
    const cookie = await env.login('county_admin');
    const current = (await env.app.inject({ url: '/api/org/tree?depth=1', headers: { cookie } })).json();
    const names = current[0].children.map((c: { name: string }) => c.name);
    expect(names).toContain('龙港镇');
    expect(names).not.toContain('樊村河乡');
    expect(names).toHaveLength(13);
    const all = (await env.app.inject({ url: '/api/org/tree?depth=1&includeClosed=true', headers: { cookie } })).json();
    expect(all[0].children).toHaveLength(15);
  });

  it('answers "as of" a date: in 2020 樊村河乡 still existed', async () => {
    const cookie = await env.login('county_admin');
    const in2020 = (
      await env.app.inject({ url: '/api/org/units/140521000000/children?asOf=2020-06-30', headers: { cookie } })
    ).json();
    expect(in2020.map((u: { name: string }) => u.name)).toEqual(expect.arrayContaining(['樊村河乡', '苏庄乡']));
    expect(in2020.map((u: { code: string }) => u.code)).not.toContain('140521999000');
    const in2022 = (
      await env.app.inject({ url: '/api/org/units/140521000000/children?asOf=2022-01-01', headers: { cookie } })
    ).json();
    expect(in2022.map((u: { name: string }) => u.name)).not.toContain('樊村河乡');
  });

  it('looks up by code and searches by name within scope', async () => {
    const county = await env.login('county_admin');
    const unit = (await env.app.inject({ url: '/api/org/units/140521104000', headers: { cookie: county } })).json();
    expect(unit).toMatchObject({ name: '嘉峰镇', level: 'township', kind: '镇', synthetic: false });
    expect(unit.note).toBeNull();
    // What is not an established fact is said with the unit: 苏庄乡's estimated closing, the zone's made-up code, demo villages.
    const suzhuang = (await env.app.inject({ url: '/api/org/units/140521203000', headers: { cookie: county } })).json();
    expect(suzhuang).toMatchObject({ validTo: '2021-07-01' });
    expect(suzhuang.note).toContain('估计值');
    const zone = (await env.app.inject({ url: '/api/org/units/140521400000', headers: { cookie: county } })).json();
    expect(zone).toMatchObject({ synthetic: true });
    expect(zone.note).toContain('自编代码');
    const demoVillage = (
      await env.app.inject({ url: '/api/org/units/140521203201', headers: { cookie: county } })
    ).json();
    expect(demoVillage.note).toMatch(/虚构.*估计值/);
    const found = (
      await env.app.inject({ url: `/api/org/search?q=${encodeURIComponent('樊村河')}`, headers: { cookie: county } })
    ).json();
    expect(found[0]).toMatchObject({ code: '140521200000', validTo: '2021-02-01' });
    const village = await env.login('village_officer');
    const scoped = (
      await env.app.inject({ url: `/api/org/search?q=${encodeURIComponent('镇')}`, headers: { cookie: village } })
    ).json();
    expect(scoped).toEqual([]);
    const tree = (await env.app.inject({ url: '/api/org/tree', headers: { cookie: village } })).json();
    expect(tree[0].code).toBe('140521100201');
  });

  it('hides units outside the actor scope as not found', async () => {
    const township = await env.login('township_staff');
    const res = await env.app.inject({ url: '/api/org/units/140521104000', headers: { cookie: township } });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('嘉峰镇');
  });
});
