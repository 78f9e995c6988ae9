import { describe, expect, it } from 'vitest';
import {
  ID_CHECK_WEIGHTS,
  ageOn,
  computeCheckDigit,
  disabilityCertificateParts,
  isDisabilityCertificateNumber,
  maskIdNumber,
  maskPhone,
  normaliseIdNumber,
  validateIdNumber,
} from './id-card.ts';

const TODAY = '2024-06-30';

describe('GB 11643 check character (ISO 7064 MOD 11-2)', () => {
  it('uses the weights of policy-rules §3.5', () => {
    expect(ID_CHECK_WEIGHTS).toEqual([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
  });

  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['14052119850615123', '3'],
    ['14052119900101002', '6'],
    ['14052119750101004', 'X'],
    ['14052119750101005', '8'],
  ])('computeCheckDigit(%s) = %s', (first17, expected) => {
    expect(computeCheckDigit(first17)).toBe(expected);
  });

  it('refuses anything but 17 digits', () => {
    expect(() => computeCheckDigit('1405211985061512')).toThrow(RangeError);
    expect(() => computeCheckDigit('1405211985061512X')).toThrow(RangeError);
  });
});

describe('normaliseIdNumber', () => {
  it.each([
    ['  11010519491231002x ', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２ｘ', '11010519491231002X'],
    ['\u300011010519491231002X\u3000', '11010519491231002X'],
  ])('%j → %s', (raw, expected) => {
    expect(normaliseIdNumber(raw)).toBe(expected);
  });
});

describe('validateIdNumber', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female', '110105'],
    ['11010519491231002x', '1949-12-31', 'female', '110105'],
    ['140521198506151233', '1985-06-15', 'male', '140521'],
    ['140521199001010026', '1990-01-01', 'female', '140521'],
    ['140521200002290045', '2000-02-29', 'female', '140521'],
    ['140521190101010030', '1901-01-01', 'male', '140521'],
    ['１４０５２１１９８５０６１５１２３３', '1985-06-15', 'male', '140521'],
  ])('%s is valid: born %s, %s, area %s', (id, birthDate, sex, areaCode) => {
    expect(validateIdNumber(id, TODAY)).toEqual({
      ok: true,
      idNumber: normaliseIdNumber(id),
      birthDate,
      sex,
      areaCode,
    });
  });

  it.each([
    ['14052119850615123', 'length'],
    ['140521850615123', 'length'],
    ['14052119850615123312', 'length'],
    ['', 'length'],
    ['1405211985061512A3', 'format'],
    ['14052119850615123Y', 'format'],
    ['040521198506151233', 'format'],
    ['140521198506151234', 'checksum'],
    ['140521198506151242', 'checksum'],
    ['440524188001010014', 'birthDate'],
    ['140521198513011239', 'birthDate'],
    ['140521198500011239', 'birthDate'],
    ['140521200102290045', 'birthDate'],
    ['140521202407010011', 'birthDate'],
  ] as const)('%j is refused for %s', (id, reason) => {
    const result = validateIdNumber(id, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe(reason);
    expect(result.messageZh).toMatch(/证件号码/);
    expect(result.messageEn).toMatch(/ID number/);
  });

  it('accepts a birth date equal to today, not one day later', () => {
    expect(validateIdNumber('140521202401010011', '2024-01-01').ok).toBe(true);
    expect(validateIdNumber('140521202401010011', '2023-12-31')).toMatchObject({ ok: false, reason: 'birthDate' });
  });

  it('needs a real `today`, because validity depends on it', () => {
    expect(() => validateIdNumber('140521198506151233', '2024-02-30')).toThrow(RangeError);
  });
});

describe('disability certificate numbers (残疾人证号, 20 or 22 characters)', () => {
  it.each([
    ['14052119750101004X42', true],
    ['14052119750101004x42', true],
    ['14052119750101004X42B1', true],
    ['14052119750101004X82', false],
    ['14052119750101004X45', false],
    ['14052119750101004X4', false],
    ['14052119750101004X', false],
    ['14052119750101004X42B', false],
  ])('isDisabilityCertificateNumber(%j) = %s', (value, expected) => {
    expect(isDisabilityCertificateNumber(value)).toBe(expected);
  });

  it('splits out the embedded resident ID, category digit and grade digit', () => {
    expect(disabilityCertificateParts('14052119750101004X42B1')).toEqual({
      idNumber: '14052119750101004X',
      categoryDigit: '4',
      gradeDigit: '2',
      suffix: 'B1',
    });
    expect(disabilityCertificateParts('140521198506151233')).toBeNull();
  });
});

describe('masking for lists and public notices', () => {
  it.each([
    ['140521198506151234', '1405**********1234'],
    ['11010519491231002x', '1101**********002X'],
    ['14052119750101004X42', '1405************4X42'],
    ['12345678', '********'],
    ['', ''],
  ])('maskIdNumber(%j) = %s', (raw, masked) => {
    expect(maskIdNumber(raw)).toBe(masked);
  });

  it.each([
    ['13812345678', '138****5678'],
    [' 13812345678 ', '138****5678'],
    ['03565551234', '035****1234'],
    ['5551234', '*******'],
  ])('maskPhone(%j) = %s', (raw, masked) => {
    expect(maskPhone(raw)).toBe(masked);
  });
});

describe('ageOn (completed years)', () => {
  it.each([
    ['1985-06-15', '2023-06-14', 37],
    ['1985-06-15', '2023-06-15', 38],
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
    ['2008-07-01', '2024-06-30', 15],
    ['2008-07-01', '2024-07-01', 16],
    ['2024-01-01', '2024-01-01', 0],
  ] as const)('born %s, on %s: %i', (birthDate, date, age) => {
    expect(ageOn(birthDate, date)).toBe(age);
  });

  it('refuses a date before birth', () => {
    expect(() => ageOn('2024-01-02', '2024-01-01')).toThrow(RangeError);
  });
});
