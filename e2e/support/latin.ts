// Finds English words in text a user sees in Chinese mode (issue 16 point 4).
// A "word" is a run of ASCII letters and digits that holds at least two letters; camelCase codes,
// dotted codes ("entry.complete") and hyphenated words ("policy-rules") are caught piece by piece.
// Single letters pass (an ID's check digit X, a grade "A"), and so does the small allow-list below:
// product, file-format and unit names a county office writes in Latin letters itself.

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

function isEnglish(token: string, allow: ReadonlySet<string>): boolean {
  const letters = token.replace(/[^A-Za-z]/g, '');
  if (letters.length < 2) return false; // digits, an ID's trailing X, a grade letter
  return !allow.has(token);
}

/** Every English word in `text`, in order, with its surroundings. */
export function findLatinWords(text: string, allowList: readonly string[] = LATIN_ALLOW_LIST): LatinHit[] {
  const allow = new Set(allowList);
  const hits: LatinHit[] = [];
  for (const match of text.matchAll(WORD)) {
    const token = match[0];
    if (!isEnglish(token, allow)) continue;
    const start = match.index ?? 0;
    const context = text
      .slice(Math.max(0, start - 20), start + token.length + 20)
      .replace(/\s+/g, ' ')
      .trim();
    hits.push({ word: token, context });
  }
  return hits;
}
