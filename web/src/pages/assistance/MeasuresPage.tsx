import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { assistanceKeys, EXPORT_URLS, fetchMeasures, searchHouseholds, type MeasureRow } from '#web/api/assistance.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { listExportUrl } from '#web/api/monitoring.ts';
import { usePagedList } from '#web/components/usePagedList.ts';
import {
  categoryZh,
  MEASURE_CATEGORIES,
  MEASURE_STATUSES,
  riskZh,
  STATUS_COLORS,
  statusZh,
  useText,
  yuan,
} from './text.ts';
import { keys } from '#web/api/queryKeys.ts';

const FILTER_KEYS = ['category', 'status'] as const;

/** /assistance/measures — the measure ledger in scope, by category, with the audited export. */
export default function MeasuresPage() {
  const t = useText();
  const { data: actor } = useActor();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const canSearch = hasPermission(actor, 'registry:read');
  const found = useQuery({
    queryKey: keys.assistance.find(q),
    queryFn: () => searchHouseholds(q),
    enabled: canSearch && q.trim().length > 0,
  });
  // Filters, page and sort in the address (a link or "back" keeps them); the export takes the same filters.
  const list = usePagedList({ key: assistanceKeys.measures(), filterKeys: FILTER_KEYS, fetch: fetchMeasures });
  const query = list.query;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Card
      title={t('measureList')}
      extra={
        // The export takes the list's filter: the ledger holds what the list shows.
        hasPermission(actor, 'assistance:export') ? (
          <Button href={listExportUrl(EXPORT_URLS.measures, list.filters)} data-testid="measures-export">
            {t('export')}
          </Button>
        ) : null
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 220 }}
          allowClear
          placeholder={t('category')}
          value={list.filters.category}
          onChange={(v?: string) => list.setFilter('category', v)}
          options={MEASURE_CATEGORIES.map((c) => ({ value: c.code, label: c.zh }))}
        />
        <Select
          style={{ width: 140 }}
          allowClear
          placeholder={t('measureStatus')}
          value={list.filters.status}
          onChange={(v?: string) => list.setFilter('status', v)}
          options={MEASURE_STATUSES.map((s) => ({ value: s.code, label: s.zh }))}
        />
        {canSearch && (
          <Select
            showSearch
            style={{ width: 360 }}
            filterOption={false}
            onSearch={setQ}
            loading={found.isFetching}
            placeholder={t('openHousehold')}
            data-testid="find-household"
            onChange={(id: number) => navigate(`/assistance/households/${id}`)}
            options={(found.data?.items ?? []).map((h) => ({
              value: h.id,
              label: `${h.headName ?? ''} ${h.householdNo} ${h.villageName}`,
            }))}
          />
        )}
      </Space>
      <Table<MeasureRow>
        size="small"
        rowKey="id"
        {...list.tableProps}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t('noMeasures')} /> }}
        columns={[
          {
            title: t('household'),
            key: 'hh',
            render: (_, m) => <Link to={`/assistance/households/${m.householdId}`}>{m.headName ?? m.householdNo}</Link>,
          },
          { title: t('category'), dataIndex: 'category', ...list.sortable('category'), render: categoryZh },
          { title: t('subType'), key: 'sub', render: (_, m) => m.subTypeLabel ?? m.subType ?? '—' },
          { title: t('riskType'), dataIndex: 'riskType', render: riskZh },
          { title: t('department'), dataIndex: 'department' },
          { title: t('startOn'), dataIndex: 'startOn', ...list.sortable('startOn') },
          { title: t('endOn'), dataIndex: 'endOn', ...list.sortable('endOn'), render: (v: string | null) => v ?? '—' },
          { title: t('amount'), dataIndex: 'amountFen', ...list.sortable('amountFen'), align: 'right', render: yuan },
          {
            title: t('measureStatus'),
            dataIndex: 'status',
            ...list.sortable('status'),
            render: (s: string) => <Tag color={STATUS_COLORS[s]}>{statusZh(s)}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
