import { LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { useMessages } from '#web/i18n/useI18n.ts';
import { KEY_VILLAGE_TEXT } from './keyVillagesText.ts';
import { DecisionsTab } from './KeyVillagesDecisionsTab.tsx';
import { SheetTab } from './KeyVillagesSheetTab.tsx';

/** 重点帮扶村和示范村: the ranked scoring sheet of a year (county-wide), the county's hand scores and decisions. */
export default function KeyVillagesPage() {
  const t = useMessages(KEY_VILLAGE_TEXT);
  return (
    <LedgerListCard
      title={t('title')}
      testId="key-villages-page"
      intro={t('intro')}
      tabs={[
        { key: 'sheet', label: t('tabSheet'), children: <SheetTab /> },
        { key: 'decisions', label: t('tabDecisions'), children: <DecisionsTab /> },
      ]}
    />
  );
}
