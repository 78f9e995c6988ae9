import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { fetchFeedBatches, isMissingApi, monitoringKeys, type FeedBatchRow } from '../../api/monitoring.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { formatDateTime } from '../../components/format.ts';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { ApiPending } from './ApiPending.tsx';
import { FeedUpload } from './FeedUpload.tsx';
import { useFeedsText } from './feedsText.ts';
import { useCommonText } from './text.ts';

export default function FeedsPage() {
  const tx = useFeedsText();
  const tc = useCommonText();
  const { data: actor } = useActor();
  const canPush = hasPermission(actor, 'feeds:push');
  const query = useInfiniteQuery({
    queryKey: monitoringKeys.batches(),
    queryFn: ({ pageParam }) => fetchFeedBatches(pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<FeedBatchRow> = [
    {
      title: tx('createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: formatDateTime,
    },
    { title: tx('source'), dataIndex: 'sourceLabel', width: 80 },
    { title: tx('fileName'), dataIndex: 'fileName', ellipsis: true },
    {
      title: tx('recordCount'),
      dataIndex: 'recordCount',
      width: 80,
      align: 'right',
    },
    { title: tx('newCount'), dataIndex: 'newCount', width: 80, align: 'right' },
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
      <Card title={tx('batches')} size="small">
        {isMissingApi(query.error) ? (
          <ApiPending />
        ) : query.isError ? (
          <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
        ) : (
          <Table<FeedBatchRow>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={query.isPending}
            pagination={false}
            locale={{ emptyText: tx('noBatches') }}
            scroll={{ x: 900 }}
          />
        )}
        <Flex justify="center" style={{ marginTop: 12 }}>
          {query.hasNextPage && (
            <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
              {tc('loadMore')}
            </Button>
          )}
        </Flex>
      </Card>
    </Space>
  );
}
