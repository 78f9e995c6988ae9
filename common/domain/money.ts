// Money is an integer number of fen (分) everywhere inside the system. Yuan strings are
// parsed digit by digit, never through `parseFloat(x) * 100`, because 1.15 × 100 is
// 114.99999999999999 in binary floating point and sums of such values drift.

export type Fen = number;
export type MoneyParseFailure = 'empty' | 'format' | 'tooManyDecimals' | 'outOfRange';

export type MoneyParseResult =
  { ok: true; fen: Fen } | { ok: false; reason: MoneyParseFailure; messageZh: string; messageEn: string };

export class MoneyParseError extends Error {
  readonly reason: MoneyParseFailure;
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(reason: MoneyParseFailure, messageZh: string, messageEn: string) {
    super(`${messageZh} / ${messageEn}`);
    this.name = 'MoneyParseError';
    this.reason = reason;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

// Either plain digits or correctly grouped thousands ("1,234,567"), then up to any
// number of decimals: the decimal count is checked separately for a clearer message.
const AMOUNT_SHAPE = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

function refuse(reason: MoneyParseFailure, raw: string): MoneyParseResult {
  const messages: Record<MoneyParseFailure, [string, string]> = {
    empty: ['金额为空', 'Amount is empty'],
    format: [`金额"${raw}"格式错误，应为数字（元）`, `Amount "${raw}" is not a number of yuan`],
    tooManyDecimals: [`金额"${raw}"最多保留两位小数`, `Amount "${raw}" has more than 2 decimal places`],
    outOfRange: [`金额"${raw}"超出范围`, `Amount "${raw}" is out of range`],
  };
  const [messageZh, messageEn] = messages[reason];
  return { ok: false, reason, messageZh, messageEn };
}

/** Excel keeps 15 significant digits; reading a cell's double at that precision undoes binary noise such as 0.1 + 0.2. */
function numberToText(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : String(value);
}

/**
 * Accepts what county spreadsheets contain: thousands separators, full-width digits
 * and punctuation, a leading ¥/￥ or trailing 元, and a sign (a net figure may be
 * negative; whether a field may be negative is the validator's business).
 */
export function tryParseYuanToFen(raw: string | number): MoneyParseResult {
  const text = typeof raw === 'number' ? numberToText(raw) : raw;
  const cleaned = text
    .normalize('NFKC')
    .replace(/\u2212/g, '-')
    .trim()
    .replace(/^([+-]?)\s*¥\s*/, '$1')
    .replace(/\s*元$/, '');
  if (cleaned === '') return refuse('empty', text);
  const match = AMOUNT_SHAPE.exec(cleaned);
  if (!match) return refuse('format', text);
  const [, sign, integerPart, decimals = ''] = match;
  if (decimals.length > 2) return refuse('tooManyDecimals', text);
  const fen = Number(integerPart.replace(/,/g, '')) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return refuse('outOfRange', text);
  // `|| 0` turns -0 into 0 so that "-0" compares equal to "0".
  return { ok: true, fen: (sign === '-' ? -fen : fen) || 0 };
}

/** Like `tryParseYuanToFen` but throws a `MoneyParseError` carrying both languages. */
export function parseYuanToFen(raw: string | number): Fen {
  const result = tryParseYuanToFen(raw);
  if (!result.ok) throw new MoneyParseError(result.reason, result.messageZh, result.messageEn);
  return result.fen;
}

/** `123450` → `1,234.50`: the form county staff read and type. */
export function formatFen(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`formatFen needs whole fen, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${yuan}.${digits.slice(-2)}`;
}

/** For charts and numeric spreadsheet cells only; never sum the result. */
export function fenToYuanNumber(fen: Fen): number {
  return fen / 100;
}
