import { Alert, Card, Select, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { FEED_SOURCES } from '#common/domain/feeds/sources.ts';
import { fetchFeedBatches, isMissingApi, monitoringKeys, type FeedBatchRow } from '#web/api/monitoring.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { formatDateTime } from '#web/components/format.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { ApiPending } from './ApiPending.tsx';
import { FeedUpload } from './FeedUpload.tsx';
import { useFeedsText } from './feedsText.ts';

const FILTER_KEYS = ['source'] as const;

export default function FeedsPage() {
  const tx = useFeedsText();
  const { data: actor } = useActor();
  const canPush = hasPermission(actor, 'feeds:push');
  // A department reads its own source only: no source filter for it.
  const department = actor?.role === 'department';
  // Filters, page and sort in the address; newest first unless a column is sorted.
  const list = usePagedList({ key: monitoringKeys.batches(), filterKeys: FILTER_KEYS, fetch: fetchFeedBatches });
  const query = list.query;

  const columns: TableColumnsType<FeedBatchRow> = [
    {
      title: tx('createdAt'),
      dataIndex: 'createdAt',
      ...list.sortable('createdAt'),
      width: 140,
      render: formatDateTime,
    },
    { title: tx('source'), dataIndex: 'sourceLabel', ...list.sortable('source'), width: 100 },
    { title: tx('fileName'), dataIndex: 'fileName', ellipsis: true },
    {
      title: tx('recordCount'),
      dataIndex: 'recordCount',
      ...list.sortable('recordCount'),
      width: 100,
      align: 'right',
    },
    { title: tx('newCount'), dataIndex: 'newCount', ...list.sortable('newCount'), width: 90, align: 'right' },
    {
      title: tx('matched'),
      dataIndex: 'matchedCount',
      width: 100,
      align: 'right',
      render: (n: number | null) => n ?? '—',
    },
    {
      title: <Tooltip title={tx('unmatchedHint')}>{tx('unmatched')} ⓘ</Tooltip>,
      dataIndex: 'unmatchedCount',
      width: 120,
      align: 'right',
      // Null for a line department: whether an ID is registered is not shown to it.
      render: (n: number | null) =>
        n === null ? '—' : <span style={{ color: n > 0 ? '#d46b08' : undefined }}>{n}</span>,
    },
    {
      title: tx('uploadedBy'),
      dataIndex: 'uploadedByName',
      width: 140,
      render: (name: string | null) => name ?? '—',
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={tx('title')}>
        <Typography.Paragraph type="secondary">{tx('intro')}</Typography.Paragraph>
        {canPush ? <FeedUpload /> : <Alert type="info" showIcon title={tx('noPush')} />}
      </Card>
      <Card
        title={tx('batches')}
        size="small"
        extra={
          department ? null : (
            <Select
              allowClear
              placeholder={tx('source')}
              style={{ width: 120 }}
              value={list.filters.source}
              onChange={(v?: string) => list.setFilter('source', v)}
              options={FEED_SOURCES.map((f) => ({ value: f.code, label: f.zh }))}
              data-testid="batches-source"
            />
          )
        }
      >
        {isMissingApi(query.error) ? (
          <ApiPending />
        ) : query.isError ? (
          <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
        ) : (
          <Table<FeedBatchRow>
            rowKey="id"
            size="small"
            columns={columns}
            {...list.tableProps}
            locale={{ emptyText: tx('noBatches') }}
            scroll={{ x: 900 }}
          />
        )}
      </Card>
    </Space>
  );
}
