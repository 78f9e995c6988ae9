import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_KINDS, HEALTH_CONDITIONS } from '#common/domain/registry/codes.ts';
import { createPersonalDataBox } from '#server/lib/crypto.ts';
import { TEST_SECRET } from '#server/test/constants.ts';
import { makeIdNumber } from '#server/test/factories.ts';
import { cellText, formatCell, parseCell } from './ledger-cells.ts';
import { HOUSEHOLD_COLUMNS, MEMBER_COLUMNS, columnOfHeader, sheetOf } from './ledger-columns.ts';

// The workbook format without a database: header matching, sheet recognition, one cell in and out.

const ctx = { today: '2026-06-30', box: createPersonalDataBox(TEST_SECRET) };
const column = (key: string) => [...HOUSEHOLD_COLUMNS, ...MEMBER_COLUMNS].find((c) => c.key === key)!;
const parse = (key: string, raw: unknown) => parseCell(column(key), raw, ctx);

describe('headers and sheets', () => {
  it('match ignoring spaces and full- or half-width brackets, and accept national aliases', () => {
    expect(columnOfHeader('members', ' 务工时间（月） ')?.key).toBe('work_months');
    expect(columnOfHeader('households', '易返贫致贫户（监测对象）类型')?.key).toBe('monitoring_type');
    expect(columnOfHeader('households', '备注')).toBeUndefined();
  });

  it('recognises a sheet by its title, else by a header only it has', () => {
    expect(sheetOf('户信息', [])).toBe('households');
    expect(sheetOf('members.csv', [])).toBe('members');
    expect(sheetOf('sheet2', ['户编号', '姓名', '与户主关系'])).toBe('members');
    expect(sheetOf('Sheet1', ['行政区划代码', '户主证件号码'])).toBe('households');
    expect(sheetOf('说明', ['说明'])).toBeUndefined();
  });
});

describe('cells', () => {
  it('reads what exceljs hands over: rich text, hyperlinks, formula results', () => {
    expect(cellText({ richText: [{ text: '王' }, { text: '建国' }] })).toBe('王建国');
    expect(cellText({ text: '13912345678', hyperlink: 'tel:13912345678' })).toBe('13912345678');
    expect(cellText({ formula: 'A1*2', result: 1200.5 })).toBe('1200.5');
  });

  it('parses money to fen from text or numbers and refuses a third decimal', () => {
    expect(parse('wage_income', '36,000.50').fields.wage_income).toBe(3_600_050);
    expect(parse('wage_income', 0.1 + 0.2).fields.wage_income).toBe(30);
    expect(parse('wage_income', '').fields.wage_income).toBe(0);
    expect(parse('wage_income', '1.234').problem?.reason).toBe('金额"1.234"最多保留两位小数');
  });

  it('parses months written as 202403, 2024-03 or 2024年3月', () => {
    for (const raw of ['202403', '2024-03', '2024年3月', 202403])
      expect(parse('identification_period', raw).fields.identification_period).toBe('2024-03');
    expect(parse('identification_period', '24-3').problem?.reason).toBe('应为年月，如 202301');
  });

  it('keeps an ID only as hash, cipher and masked form, with sex and birth date; refuses a numeric cell', () => {
    const id = makeIdNumber('1968-03-12', 'male');
    const { fields, problem } = parse('id', id.toLowerCase());
    expect(problem).toBeUndefined();
    expect(fields).toMatchObject({
      id_hash: ctx.box.hash(id),
      id_masked: `${id.slice(0, 4)}**********${id.slice(-4)}`,
      id_sex: 'male',
      id_birth_date: '1968-03-12',
    });
    expect(JSON.stringify(fields)).not.toContain(id);
    expect(parse('id', 140521196803120000).problem?.reason).toContain('被保存为数字');
  });

  it('masks a refused phone number and maps labels, aliases and several labels in one cell', () => {
    expect(parse('phone', '1391234567x').problem?.value).toBe('139****567x');
    expect(parse('labour_skill', '无劳动能力').fields.labour_skill).toBe('none');
    expect(parse('health', '残疾，长期慢性病').fields.health).toEqual(['disabled', 'chronicIllness']);
    expect(parse('water_safe', '否').fields.water_safe).toBe(false);
    expect(parse('minimum_living', '').fields.minimum_living).toBe(false);
  });

  it('formats back what it parses', () => {
    expect(formatCell({ type: 'code', list: HOUSEHOLD_KINDS }, 'alleviated')).toBe('脱贫户');
    expect(formatCell({ type: 'codes', list: HEALTH_CONDITIONS }, ['disabled', 'chronicIllness'])).toBe(
      '残疾,长期慢性病',
    );
    expect(formatCell({ type: 'period' }, '2024-03')).toBe('202403');
    expect(formatCell({ type: 'money' }, 3_600_050)).toBe(36000.5);
    expect(formatCell({ type: 'bool', empty: null }, false)).toBe('否');
  });
});
