import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '#common/domain/id-card.ts';
import { queryRows } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { makeIdNumber } from '#server/test/factories.ts';
import { dropLeftoverStages } from './staging.ts';
import {
  registryCounts,
  sheetRows,
  testHousehold,
  useTransferTestApp,
  workbook,
  type TestHousehold,
} from './transfer.test-support.ts';

const env = useTransferTestApp();

const xlsx = async (list: TestHousehold[], extra: string[] = []) => ({
  households: { name: '台账.xlsx', content: await workbook(sheetRows(list, extra)) },
});

/** The same ID with a wrong check character. */
function withBadCheckDigit(id: string): string {
  const last = id[17];
  return id.slice(0, 17) + (last === 'X' ? '0' : String((Number(last) + 1) % 10));
}

describe('dry run of a workbook with mistakes', () => {
  it('reports every error by sheet, row and column, masked, and writes nothing', async () => {
    const [h1, h2, h3, h4, h5, h6] = Array.from({ length: 6 }, () => testHousehold());
    h2.household['户类型'] = '贫困户';
    h3.household['工资性收入'] = '1234.567';
    h4.members[1]['与户主关系'] = '户主';
    const badId = withBadCheckDigit(String(h5.members[1]['证件号码']));
    h5.members[1]['证件号码'] = badId;
    h6.members[2]['证件号码'] = h1.members[2]['证件号码'];
    const stray = { ...h1.members[0], 户编号: 'NOPE0001', 证件号码: makeIdNumber('1980-01-01', 'male') };
    // The stray member has no household row: it goes into the members sheet only.
    const sheets = sheetRows([h1, h2, h3, h4, h5, h6]);
    sheets.members.push(sheetRows([{ household: {}, members: [stray] }]).members[1]);

    const before = await registryCounts(env.services.db);
    const job = await env.importFiles(
      'county_staff',
      { households: { name: '台账.xlsx', content: await workbook(sheets) } },
      '?dryRun=true',
    );
    expect(job.status).toBe('succeeded');
    const errors = job.result.errors.map(({ sheet, row, column, value, reason }) => ({
      sheet,
      row,
      column,
      value,
      reason,
    }));
    expect(errors).toEqual([
      {
        sheet: '户信息',
        row: 3,
        column: '户类型',
        value: '贫困户',
        reason: '"贫困户"不是有效的户类型，可选：脱贫户、一般农户',
      },
      { sheet: '户信息', row: 4, column: '工资性收入', value: '1234.567', reason: '金额"1234.567"最多保留两位小数' },
      { sheet: '家庭成员', row: 12, column: '与户主关系', value: '户主', reason: '一户只能有一名户主' },
      {
        sheet: '家庭成员',
        row: 15,
        column: '证件号码',
        value: maskIdNumber(badId),
        reason: '证件号码校验位不符，请核对号码',
      },
      {
        sheet: '家庭成员',
        row: 19,
        column: '证件号码',
        value: maskIdNumber(String(h1.members[2]['证件号码'])),
        reason: '证件号码与第4行重复：同一人在文件中只能出现一次',
      },
      {
        sheet: '家庭成员',
        row: 20,
        column: '户编号',
        value: 'NOPE0001',
        reason: '户信息中没有这个户编号，系统中也没有您管辖范围内的此户（或该户已注销）',
      },
    ]);
    expect(job.result.errors.every((e) => e.reasonEn.length > 0)).toBe(true);
    expect(job.result).toMatchObject({
      dryRun: true,
      committed: false,
      households: 6,
      created: 1,
      invalid: 5,
      errorCount: 6,
    });
    expect(JSON.stringify(job.result)).not.toContain(badId);
    expect(await registryCounts(env.services.db)).toEqual(before);
  });

  it('refuses a real import with errors and writes nothing; skipInvalid imports the valid households', async () => {
    const good = testHousehold();
    const bad = testHousehold();
    bad.household['户类型'] = '贫困户';
    const before = await registryCounts(env.services.db);
    const refused = await env.importFiles('county_staff', await xlsx([good, bad]));
    expect(refused.result).toMatchObject({ committed: false, errorCount: 1 });
    expect(await registryCounts(env.services.db)).toEqual(before);

    const partial = await env.importFiles('county_staff', await xlsx([good, bad]), '?skipInvalid=true');
    expect(partial.result).toMatchObject({ committed: true, created: 1, invalid: 1, errorCount: 1 });
    const rows = await queryRows<{ household_no: string }>(
      env.services.db,
      sql`SELECT household_no FROM household WHERE household_no IN (${good.household['户编号']}, ${bad.household['户编号']})`,
    );
    expect(rows.map((r) => r.household_no)).toEqual([good.household['户编号']]);
  });
});

