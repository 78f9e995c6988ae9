import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Input, Segmented, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { assistanceKeys, fetchPairings, type PairingRow } from '../../api/assistance.ts';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { useText } from './text.ts';
import { UnpairedTable } from './UnpairedTable.tsx';

/** /assistance/pairings — who is paired with whom in scope (active pairings); history is on each household page. */
export default function PairingsPage() {
  const t = useText();
  const [params, setParams] = useSearchParams();
  const unpaired = params.get('unpaired') === '1';
  const query = useQuery({ queryKey: assistanceKeys.pairings, queryFn: fetchPairings });
  const [q, setQ] = useState('');
  const rows = useMemo(
    () =>
      (query.data ?? []).filter(
        (p) => !q || `${p.cadreName}${p.headName ?? ''}${p.householdNo}${p.villageName ?? ''}`.includes(q.trim()),
      ),
    [query.data, q],
  );
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />;
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
  if (unpaired)
    return (
      <Card title={t('pairings')}>
        {tabs}
        <UnpairedTable />
      </Card>
    );
  return (
    <Card title={t('pairings')}>
      {tabs}
      <Typography.Paragraph type="secondary">{t('pairingsIntro')}</Typography.Paragraph>
      <Input.Search
        allowClear
        placeholder={t('pairingsSearch')}
        style={{ width: 320, marginBottom: 12 }}
        onChange={(e) => setQ(e.target.value)}
      />
      <Table<PairingRow>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t('noPairing')} /> }}
        columns={[
          { title: t('cadre'), dataIndex: 'cadreName' },
          { title: t('unit'), dataIndex: 'unit' },
          { title: t('phone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
          {
            title: t('household'),
            key: 'hh',
            render: (_, p) => <Link to={`/assistance/households/${p.householdId}`}>{p.headName ?? p.householdNo}</Link>,
          },
          { title: t('village'), dataIndex: 'villageName' },
          { title: t('startOn'), dataIndex: 'startOn' },
        ]}
      />
    </Card>
  );
}
