import { Button, Card, Input, Segmented } from 'antd';
import { Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { assistanceKeys, EXPORT_URLS, fetchPairings, type PairingRow } from '#web/api/assistance.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { LedgerList } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { useText } from './text.ts';
import { UnpairedTable } from './UnpairedTable.tsx';

const FILTER_KEYS = ['q'] as const;

/** The export link of what the list shows (the same filters). */
const exportHref = (filters: { q?: string }) =>
  filters.q ? `${EXPORT_URLS.pairings}?${new URLSearchParams({ q: filters.q })}` : EXPORT_URLS.pairings;

/** /assistance/pairings — who is paired with whom in scope (active pairings); history is on each household page. */
export default function PairingsPage() {
  const t = useText();
  const [params, setParams] = useSearchParams();
  const unpaired = params.get('unpaired') === '1';
  const tabs = (
    <Segmented
      style={{ marginBottom: 12 }}
      value={unpaired ? 'unpaired' : 'paired'}
      options={[
        { value: 'paired', label: t('pairedTab') },
        { value: 'unpaired', label: t('unpairedTab') },
      ]}
      onChange={(v) => setParams(v === 'unpaired' ? { unpaired: '1' } : {})}
    />
  );
  return (
    <Card title={t('pairings')}>
      {tabs}
      {unpaired ? <UnpairedTable /> : <PairedTable />}
    </Card>
  );
}

/** Active pairings, a numbered page at a time: words, page and sort in the address, 共 N 条, export of the same. */
function PairedTable() {
  const t = useText();
  const { data: actor } = useActor();
  const list = usePagedList({
    key: assistanceKeys.pairings,
    filterKeys: FILTER_KEYS,
    fetch: fetchPairings,
    defaultSort: { sort: 'startOn', order: 'desc' },
    unit: 'items',
  });
  return (
    <>
      <Typography.Paragraph type="secondary">{t('pairingsIntro')}</Typography.Paragraph>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <Input.Search
          key={list.filters.q ?? ''}
          allowClear
          defaultValue={list.filters.q}
          placeholder={t('pairingsSearch')}
          style={{ width: 320, maxWidth: '100%' }}
          data-testid="pairings-search"
          onSearch={(v) => list.setFilter('q', v.trim() || undefined)}
        />
        {hasPermission(actor, 'assistance:export') && <Button href={exportHref(list.filters)}>{t('export')}</Button>}
      </div>
      <LedgerList<PairingRow, (typeof FILTER_KEYS)[number]>
        list={list}
        size="small"
        rowKey="id"
        scrollX="max-content"
        testId="pairings-table"
        emptyText={t('noPairing')}
        columns={[
          { title: t('cadre'), dataIndex: 'cadreName', fixed: 'left', ...list.sortable('cadreName') },
          { title: t('unit'), dataIndex: 'unit' },
          { title: t('phone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
          {
            title: t('household'),
            dataIndex: 'householdNo',
            ...list.sortable('householdNo'),
            render: (_, p) => <Link to={`/assistance/households/${p.householdId}`}>{p.headName ?? p.householdNo}</Link>,
          },
          { title: t('village'), dataIndex: 'villageName', ...list.sortable('village') },
          { title: t('startOn'), dataIndex: 'startOn', ...list.sortable('startOn') },
        ]}
      />
    </>
  );
}
