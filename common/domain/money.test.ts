import { describe, expect, it } from 'vitest';
import { MoneyParseError, fenToYuanNumber, formatFen, parseYuanToFen, tryParseYuanToFen } from './money.ts';

describe('parseYuanToFen', () => {
  it.each([
    ['1234.5', 123450],
    ['1234.56', 123456],
    ['1234', 123400],
    ['1234.50', 123450],
    ['0', 0],
    ['0.01', 1],
    ['1,234.56', 123456],
    ['1,234,567.89', 123456789],
    ['１２３４．５', 123450],
    ['１，２３４．５６', 123456],
    ['  88 ', 8800],
    ['¥1,234.50', 123450],
    ['￥20000', 2000000],
    ['7600元', 760000],
    ['-12.3', -1230],
    ['－12.3', -1230],
    ['+5', 500],
    // Values whose ×100 is inexact in binary floating point: parsing by string keeps them exact.
    ['0.29', 29],
    ['1.15', 115],
    ['4.35', 435],
    ['19.99', 1999],
    ['1005.03', 100503],
  ] as const)('%j → %i fen', (yuan, fen) => {
    expect(parseYuanToFen(yuan)).toBe(fen);
  });

  it.each([
    [1234.5, 123450],
    [0.29, 29],
    [1.15, 115],
    [0.1 + 0.2, 30],
    [1234.56 * 1, 123456],
    [-0.5, -50],
  ])('number %d (a spreadsheet cell) → %i fen', (yuan, fen) => {
    expect(parseYuanToFen(yuan)).toBe(fen);
  });

  it.each([
    ['1234.567', 'tooManyDecimals'],
    ['0.001', 'tooManyDecimals'],
    ['NaN', 'format'],
    ['abc', 'format'],
    ['1e3', 'format'],
    ['Infinity', 'format'],
    ['1.2.3', 'format'],
    ['1.', 'format'],
    ['.5', 'format'],
    ['--1', 'format'],
    ['1,23.4', 'format'],
    ['12,34', 'format'],
    ['1234,567', 'format'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['99999999999999999', 'outOfRange'],
  ] as const)('%j is refused (%s)', (yuan, reason) => {
    const result = tryParseYuanToFen(yuan);
    expect(result).toMatchObject({ ok: false, reason });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 1234.567])('number %d is refused', (yuan) => {
    expect(tryParseYuanToFen(yuan).ok).toBe(false);
  });

  it('throws a bilingual MoneyParseError', () => {
    let caught: unknown;
    try {
      parseYuanToFen('1234.567');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MoneyParseError);
    const error = caught as MoneyParseError;
    expect(error.reason).toBe('tooManyDecimals');
    expect(error.messageZh).toBe('金额"1234.567"最多保留两位小数');
    expect(error.messageEn).toBe('Amount "1234.567" has more than 2 decimal places');
  });
});

describe('formatFen', () => {
  it.each([
    [123450, '1,234.50'],
    [0, '0.00'],
    [5, '0.05'],
    [99, '0.99'],
    [100, '1.00'],
    [760000, '7,600.00'],
    [100000000, '1,000,000.00'],
    [-123450, '-1,234.50'],
    [-5, '-0.05'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('refuses fractions of a fen', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });

  it('round-trips with parseYuanToFen', () => {
    for (const fen of [0, 1, 99, 123456789, -1230]) expect(parseYuanToFen(formatFen(fen))).toBe(fen);
  });
});

describe('fenToYuanNumber', () => {
  it.each([
    [123450, 1234.5],
    [29, 0.29],
    [-1230, -12.3],
  ])('%i fen → %d yuan', (fen, yuan) => {
    expect(fenToYuanNumber(fen)).toBe(yuan);
  });
});
