import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseIdNumber } from '#common/domain/id-card.ts';
import { queryRows } from '#server/db/connect.ts';
import { systemContext } from '#server/lib/context.ts';
import { householdRequest, makeIdNumber } from '#server/test/factories.ts';
import { csvFile, feedCounts, FEED_HEADER, useFeedsTestApp, xlsxFile } from './feeds.test-support.ts';

const env = useFeedsTestApp();
const ctx = systemContext('test');
const COUNTY = '140521000000';
const registered: string[] = [];
const stranger = makeIdNumber('1980-01-01', 'male');

beforeAll(async () => {
  const body = householdRequest();
  await env.services.registry.create(ctx, body);
  registered.push(...body.members.map((m) => m.idNumber));
});

const importCsv = (buffer: Buffer, dryRun = false, fileName = 'feed.csv') =>
  env.feeds.importFeed(ctx, { fileName, buffer, dryRun, countyCode: COUNTY });

function cleanFile(): Buffer {
  return csvFile([
    [...FEED_HEADER, '学段', '等级', '联系电话'],
    [
      registered[0],
      '王建国',
      '医保',
      '住院自付',
      '2025-03-05',
      '1,234.50',
      '县医院, "复查"\n第二行',
      '',
      '',
      '13800000000',
    ],
    [registered[0], '王建国', '医保', '住院自付', '2025-03-05', '1234.5', '同一笔的重复行', '', '', ''],
    [registered[2], '王丽', '教育', '非义务教育费用', '2025-02-01', '6000', '', '高中', '', ''],
    [stranger, '赵六', '住建', '危房鉴定', '2025-01-15', '', '', '', 'C级', ''],
  ]);
}

describe('importing a CSV (UTF-8 BOM, CRLF, quoted fields)', () => {
  it('dry run: counts what would happen and writes nothing', async () => {
    const before = await feedCounts(env.services.db);
    const result = await importCsv(cleanFile(), true);
    expect(result).toMatchObject({
      status: 'checked',
      dryRun: true,
      rowCount: 4,
      errorCount: 0,
      unknownColumns: ['联系电话'],
    });
    expect(
      result.batches.map((b) => [
        b.source,
        b.status,
        b.recordCount,
        b.duplicateRows,
        b.newCount,
        b.matchedCount,
        b.unmatchedCount,
      ]),
    ).toEqual([
      ['medical', 'checked', 1, 1, 1, 1, 0],
      ['education', 'checked', 1, 0, 1, 1, 0],
      ['housing', 'checked', 1, 0, 1, 0, 1],
    ]);
    expect(await feedCounts(env.services.db)).toEqual(before);
    expect(env.hookCalls).toEqual([]);
  });

  it('imports one batch per source with matched and unmatched counts, one audit row each, and calls the hook', async () => {
    const before = await feedCounts(env.services.db);
    const result = await importCsv(cleanFile());
    expect(result.status).toBe('imported');
    expect(result.batches.map((b) => [b.source, b.status, b.newCount, b.matchedCount, b.unmatchedCount])).toEqual([
      ['medical', 'imported', 1, 1, 0],
      ['education', 'imported', 1, 1, 0],
      ['housing', 'imported', 1, 0, 1],
    ]);
    expect(await feedCounts(env.services.db)).toEqual({
      batches: before.batches + 3,
      records: before.records + 3,
      audits: before.audits + 3,
    });

    const [medical] = await queryRows<{
      amount_fen: string;
      note: string;
      attrs: Record<string, string>;
      occurred_on: string;
    }>(
      env.services.db,
      sql`SELECT amount_fen::text, note, attrs, occurred_on::text FROM feed_record WHERE batch_id = ${result.batches[0].batchId}`,
    );
    expect(medical).toEqual({
      amount_fen: '123450',
      note: '县医院, "复查"\n第二行',
      attrs: { 'extra.联系电话': '13800000000' },
      occurred_on: '2025-03-05',
    });

    const hashOf = (id: string) => env.services.box.hash(normaliseIdNumber(id));
    expect(env.hookCalls).toEqual([
      { batchId: result.batches[0].batchId, idHashes: [hashOf(registered[0])] },
      { batchId: result.batches[1].batchId, idHashes: [hashOf(registered[2])] },
      { batchId: result.batches[2].batchId, idHashes: [] },
    ]);
    const dump = await queryRows<{ t: string }>(
      env.services.db,
      sql`SELECT string_agg(r::text, '|') AS t FROM feed_record r`,
    );
    for (const id of [...registered, stranger]) expect(dump[0].t).not.toContain(id);
  });

  it('the same file again changes nothing and says so', async () => {
    const before = await feedCounts(env.services.db);
    const calls = env.hookCalls.length;
    const result = await importCsv(cleanFile(), false, 'renamed.csv');
    expect(result.status).toBe('alreadyImported');
    expect(result.batches.every((b) => b.status === 'alreadyImported' && b.newCount === 0 && b.batchId !== null)).toBe(
      true,
    );
    expect(await feedCounts(env.services.db)).toEqual(before);
    expect(env.hookCalls).toHaveLength(calls);
  });

  it('a later file overlapping an earlier one stores only the new records', async () => {
    const file = csvFile(
      [
        FEED_HEADER,
        [registered[0], '王建国', '医保', '住院自付', '2025-03-05', '1234.50', ''],
        [registered[0], '王建国', '医保', '门诊自付', '2025-04-01', '300', ''],
      ],
      { bom: false, crlf: false },
    );
    const result = await importCsv(file);
    expect(result.batches).toEqual([
      expect.objectContaining({ source: 'medical', status: 'imported', recordCount: 2, newCount: 1, existingCount: 1 }),
    ]);
  });
});

