import { describe, expect, it } from 'vitest';
import { computeCheckDigit } from '../id-card.ts';
import { jsonFieldPath, rawRecordOfJson } from './json-record.ts';
import { cellText, validateFeedRecord, type RawFeedRecord } from './validate-record.ts';

const TODAY = '2025-06-30';
const withCheck = (first17: string) => first17 + computeCheckDigit(first17);
const ID = withCheck('14052119680312001');
const CERT = `${ID}43`; // 肢体 (4), 三级 (3)
const CERT_REISSUED = `${ID}43B1`;

function raw(overrides: Partial<RawFeedRecord> = {}): RawFeedRecord {
  return {
    idNumber: ID,
    name: '王建国',
    source: '医保',
    item: '住院自付',
    occurredOn: '2025-03-05',
    amount: '1,234.50',
    note: null,
    attrs: {},
    extra: {},
    ...overrides,
  };
}

describe('validateFeedRecord: accepted rows', () => {
  it.each([
    [
      'a medical bill in yuan',
      raw(),
      { source: 'medical', item: 'inpatientOutOfPocket', amountFen: 123450, occurredOn: '2025-03-05' },
    ],
    [
      'source and item given as codes',
      raw({ source: 'medical', item: 'outpatientOutOfPocket', amount: 88 }),
      { item: 'outpatientOutOfPocket', amountFen: 8800 },
    ],
    ['the department name as source', raw({ source: '医保局' }), { source: 'medical' }],
    ['an item alias', raw({ item: '住院个人自付' }), { item: 'inpatientOutOfPocket' }],
    ['an item without amount', raw({ item: '未参保', amount: '' }), { item: 'uninsured', amountFen: null }],
    ['an Excel date cell', raw({ occurredOn: new Date(Date.UTC(2025, 2, 5)) }), { occurredOn: '2025-03-05' }],
    ['a slashed date', raw({ occurredOn: '2025/3/5' }), { occurredOn: '2025-03-05' }],
    ['a Chinese date', raw({ occurredOn: '2025年3月5日' }), { occurredOn: '2025-03-05' }],
    [
      'full-width digits in the ID',
      raw({ idNumber: ID.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) }),
      { idNumber: ID },
    ],
    [
      'a 残疾人证号',
      raw({ source: '残联', item: '新增残疾', amount: null, idNumber: CERT }),
      { idNumber: CERT, residentId: ID },
    ],
    [
      'a reissued 残疾人证号',
      raw({ source: '残联', item: '新增残疾', amount: null, idNumber: CERT_REISSUED }),
      { idNumber: CERT_REISSUED, residentId: ID },
    ],
    [
      'a house grade',
      raw({ source: '住建', item: '危房鉴定', amount: null, attrs: { houseGrade: 'ｄ级' } }),
      { attrs: { houseGrade: 'D' } },
    ],
    [
      'disability category and grade',
      raw({
        source: '残联',
        item: '新增残疾',
        amount: null,
        attrs: { disabilityCategory: '肢体', disabilityGrade: '三级' },
      }),
      { attrs: { disabilityCategory: 'physical', disabilityGrade: 'grade3' } },
    ],
    [
      'months without contributions',
      raw({ source: '人社', item: '社保断缴', amount: null, attrs: { gapMonths: '3个月' } }),
      { attrs: { gapMonths: '3' } },
    ],
    [
      'a school stage',
      raw({ source: '教育', item: '非义务教育费用', amount: 12000, attrs: { schoolStage: '高中' } }),
      { attrs: { schoolStage: 'seniorHigh' }, amountFen: 1_200_000 },
    ],
    [
      'a disaster type',
      raw({ source: '应急', item: '受灾', amount: '30000', attrs: { disasterType: '暴雨' } }),
      { attrs: { disasterType: 'flood' } },
    ],
    [
      'free-text columns',
      raw({ source: '市场监管', item: '企业登记', amount: null, attrs: { companyName: '沁水县某某农业合作社' } }),
      { attrs: { companyName: '沁水县某某农业合作社' } },
    ],
    [
      'an unknown column kept',
      raw({ extra: { 联系电话: '13800000000', 空列: '' } }),
      { extra: { 联系电话: '13800000000' } },
    ],
    ['a blank source under a fixed one', raw({ source: '' }), { source: 'medical' }],
  ] as const)('%s', (_name, input, expected) => {
    const result = validateFeedRecord(input, { today: TODAY, source: input.source === '' ? 'medical' : undefined });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.record).toMatchObject(expected);
  });
});

