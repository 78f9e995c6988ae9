// GB 11643-1999 resident identity number (公民身份号码): 6-digit area code, 8-digit
// birth date YYYYMMDD, 3-digit sequence whose last digit is odd for men and even for
// women, and an ISO 7064 MOD 11-2 check character (policy-rules §3.5).
// Sex and birth date are derived from the number, never entered separately, so the
// registry cannot hold a member whose sex contradicts their ID.

import { isIsoDate, type IsoDate } from './period.ts';

export type Sex = 'male' | 'female';
export type IdNumberFailure = 'length' | 'format' | 'checksum' | 'birthDate';

export type IdNumberResult =
  | { ok: true; idNumber: string; birthDate: IsoDate; sex: Sex; areaCode: string }
  | { ok: false; reason: IdNumberFailure; messageZh: string; messageEn: string };

export const ID_CHECK_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Index = weighted sum mod 11. */
const CHECK_CHARACTERS = '10X98765432';
/** The national export checker refuses birth years before 1900 (§3.5). */
export const EARLIEST_BIRTH_YEAR = 1900;

// Area codes start at province 11, so a leading 0 is always a typo.
const ID_SHAPE = /^[1-9]\d{16}[\dX]$/;
// 残疾人证号: the holder's 18-character ID, then 残疾类别 (1 视力 … 7 多重) and 残疾等级
// (1 一级 … 4 四级); reissued certificates carry two more characters (e.g. B1).
const DISABILITY_CERT_SHAPE = /^(\d{17}[\dX])([1-7])([1-4])([0-9A-Z]{2})?$/;

/**
 * Spreadsheets and phone keyboards deliver full-width digits (１２３), a lower-case or
 * full-width x, and stray spaces; NFKC folds full-width forms to ASCII.
 */
export function normaliseIdNumber(raw: string): string {
  return raw.normalize('NFKC').trim().toUpperCase();
}

export function computeCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`computeCheckDigit needs exactly 17 digits, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_CHECK_WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

function failure(reason: IdNumberFailure, messageZh: string, messageEn: string): IdNumberResult {
  return { ok: false, reason, messageZh, messageEn };
}

/**
 * `today` is an argument, not the clock, so that the rule stays pure and an import
 * replayed later gives the same answer.
 */
export function validateIdNumber(raw: string, today: IsoDate): IdNumberResult {
  if (!isIsoDate(today)) throw new RangeError(`validateIdNumber: invalid today "${today}"`);
  const id = normaliseIdNumber(raw);
  if (id.length !== 18) {
    return failure(
      'length',
      `证件号码应为18位，实际为${id.length}位`,
      `ID number must have 18 characters, got ${id.length}`,
    );
  }
  if (!ID_SHAPE.test(id)) {
    return failure(
      'format',
      '证件号码应为17位数字加1位数字或X，且首位不为0',
      'ID number must be 17 digits (not starting with 0) followed by a digit or X',
    );
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birthDate) || Number(id.slice(6, 10)) < EARLIEST_BIRTH_YEAR || birthDate > today) {
    return failure(
      'birthDate',
      `证件号码中的出生日期${id.slice(6, 14)}无效（须为${EARLIEST_BIRTH_YEAR}年以后、不晚于今天的真实日期）`,
      `ID number has an invalid birth date ${id.slice(6, 14)} (must be a real date from ${EARLIEST_BIRTH_YEAR} up to today)`,
    );
  }
  if (computeCheckDigit(id.slice(0, 17)) !== id[17]) {
    // The expected character is not shown: a typo is usually elsewhere in the number.
    return failure(
      'checksum',
      '证件号码校验位不符，请核对号码',
      'ID number check character does not match; please recheck',
    );
  }
  return {
    ok: true,
    idNumber: id,
    birthDate,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    areaCode: id.slice(0, 6),
  };
}

export interface DisabilityCertificateParts {
  idNumber: string;
  categoryDigit: string;
  gradeDigit: string;
  suffix: string | null;
}

/** Splits a 20/22-character 残疾人证号; null when the value does not have that shape. */
export function disabilityCertificateParts(raw: string): DisabilityCertificateParts | null {
  const match = DISABILITY_CERT_SHAPE.exec(normaliseIdNumber(raw));
  if (!match) return null;
  return { idNumber: match[1], categoryDigit: match[2], gradeDigit: match[3], suffix: match[4] ?? null };
}

/**
 * The national export sometimes stores a disability certificate number in 证件号码.
 * Such values are accepted (the embedded ID still gives sex and birth date) and flagged.
 */
export function isDisabilityCertificateNumber(raw: string): boolean {
  return disabilityCertificateParts(raw) !== null;
}

/** `1405**********1234`: enough to tell people apart in a list, too little to reuse. */
export function maskIdNumber(raw: string): string {
  const id = normaliseIdNumber(raw);
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** `138****5678`; numbers too short to keep 7 characters visible are masked whole. */
export function maskPhone(raw: string): string {
  const phone = raw.normalize('NFKC').trim();
  if (phone.length < 8) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/**
 * Completed years on `date`. Someone born on 29 February turns a year older on
 * 1 March in common years, because 28 February still sorts before "02-29".
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  if (!isIsoDate(birthDate) || !isIsoDate(date)) {
    throw new RangeError(`ageOn: invalid date "${birthDate}" or "${date}"`);
  }
  if (date < birthDate) throw new RangeError(`ageOn: ${date} is before the birth date ${birthDate}`);
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
