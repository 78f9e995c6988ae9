import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  fetchRunPage,
  isMissingApi,
  listExportUrl,
  monitoringKeys,
  RUN_FILTER_KEYS,
  RUNS_EXPORT_PATH,
  type RunRowDto,
} from '#web/api/monitoring.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { formatDateTime } from '#web/components/format.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import '#web/i18n/dayjsLocale.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { ApiPending } from './ApiPending.tsx';
import { ruleName } from './labels.ts';
import { RunDiffCard } from './RunDiffCard.tsx';
import { RunLauncher } from './RunLauncher.tsx';
import { useRunsText } from './runsText.ts';
import { fill } from './text.ts';

const STATUS_COLOURS = {
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
} as const;

function RuleCounts({ counts }: { counts: Record<string, number> | null }) {
  const { language } = useI18n();
  const entries = Object.entries(counts ?? {}).filter(([, n]) => n > 0);
  if (entries.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space wrap size={[8, 4]}>
      {entries.map(([code, n]) => (
        <Tag key={code}>
          {ruleName(code, language)}：{n}
        </Tag>
      ))}
    </Space>
  );
}

export default function RunsPage() {
  const tx = useRunsText();
  const { label } = useI18n();
  const { data: actor } = useActor();
  const canRun = hasPermission(actor, 'monitoring:run');
  // Filters, page and sort in the address; newest first unless a column is sorted.
  const list = usePagedList({
    key: monitoringKeys.runs(),
    filterKeys: RUN_FILTER_KEYS,
    fetch: fetchRunPage,
    unit: 'items',
  });
  const runsQuery = list.query;
  const runs = list.rows;
  const [picked, setPicked] = useState<number | null>(null);
  // By default compare the latest finished monthly run.
  const diffRunId = picked ?? runs.find((r) => r.kind === 'monthly' && r.status === 'succeeded')?.id ?? null;
  const missing = isMissingApi(runsQuery.error);

  const columns: TableColumnsType<RunRowDto> = [
    { title: tx('month'), dataIndex: 'period', ...list.sortable('period'), width: 90 },
    {
      title: tx('kind'),
      dataIndex: 'kind',
      ...list.sortable('kind'),
      width: 130,
      render: (kind: RunRowDto['kind']) => (kind === 'monthly' ? tx('kindMonthly') : tx('kindIncremental')),
    },
    {
      title: tx('status'),
      dataIndex: 'status',
      ...list.sortable('status'),
      width: 90,
      render: (status: RunRowDto['status']) => (
        <Tag color={STATUS_COLOURS[status]}>
          {status === 'running'
            ? tx('statusRunning')
            : status === 'succeeded'
              ? tx('statusSucceeded')
              : tx('statusFailed')}
        </Tag>
      ),
    },
    {
      title: tx('startedAt'),
      dataIndex: 'startedAt',
      ...list.sortable('startedAt'),
      width: 140,
      render: formatDateTime,
    },
    {
      title: tx('duration'),
      dataIndex: 'durationMs',
      ...list.sortable('durationMs'),
      width: 80,
      align: 'right',
      render: (ms: number | null) => (ms === null ? '—' : fill(tx('seconds'), { n: (ms / 1000).toFixed(1) })),
    },
    {
      title: tx('households'),
      dataIndex: 'householdsEvaluated',
      ...list.sortable('householdsEvaluated'),
      width: 90,
      align: 'right',
      render: (n: number | null) => n ?? '—',
    },
    {
      title: tx('warnings'),
      dataIndex: 'warningCount',
      ...list.sortable('warningCount'),
      width: 80,
      align: 'right',
      render: (n: number | null) => n ?? '—',
    },
    {
      title: tx('triggeredBy'),
      dataIndex: 'triggeredBy',
      width: 150,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: tx('failReason'),
      key: 'error',
      width: 220,
      render: (_, run) =>
        run.status === 'failed' ? (
          <Typography.Text
            type="danger"
            data-testid={`run-error-${run.id}`}
            ellipsis={{ tooltip: true }}
            style={{ maxWidth: 210 }}
          >
            {run.abandoned ? tx('abandoned') : (run.error ?? '—')}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: tx('diff'),
      key: 'diff',
      width: 90,
      render: (_, run) =>
        run.status === 'succeeded' && (
          <Button size="small" type={run.id === diffRunId ? 'primary' : 'default'} onClick={() => setPicked(run.id)}>
            {tx('viewDiff')}
          </Button>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={tx('title')}>
        <Typography.Paragraph type="secondary">{tx('intro')}</Typography.Paragraph>
        {missing ? (
          <ApiPending />
        ) : canRun ? (
          <RunLauncher onFinished={(runId) => runId && setPicked(runId)} />
        ) : (
          <Alert type="info" showIcon title={tx('noRunPermission')} />
        )}
      </Card>
      {!missing && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card
            title={tx('history')}
            size="small"
            extra={
              <Button
                size="small"
                icon={<DownloadOutlined />}
                href={listExportUrl(RUNS_EXPORT_PATH, list.filters, list.request)}
                data-testid="runs-export"
              >
                {label({ zh: '导出 Excel', en: 'Export .xlsx' })}
              </Button>
            }
          >
            <Form layout="inline" style={{ rowGap: 12, marginBottom: 12 }}>
              <Form.Item label={tx('month')}>
                <DatePicker
                  picker="month"
                  value={list.filters.period ? dayjs(list.filters.period + '-01') : undefined}
                  onChange={(d) => list.setFilter('period', d ? d.format('YYYY-MM') : undefined)}
                />
              </Form.Item>
              <Form.Item label={tx('kind')}>
                <Select
                  allowClear
                  style={{ width: 140 }}
                  placeholder={label({ zh: '全部', en: 'Any' })}
                  value={list.filters.kind}
                  onChange={(v?: string) => list.setFilter('kind', v)}
                  options={[
                    { value: 'monthly', label: tx('kindMonthly') },
                    { value: 'incremental', label: tx('kindIncremental') },
                  ]}
                />
              </Form.Item>
              <Form.Item label={tx('status')}>
                <Select
                  allowClear
                  style={{ width: 120 }}
                  placeholder={label({ zh: '全部', en: 'Any' })}
                  value={list.filters.status}
                  onChange={(v?: string) => list.setFilter('status', v)}
                  options={[
                    { value: 'running', label: tx('statusRunning') },
                    { value: 'succeeded', label: tx('statusSucceeded') },
                    { value: 'failed', label: tx('statusFailed') },
                  ]}
                />
              </Form.Item>
            </Form>
            {runsQuery.isError ? (
              <QueryErrorResult error={runsQuery.error} onRetry={() => runsQuery.refetch()} />
            ) : (
              <Table<RunRowDto>
                rowKey="id"
                size="small"
                columns={columns}
                {...list.tableProps}
                locale={{ emptyText: tx('noRuns') }}
                expandable={{
                  expandedRowRender: (run) => <RuleCounts counts={run.counts} />,
                  rowExpandable: (run) => !!run.counts,
                }}
                scroll={{ x: 1120 }}
              />
            )}
          </Card>
          <RunDiffCard runId={diffRunId} />
        </Space>
      )}
    </Space>
  );
}