describe('validateFeedRecord: refused rows', () => {
  it.each([
    ['a bad check digit', raw({ idNumber: ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1') }), 'idNumber', '校验位'],
    ['a short ID', raw({ idNumber: '14052119680312' }), 'idNumber', '18位'],
    ['an ID in a number cell', raw({ idNumber: 140521196803120000 }), 'idNumber', '文本'],
    ['a 残疾人证号 with category 8', raw({ idNumber: `${ID}83` }), 'idNumber', '残疾人证号'],
    ['no name', raw({ name: ' ' }), 'name', '姓名不能为空'],
    ['an unknown source', raw({ source: '卫健' }), 'source', '数据来源"卫健"无效'],
    ['a source other than the fixed one', raw({ source: '教育' }), 'source', '不符'],
    ['an unknown item', raw({ item: '看病' }), 'item', '不是医保的事项'],
    ['another source’s item', raw({ item: '辍学' }), 'item', '不是医保的事项'],
    ['a missing amount', raw({ amount: '' }), 'amount', '须填写金额'],
    ['a negative amount', raw({ amount: '-5' }), 'amount', '负数'],
    ['three decimals', raw({ amount: '1.005' }), 'amount', '两位小数'],
    ['an impossible date', raw({ occurredOn: '2025-02-30' }), 'occurredOn', '真实日期'],
    ['a day-first date', raw({ occurredOn: '05/03/2025' }), 'occurredOn', '真实日期'],
    ['a future date', raw({ occurredOn: '2025-07-01' }), 'occurredOn', '晚于今天'],
    ['a date as a plain number', raw({ occurredOn: 45721 }), 'occurredOn', 'YYYY-MM-DD'],
    [
      'grade E',
      raw({ source: '住建', item: '危房鉴定', amount: null, attrs: { houseGrade: 'E' } }),
      'houseGrade',
      'A、B、C 或 D',
    ],
    ['a column of another source', raw({ attrs: { houseGrade: 'C' } }), 'houseGrade', '不适用于医保'],
    [
      'zero months',
      raw({ source: '人社', item: '社保断缴', amount: null, attrs: { gapMonths: '0' } }),
      'gapMonths',
      '1–600',
    ],
    [
      'an unknown disability category',
      raw({ source: '残联', item: '新增残疾', amount: null, attrs: { disabilityCategory: '其他' } }),
      'disabilityCategory',
      '残疾类别',
    ],
    [
      'an unknown disaster',
      raw({ source: '应急', item: '受灾', amount: 1, attrs: { disasterType: '海啸' } }),
      'disasterType',
      '灾种',
    ],
    ['a long note', raw({ note: '很'.repeat(501) }), 'note', '500'],
  ] as const)('%s', (_name, input, field, reason) => {
    const result = validateFeedRecord(input, { today: TODAY, source: _name.includes('fixed') ? 'medical' : undefined });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].field).toBe(field);
    expect(result.errors[0].reasonZh).toContain(reason);
    expect(result.errors[0].reasonEn).toMatch(/^[A-Z]/);
  });

  it('reports every bad cell of a row at once and masks the ID', () => {
    const result = validateFeedRecord(raw({ idNumber: ID.slice(0, 17) + 'Y', item: '', occurredOn: 'yesterday' }), {
      today: TODAY,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(['idNumber', 'occurredOn', 'item']);
    expect(result.errors[0].value).toBe(`1405**********${ID.slice(14, 17)}Y`);
    expect(JSON.stringify(result.errors)).not.toContain(ID.slice(0, 17));
  });
});

describe('cellText', () => {
  it.each([
    [null, ''],
    ['  王 ', '王'],
    [0.1 + 0.2, '0.3'],
    [new Date(Date.UTC(2024, 1, 29)), '2024-02-29'],
    [true, 'TRUE'],
  ] as const)('%j → %j', (cell, text) => expect(cellText(cell)).toBe(text));
});

describe('JSON records', () => {
  it('take attribute keys as codes or Chinese names and keep unknown keys', () => {
    const r = rawRecordOfJson(
      { idNumber: ID, name: '王', item: 'houseAppraisal', occurredOn: '2025-01-02', attrs: { 等级: 'C', remark: 'x' } },
      'housing',
    );
    expect(r.attrs).toEqual({ houseGrade: 'C' });
    expect(r.extra).toEqual({ remark: 'x' });
    expect(validateFeedRecord(r, { today: TODAY, source: 'housing' }).ok).toBe(true);
  });

  it.each([
    [0, 'idNumber', 'records[0].idNumber'],
    [3, 'amount', 'records[3].amountYuan'],
    [2, 'houseGrade', 'records[2].attrs.houseGrade'],
    [1, 'source', 'source'],
  ] as const)('record %i field %s → %s', (index, field, path) => expect(jsonFieldPath(index, field)).toBe(path));
});