describe('staging tables', () => {
  it('are gone after every import; leftovers of a crashed one are dropped at start-up', async () => {
    const staging = () =>
      queryRows<{ n: number }>(
        env.services.db,
        sql`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'registry_import_%'`,
      );
    expect((await staging())[0].n).toBe(0);
    await env.services.db.execute(sql`CREATE TABLE registry_import_0123456789ab_h (id int)`);
    expect(await dropLeftoverStages(env.services.db)).toBe(1);
    expect((await staging())[0].n).toBe(0);
  });
});

describe('importing a clean workbook', () => {
  const list = [testHousehold(), testHousehold(), testHousehold()];
  list[0].household['备注'] = '2024年危房改造';

  it('creates the households with counts, keeps unknown columns, records one change per household and one audit row', async () => {
    const before = await registryCounts(env.services.db);
    const job = await env.importFiles('county_staff', await xlsx(list, ['备注']));
    expect(job.result).toMatchObject({
      committed: true,
      households: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      errorCount: 0,
      members: { rows: 9, added: 9, ended: 0, updated: 0, unchanged: 0 },
      unknownColumns: { households: ['备注'], members: [] },
    });
    const after = await registryCounts(env.services.db);
    expect(after).toMatchObject({
      households: before.households + 3,
      persons: before.persons + 9,
      memberships: before.memberships + 9,
      changes: before.changes + 3,
      audits: before.audits + 1,
    });
    const [h] = await queryRows<{ extra: unknown; no_labour: boolean; size: number }>(
      env.services.db,
      sql`SELECT h.extra, h.whole_household_no_labour AS no_labour,
      (SELECT household_size FROM household_income i WHERE i.household_id = h.id)::int AS size FROM household h WHERE household_no = ${list[0].household['户编号']}`,
    );
    expect(h).toEqual({ extra: { 备注: '2024年危房改造' }, no_labour: false, size: 3 });
    const changes = await queryRows<{ action: string; reason: string }>(
      env.services.db,
      sql`SELECT action, reason FROM registry_change ORDER BY id DESC LIMIT 3`,
    );
    expect(changes).toEqual(Array(3).fill({ action: 'import', reason: '导入 台账.xlsx' }));
  });

  it('stores no plaintext ID number or phone anywhere', async () => {
    const [{ t }] = await queryRows<{ t: string }>(
      env.services.db,
      sql`SELECT concat_ws('|', (SELECT string_agg(p::text, '|') FROM person p),
      (SELECT string_agg(h::text, '|') FROM household h), (SELECT string_agg(c::text, '|') FROM registry_change c),
      (SELECT string_agg(a::text, '|') FROM audit_log a), (SELECT string_agg(j::text, '|') FROM job j)) AS t`,
    );
    for (const m of list.flatMap((h) => h.members)) expect(t).not.toContain(String(m['证件号码']));
    expect(t).not.toContain('13912345678');
  });

  it('reports everything unchanged on re-import and records no change', async () => {
    const before = await registryCounts(env.services.db);
    const job = await env.importFiles('county_staff', await xlsx(list, ['备注']));
    expect(job.result).toMatchObject({
      committed: true,
      created: 0,
      updated: 0,
      unchanged: 3,
      members: { added: 0, ended: 0, updated: 0, unchanged: 9 },
    });
    expect(await registryCounts(env.services.db)).toEqual({ ...before, audits: before.audits + 1 });
  });

  it('end-dates a member no longer listed and records the change with masked phones', async () => {
    const changed = structuredClone(list);
    changed[0].household['联系电话'] = '13900000000';
    const gone = changed[0].members.pop()!;
    const job = await env.importFiles('county_staff', await xlsx(changed, ['备注']));
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 2,
      members: { added: 0, ended: 1, unchanged: 8 },
    });
    const [change] = await queryRows<{ before: unknown; after: unknown }>(
      env.services.db,
      sql`SELECT before, after FROM registry_change ORDER BY id DESC LIMIT 1`,
    );
    // The income year is rewritten too: its household size is now 2.
    expect(change).toEqual({
      before: { phone: '139****5678' },
      after: { phone: '139****0000', membersEnded: 1, incomeYear: 2025 },
    });
    const [membership] = await queryRows<{ valid_to: string; end_reason: string }>(
      env.services.db,
      sql`SELECT m.valid_to::text, m.end_reason FROM membership m
      JOIN person p ON p.id = m.person_id WHERE p.name = ${String(gone['姓名'])}`,
    );
    expect(membership).toEqual({ valid_to: todayInChina(), end_reason: '导入 台账.xlsx' });
  });
});
