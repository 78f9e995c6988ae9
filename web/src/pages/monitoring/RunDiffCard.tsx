import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography, type TableColumnsType } from 'antd';
import { fetchRunDiff, monitoringKeys, type RunDiff } from '#web/api/monitoring.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { ruleName } from './labels.ts';
import { useRunsText } from './runsText.ts';
import { fill } from './text.ts';

type DiffRow = RunDiff['rules'][number];

const numberCell = (colour: string) => (n: number) => (
  <span
    style={{
      color: n > 0 ? colour : '#bfbfbf',
      fontWeight: n > 0 ? 600 : undefined,
    }}
  >
    {n}
  </span>
);

/** 新增 / 持续 / 消除 per rule, this run's month against the month before. */
export function RunDiffCard({ runId }: { runId: number | null }) {
  const { language } = useI18n();
  const tx = useRunsText();
  const query = useQuery({
    queryKey: monitoringKeys.diff(runId ?? 0),
    queryFn: () => fetchRunDiff(runId!),
    enabled: runId !== null,
  });
  const diff = query.data;

  const columns: TableColumnsType<DiffRow> = [
    {
      title: tx('rule'),
      dataIndex: 'ruleCode',
      render: (code: string) => ruleName(code, language),
    },
    {
      title: tx('new'),
      dataIndex: 'new',
      width: 90,
      align: 'right',
      render: numberCell('#cf1322'),
    },
    {
      title: tx('persisting'),
      dataIndex: 'persisting',
      width: 90,
      align: 'right',
      render: numberCell('#d46b08'),
    },
    {
      title: tx('resolved'),
      dataIndex: 'resolved',
      width: 90,
      align: 'right',
      render: numberCell('#389e0d'),
    },
  ];

  return (
    <Card
      size="small"
      title={
        diff
          ? fill(tx('diffTitle'), {
              period: diff.period,
              previous: diff.previousPeriod,
            })
          : tx('diff')
      }
      data-testid="run-diff"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {tx('diffHint')}
      </Typography.Paragraph>
      {runId === null ? (
        <Typography.Text type="secondary">{tx('pickRun')}</Typography.Text>
      ) : query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<DiffRow>
          rowKey="ruleCode"
          size="small"
          loading={query.isPending}
          columns={columns}
          dataSource={diff?.rules ?? []}
          pagination={false}
          summary={() =>
            diff && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{tx('total')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <strong>{diff.totals.new}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <strong>{diff.totals.persisting}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <strong>{diff.totals.resolved}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
        />
      )}
    </Card>
  );
}
