import { Segmented } from 'antd';
import type { Language } from './language.ts';
import { useI18n } from './useI18n.ts';

const OPTIONS: { label: string; value: Language }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'EN', value: 'en' },
];

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  // "EN" is Latin by nature: data-latin-ok tells the every-page walk (e2e/every-page.test.ts).
  return (
    <span data-latin-ok="">
      <Segmented<Language>
        size="small"
        aria-label={t('header.language')}
        options={OPTIONS}
        value={language}
        onChange={setLanguage}
      />
    </span>
  );
}
