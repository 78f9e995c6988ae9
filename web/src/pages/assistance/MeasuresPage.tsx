import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { assistanceKeys, EXPORT_URLS, fetchMeasures, searchHouseholds, type MeasureRow } from '../../api/assistance.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { totalText } from '../../components/usePagedList.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { categoryZh, MEASURE_CATEGORIES, riskZh, STATUS_COLORS, statusZh, useText, yuan } from './text.ts';

/** /assistance/measures — the measure ledger in scope, by category, with the audited export. */
export default function MeasuresPage() {
  const t = useText();
  const { language } = useI18n();
  const { data: actor } = useActor();
  const [category, setCategory] = useState<string | undefined>();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const canSearch = hasPermission(actor, 'registry:read');
  const found = useQuery({
    queryKey: ['assistance', 'find', q],
    queryFn: () => searchHouseholds(q),
    enabled: canSearch && q.trim().length > 0,
  });
  const query = useInfiniteQuery({
    queryKey: assistanceKeys.measures(category),
    queryFn: ({ pageParam }) => fetchMeasures({ category, afterId: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextAfterId ?? undefined,
  });
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />;
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      title={t('measureList')}
      extra={
        // The export takes the list's filter: the ledger holds what the list shows.
        hasPermission(actor, 'assistance:export') ? (
          <Button href={category ? `${EXPORT_URLS.measures}?category=${category}` : EXPORT_URLS.measures}>
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
          value={category}
          onChange={setCategory}
          options={MEASURE_CATEGORIES.map((c) => ({ value: c.code, label: c.zh }))}
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
      {query.data && (
        <Typography.Text type="secondary" data-testid="measures-total" style={{ display: 'block', marginBottom: 8 }}>
          {totalText(language, query.data.pages[0].total, 'items')}
        </Typography.Text>
      )}
      <Table<MeasureRow>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t('noMeasures')} /> }}
        columns={[
          {
            title: t('household'),
            key: 'hh',
            render: (_, m) => <Link to={`/assistance/households/${m.householdId}`}>{m.headName ?? m.householdNo}</Link>,
          },
          { title: t('category'), dataIndex: 'category', render: categoryZh },
          { title: t('subType'), key: 'sub', render: (_, m) => m.subTypeLabel ?? m.subType ?? '—' },
          { title: t('riskType'), dataIndex: 'riskType', render: riskZh },
          { title: t('department'), dataIndex: 'department' },
          { title: t('startOn'), dataIndex: 'startOn' },
          { title: t('endOn'), dataIndex: 'endOn', render: (v: string | null) => v ?? '—' },
          { title: t('amount'), dataIndex: 'amountFen', align: 'right', render: yuan },
          {
            title: t('measureStatus'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={STATUS_COLORS[s]}>{statusZh(s)}</Tag>,
          },
        ]}
      />
      {query.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
          更多 / More
        </Button>
      )}
    </Card>
  );
}
