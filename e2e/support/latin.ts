// Finds English words in text a user sees in Chinese mode (issue 16 point 4).
// A "word" is a run of ASCII letters and digits that holds at least two letters; camelCase codes,
// dotted codes ("entry.complete") and hyphenated words ("policy-rules") are caught piece by piece.
// Single letters pass (an ID's check digit X, a grade "A"), and so do quantities (200kW), record
// numbers (ZC2020I00002), hex request ids, file names (households.csv) and the small allow-list below:
// product, file-format and unit names a county office writes in Latin letters itself. Text that is
// Latin by nature (a login name, the language switch's "EN") is marked `data-latin-ok` in the page
// and left out by the journey, not here.

/** Latin words allowed in Chinese mode, compared exactly (case matters). */
export const LATIN_ALLOW_LIST: readonly string[] = [
  'Guardline', // the product name
  'PDF',
  'Excel',
  'WPS',
  'xlsx',
  'XLSX',
  'csv',
  'CSV',
  'ID',
  'GB', // 国家标准 numbers (GB 11643)
  'KB',
  'MB',
  '4G',
  '5G',
  'kg',
  'km',
  'kWh',
];

export interface LatinHit {
  word: string;
  /** Up to 20 characters either side, for the report. */
  context: string;
}

const WORD = /[A-Za-z0-9]+/g;
/** A quantity with its unit: 200kW, 5kg. */
const QUANTITY = /^\d+(kW|kWh|MW|kV|kg|km|mm|cm|m2|m3|GB|MB|KB)$/;
/** A record number: letters then at least four digits (资产编号 ZC2020I00002). */
const RECORD_NUMBER = /^[A-Z]{1,4}\d{4,}[A-Z0-9]*$/;
/** A request id or hash, eight or more hex digits with at least one digit (4a54e413). */
const HEX_ID = /^(?=[0-9a-f]*\d)[0-9a-f]{8,}$/;
/** A file name's extension follows: households.csv names a file. */
const FILE_EXTENSION = /^\.(csv|xlsx|xls|pdf|png|jpg|zip)\b/i;

function isEnglish(token: string, allow: ReadonlySet<string>, after: string): boolean {
  const letters = token.replace(/[^A-Za-z]/g, '');
  if (letters.length < 2) return false; // digits, an ID's trailing X, a grade letter
  if (QUANTITY.test(token) || RECORD_NUMBER.test(token) || HEX_ID.test(token)) return false;
  if (FILE_EXTENSION.test(after)) return false;
  return !allow.has(token);
}

/** Every English word in `text`, in order, with its surroundings. */
export function findLatinWords(text: string, allowList: readonly string[] = LATIN_ALLOW_LIST): LatinHit[] {
  const allow = new Set(allowList);
  const hits: LatinHit[] = [];
  for (const match of text.matchAll(WORD)) {
    const token = match[0];
    const start = match.index ?? 0;
    if (!isEnglish(token, allow, text.slice(start + token.length, start + token.length + 6))) continue;
    const context = text
      .slice(Math.max(0, start - 20), start + token.length + 20)
      .replace(/\s+/g, ' ')
      .trim();
    hits.push({ word: token, context });
  }
  return hits;
}
