import { describe, expect, it } from 'vitest';
import { computeCheckDigit } from '../id-card.ts';
import { comparableHeader, fieldOfHeader, mapFeedHeader } from './columns.ts';
import { headerErrors, isBlankRow, parseFeedRow } from './row-parser.ts';
import { FEED_SOURCES, type FeedItem, itemOfLabel, sourceOfItem, sourceOfLabel } from './sources.ts';

const ID = '14052119680312001' + computeCheckDigit('14052119680312001');

describe('header matching', () => {
  it.each([
    ['金额(元)', 'amount'],
    ['金额（元）', 'amount'],
    [' 金 额 ( 元 ) ', 'amount'],
    ['金额【元】', 'amount'],
    ['金额', 'amount'],
    ['*证件号码', 'idNumber'],
    ['身份证号码', 'idNumber'],
    ['发生日期', 'occurredOn'],
    ['数据来源', 'source'],
    ['备注', 'note'],
    ['等级', 'houseGrade'],
    ['危房等级', 'houseGrade'],
    ['断缴月数', 'gapMonths'],
    ['单位', 'employer'],
    ['disabilityGrade', 'disabilityGrade'],
  ] as const)('%j → %s', (header, field) => expect(fieldOfHeader(header)).toBe(field));

  it('folds widths, spaces and brackets', () => {
    expect(comparableHeader('金额（元）')).toBe(comparableHeader('金额(元)'));
    expect(comparableHeader('　学　段　')).toBe('学段');
    expect(fieldOfHeader('联系电话')).toBeUndefined();
  });

  it('maps a header row, keeping unknown columns and naming missing and repeated ones', () => {
    const h = mapFeedHeader(['证件号码', '姓名', '事项', '发生日期', '金额（元）', '联系电话', '', '身份证号'], false);
    expect([...h.fields.entries()]).toEqual([
      [0, 'idNumber'],
      [1, 'name'],
      [2, 'item'],
      [3, 'occurredOn'],
      [4, 'amount'],
    ]);
    expect([...h.unknown.values()]).toEqual(['联系电话']);
    expect(h.problems.map((p) => p.reasonZh)).toEqual(['列"身份证号"与"证件号码"重复', '缺少必填列"数据来源"']);
    expect(mapFeedHeader(['证件号码', '姓名', '事项', '发生日期'], true).problems).toEqual([]);
    expect(headerErrors(h, 1)[1]).toMatchObject({ row: 1, column: '数据来源', value: '' });
  });
});

describe('parseFeedRow', () => {
  const header = mapFeedHeader(
    ['证件号码', '姓名', '数据来源', '事项', '发生日期', '金额（元）', '说明', '等级', '联系电话'],
    false,
  );

  it('turns a row into a record, extras kept', () => {
    const result = parseFeedRow([ID, '王建国', '住建', '危房鉴定', '2025-01-02', '', '复核', 'C级', '138'], header, 2, {
      today: '2025-06-30',
    });
    expect(result).toEqual({
      ok: true,
      record: {
        source: 'housing',
        item: 'houseAppraisal',
        idNumber: ID,
        residentId: ID,
        name: '王建国',
        occurredOn: '2025-01-02',
        amountFen: null,
        note: '复核',
        attrs: { houseGrade: 'C' },
        extra: { 联系电话: '138' },
      },
    });
  });

  it('names errors by row and the header as written', () => {
    const result = parseFeedRow([ID, '王建国', '医保', '住院自付', '2025-01-02', '', '', '', ''], header, 7, {
      today: '2025-06-30',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          row: 7,
          column: '金额（元）',
          value: '',
          reasonZh: '事项"住院自付"须填写金额',
          reasonEn: 'Item "住院自付" needs an amount',
        },
      ],
    });
  });

  it('knows blank rows', () => {
    expect(isBlankRow(['', null, '  ', undefined])).toBe(true);
    expect(isBlankRow(['', 0])).toBe(false);
  });
});

describe('sources as data', () => {
  it('has the eleven sources of formats §2 with unique item codes and labels', () => {
    expect(FEED_SOURCES.map((s) => s.zh)).toEqual([
      '医保',
      '教育',
      '住建',
      '民政',
      '残联',
      '人社',
      '应急',
      '公安',
      '市场监管',
      '财政',
      '水务',
    ]);
    const items = FEED_SOURCES.flatMap((s): readonly FeedItem[] => s.items);
    expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.zh)).size).toBe(items.length);
    expect(items.filter((i) => i.needsAmount).map((i) => i.code)).toEqual([
      'inpatientOutOfPocket',
      'outpatientOutOfPocket',
      'nonCompulsoryCost',
      'temporaryRelief',
      'disaster',
    ]);
  });

  it.each([
    ['医保', 'medical'],
    ['medical', 'medical'],
    ['市场监督管理局', 'market'],
    ['水 务', 'water'],
    ['卫健', undefined],
  ] as const)('source %j → %s', (label, code) => expect(sourceOfLabel(label)).toBe(code));

  it('finds items within their source only', () => {
    expect(itemOfLabel('civil', '临时救助')?.code).toBe('temporaryRelief');
    expect(itemOfLabel('medical', '临时救助')).toBeUndefined();
    expect(sourceOfItem('publicPayroll')).toBe('finance');
  });
});
