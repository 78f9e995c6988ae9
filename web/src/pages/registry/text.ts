// Words of the registry pages, kept with the module so the shared message files stay small: one message table
// (text.zh.ts / text.en.ts paired key by key) read through the i18n hook.
// Code-list values (户类型, 与户主关系 …) are not here: they come from common/domain/registry/codes.ts.
import { pairTables, useI18n, useMessages } from '#web/i18n/useI18n.ts';
import { registryEn } from './text.en.ts';
import { registryZh, type RegistryTextKey } from './text.zh.ts';

export type { RegistryTextKey };

export const REGISTRY_TEXT = pairTables<RegistryTextKey>(registryZh, registryEn);

/** `t(key)` in the UI language, `t(key, { n: 3 })` fills `{n}`; `label` picks zh/en of a pair. */
export function useRegistryText() {
  const { language, label, pick } = useI18n();
  const t = useMessages(REGISTRY_TEXT);
  return { t, language, label, pick };
}
