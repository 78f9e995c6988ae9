// The one i18n entry point of the web app (issue 18 point 4). Every page reads its words through `useI18n()`:
//   t('menu.home')                  shared keys (messages.zh.ts / messages.en.ts), `{n}` filled from vars
//   label({ zh, en })               a code-list pair as common/domain carries it
//   pick('中文', 'English')         an inline pair (instead of `language === 'en' ? … : …`)
//   oneLanguage('中文 / English')   a server text written for both languages
//   caseStage / projectStage / projectStatus(code)
// A page's own words are a message table: `defineMessages({ key: ['中文', 'English'] })` read with `useMessages(TABLE)`.
// Outside React (pure helpers, the API client) use `translate`, `messageIn`, `pickIn` with an explicit language.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { getLanguage, setLanguage, subscribeLanguage, type Language } from './language.ts';
import { zhMessages, type MessageKey } from './messages.zh.ts';
import { enMessages } from './messages.en.ts';
import { workflowName } from './workflowNames.ts';

export type { Language, MessageKey };

/** A label pair as the common/domain code lists carry it. */
export interface BilingualLabel {
  zh: string;
  en: string;
}

/** One entry of a message table: [中文, English]. */
export type Pair = readonly [zh: string, en: string];
export type MessageTable = Record<string, Pair>;
export type Vars = Record<string, string | number>;

const isEnglish = (language: string) => language === 'en';

/** `fill('已持续 {n} 天', { n: 3 })` → `已持续 3 天`; a placeholder without a value stays visible. */
export function fill(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function pickIn<T>(language: string, zh: T, en: T): T {
  return isEnglish(language) ? en : zh;
}

export function translate(language: string, key: MessageKey, vars?: Vars): string {
  return fill(isEnglish(language) ? enMessages[key] : zhMessages[key], vars);
}

/** A page's own words as [中文, English] pairs; `satisfies` keeps the keys typed. */
export function defineMessages<D extends MessageTable>(table: D): D {
  return table;
}

/** Two per-language objects with the same keys (an older dictionary layout) as one message table. */
export function pairTables<K extends string>(zh: Record<K, string>, en: Record<K, string>): Record<K, Pair> {
  const table = {} as Record<K, Pair>;
  for (const key of Object.keys(zh) as K[]) table[key] = [zh[key], en[key] ?? zh[key]];
  return table;
}

export function messageIn<D extends MessageTable>(table: D, language: string, key: keyof D, vars?: Vars): string {
  const pair = table[key];
  return fill(isEnglish(language) ? pair[1] : pair[0], vars);
}

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
  return isEnglish(language) ? en : zh;
}

export function useLanguage(): Language {
  return useSyncExternalStore(subscribeLanguage, getLanguage);
}

export function useI18n() {
  const language = useLanguage();
  return useMemo(
    () => ({
      language,
      setLanguage,
      t: (key: MessageKey, vars?: Vars) => translate(language, key, vars),
      label: (pair: BilingualLabel) => (isEnglish(language) ? pair.en : pair.zh),
      pick: <T = string>(zh: T, en: T) => pickIn(language, zh, en),
      oneLanguage: (text: string | null | undefined) => oneLanguage(text, language),
      caseStage: (code: string) => workflowName('caseStage', code, language),
      projectStage: (code: string) => workflowName('projectStage', code, language),
      projectStatus: (code: string) => workflowName('projectStatus', code, language),
    }),
    [language],
  );
}

/** `const tx = useMessages(TEXT); tx('total', { n: 3 })`: a page's table in the UI language. */
export function useMessages<D extends MessageTable>(table: D): (key: keyof D, vars?: Vars) => string {
  const language = useLanguage();
  return useCallback((key: keyof D, vars?: Vars) => messageIn(table, language, key, vars), [table, language]);
}
