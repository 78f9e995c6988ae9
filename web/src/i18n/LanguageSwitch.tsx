import { Segmented } from 'antd';
import type { Language } from './language.ts';
import { useI18n } from './useI18n.ts';

const OPTIONS: { label: string; value: Language }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'EN', value: 'en' },
];

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('header.language')}
      options={OPTIONS}
      value={language}
      onChange={setLanguage}
    />
  );
}