describe('importing an XLSX built with exceljs', () => {
  it('reads the first sheet, date cells and text IDs, and is idempotent', async () => {
    const rows = [
      [...FEED_HEADER, '灾种'],
      [registered[1], '李秀英', '应急', '受灾', new Date(Date.UTC(2025, 4, 20)), 15000, '冰雹', '冰雹'],
      [stranger, '赵六', '民政', '临时救助', '2025-05-21', '800.5', null, null],
    ];
    const buffer = await xlsxFile(rows);
    const first = await env.feeds.importFeed(ctx, { fileName: 'feed.xlsx', buffer, dryRun: false, countyCode: COUNTY });
    expect(first.errors).toEqual([]);
    expect(first.batches.map((b) => [b.source, b.matchedCount, b.unmatchedCount])).toEqual([
      ['emergency', 1, 0],
      ['civil', 0, 1],
    ]);
    const [row] = await queryRows<{ occurred_on: string; attrs: Record<string, string>; amount_fen: string }>(
      env.services.db,
      sql`SELECT occurred_on::text, attrs, amount_fen::text FROM feed_record WHERE batch_id = ${first.batches[0].batchId}`,
    );
    expect(row).toEqual({
      occurred_on: '2025-05-20',
      attrs: { disasterType: 'meteorological' },
      amount_fen: '1500000',
    });
    const again = await env.feeds.importFeed(ctx, {
      fileName: 'feed.xlsx',
      buffer: await xlsxFile(rows),
      dryRun: false,
      countyCode: COUNTY,
    });
    expect(again.status).toBe('alreadyImported');
  });
});

describe('malformed rows', () => {
  const badFile = () =>
    csvFile([
      [...FEED_HEADER, '等级'],
      [
        registered[0].slice(0, 17) + (registered[0][17] === '1' ? '2' : '1'),
        '王建国',
        '医保',
        '门诊自付',
        '2025-03-01',
        '10',
        '',
        '',
      ],
      [registered[0], '王建国', '医保', '看病', '2025-03-01', '10', '', ''],
      [registered[0], '王建国', '民政', '临时救助', '2025-03-01', '', '', ''],
      [stranger, '赵六', '水务', '饮水不安全', '2025-13-01', '', '', ''],
      [stranger, '赵六', '住建', '危房鉴定', '2025-03-01', '', '', 'E'],
      [stranger, '赵六', '水务', '饮水不安全', '2025-03-01', '', '', ''],
    ]);

  it('dry run lists every error exactly and writes nothing; a real run writes nothing either', async () => {
    const before = await feedCounts(env.services.db);
    for (const dryRun of [true, false]) {
      const result = await importCsv(badFile(), dryRun, 'bad.csv');
      expect(result.status).toBe('rejected');
      expect(result.rowCount).toBe(6);
      expect(result.batches).toEqual([]);
      expect(result.errors.map(({ row, column, value }) => ({ row, column, value }))).toEqual([
        {
          row: 2,
          column: '证件号码',
          value: `1405**********${registered[0].slice(14, 17)}${registered[0][17] === '1' ? '2' : '1'}`,
        },
        { row: 3, column: '事项', value: '看病' },
        { row: 4, column: '金额（元）', value: '' },
        { row: 5, column: '发生日期', value: '2025-13-01' },
        { row: 6, column: '等级', value: 'E' },
      ]);
      expect(result.errors.map((e) => e.reasonZh)).toEqual([
        '证件号码校验位不符，请核对号码',
        '事项"看病"不是医保的事项，可选：住院自付、门诊自付、未参保',
        '事项"临时救助"须填写金额',
        '发生日期"2025-13-01"应为 YYYY-MM-DD 格式的真实日期',
        '等级"E"无效，应为 A、B、C 或 D',
      ]);
      expect(result.errors[4].reasonEn).toBe('Grade "E" must be A, B, C or D');
    }
    expect(await feedCounts(env.services.db)).toEqual(before);
  });

  it('reports a missing column once, on the header row', async () => {
    const result = await importCsv(
      csvFile([
        ['证件号码', '姓名', '数据来源', '发生日期'],
        [stranger, '赵六', '水务', '2025-03-01'],
      ]),
      true,
    );
    expect(result).toMatchObject({
      status: 'rejected',
      rowCount: 0,
      errors: [{ row: 1, column: '事项', reasonZh: '缺少必填列"事项"' }],
    });
  });

  it('refuses files it cannot read with a bilingual message', async () => {
    await expect(importCsv(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0a]))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      messageZh: expect.stringContaining('UTF-8'),
    });
    await expect(importCsv(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).rejects.toMatchObject({
      messageEn: expect.stringContaining('.xls'),
    });
    await expect(importCsv(Buffer.from('PK\x03\x04garbage'))).rejects.toMatchObject({
      messageEn: expect.stringContaining('.xlsx'),
    });
  });

  it('refuses rows of another source when the import names its source', async () => {
    const result = await env.feeds.importFeed(ctx, {
      fileName: 'x.csv',
      buffer: cleanFile(),
      dryRun: true,
      source: 'medical',
      countyCode: COUNTY,
    });
    expect(result.status).toBe('rejected');
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [4, '数据来源'],
      [5, '数据来源'],
    ]);
  });
});
