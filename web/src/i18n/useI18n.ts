import { useCallback, useSyncExternalStore } from 'react';
import { getLanguage, setLanguage, subscribeLanguage, type Language } from './language.ts';
import { zhMessages, type MessageKey } from './messages.zh.ts';
import { enMessages } from './messages.en.ts';

/** A label pair as the common/domain code lists carry it. */
export interface BilingualLabel {
  zh: string;
  en: string;
}

export function translate(language: Language, key: MessageKey): string {
  return language === 'en' ? enMessages[key] : zhMessages[key];
}

export function useI18n() {
  const language = useSyncExternalStore(subscribeLanguage, getLanguage);
  const t = useCallback((key: MessageKey) => translate(language, key), [language]);
  const label = useCallback((pair: BilingualLabel) => (language === 'en' ? pair.en : pair.zh), [language]);
  return { language, setLanguage, t, label };
}
