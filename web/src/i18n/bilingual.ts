// Server texts written once for both languages, "中文 / English" (job progress, some stored errors):
// the reader sees only the half in the UI language. Text without the separator stays as it is.

const SEPARATOR = ' / ';
const HAS_CHINESE = /[\u4e00-\u9fff]/;
const HAS_LATIN_WORD = /[A-Za-z]{2,}/;

export function oneLanguage(text: string | null | undefined, language: string): string {
  if (!text) return '';
  const at = text.indexOf(SEPARATOR);
  if (at < 0) return text;
  const zh = text.slice(0, at);
  const en = text.slice(at + SEPARATOR.length);
  // Only a Chinese half followed by an English half is a pair; "3 / 10" is not.
  if (!HAS_CHINESE.test(zh) || !HAS_LATIN_WORD.test(en)) return text;
  return language === 'en' ? en : zh;
}
