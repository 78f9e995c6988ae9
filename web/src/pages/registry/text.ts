// Words of the registry pages, kept with the module so the shared message files stay small.
// Code-list values (户类型, 与户主关系 …) are not here: they come from common/domain/registry/codes.ts.
import { useCallback } from 'react';
import { useI18n } from '../../i18n/useI18n.ts';
import { registryEn } from './text.en.ts';
import { registryZh, type RegistryTextKey } from './text.zh.ts';

export type { RegistryTextKey };

/** `t(key)` in the UI language, `t(key, { n: 3 })` fills `{n}`; `label` picks zh/en of a pair. */
export function useRegistryText() {
  const { language, label } = useI18n();
  const t = useCallback(
    (key: RegistryTextKey, values?: Record<string, string | number>) => {
      const text: string = language === 'en' ? registryEn[key] : registryZh[key];
      return values ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '')) : text;
    },
    [language],
  );
  return { t, language, label };
}
