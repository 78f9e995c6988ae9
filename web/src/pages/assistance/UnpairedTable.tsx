import { Typography } from 'antd';
import { Link } from 'react-router';
import { fetchUnpaired, unpairedKey, type UnpairedRow } from '#web/api/assistance-unpaired.ts';
import { LedgerList } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { useText } from './text.ts';

const NO_FILTERS = [] as const;

/** /assistance/pairings?unpaired=1 — monitored households without an active cadre (the workbench card's list). */
export function UnpairedTable() {
  const t = useText();
  const list = usePagedList({
    key: unpairedKey,
    filterKeys: NO_FILTERS,
    fetch: (_, page) => fetchUnpaired(page),
    unit: 'households',
  });
  return (
    <>
      <Typography.Paragraph type="secondary">{t('unpairedIntro')}</Typography.Paragraph>
      <LedgerList<UnpairedRow, never>
        list={list}
        size="small"
        rowKey="householdId"
        scrollX="max-content"
        table={{ footer: () => <span data-testid="unpaired-total">{t('unpairedTotal', { n: list.total })}</span> }}
        emptyText={t('unpairedNone')}
        columns={[
          {
            title: t('household'),
            key: 'hh',
            fixed: 'left',
            render: (_, h) => <Link to={`/assistance/households/${h.householdId}`}>{h.headName ?? h.householdNo}</Link>,
          },
          { title: t('householdNo'), dataIndex: 'householdNo', ...list.sortable('householdNo') },
          { title: t('township'), dataIndex: 'townshipName' },
          { title: t('village'), dataIndex: 'villageName', ...list.sortable('village') },
          {
            title: t('identified'),
            dataIndex: 'identificationPeriod',
            ...list.sortable('identified'),
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </>
  );
}
