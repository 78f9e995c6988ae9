import { Alert, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import type { FeedImportResult, FeedRowErrorDto } from '#web/api/monitoring.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { useFeedsText } from './feedsText.ts';
import { fill } from './text.ts';

type Outcome = FeedImportResult['batches'][number];

/** A checked or imported file: its row errors, or the counts per source. */
export function FeedImportResultView({ result }: { result: FeedImportResult }) {
  const { language } = useI18n();
  const tx = useFeedsText();
  const errorColumns: TableColumnsType<FeedRowErrorDto> = [
    { title: tx('row'), dataIndex: 'row', width: 70 },
    { title: tx('column'), dataIndex: 'column', width: 120 },
    { title: tx('value'), dataIndex: 'value', width: 180, ellipsis: true },
    {
      title: tx('reason'),
      key: 'reason',
      render: (_, e) => (language === 'en' ? e.reasonEn : e.reasonZh),
    },
  ];
  const outcomeColumns: TableColumnsType<Outcome> = [
    { title: tx('source'), dataIndex: 'sourceLabel', width: 90 },
    { title: tx('recordCount'), dataIndex: 'recordCount', align: 'right' },
    { title: tx('newCount'), dataIndex: 'newCount', align: 'right' },
    { title: tx('existingCount'), dataIndex: 'existingCount', align: 'right' },
    { title: tx('duplicateRows'), dataIndex: 'duplicateRows', align: 'right' },
    // Null for a line department: whether an ID is registered is not shown to it.
    { title: tx('matched'), dataIndex: 'matchedCount', align: 'right', render: (n: number | null) => n ?? '—' },
    {
      title: <Tooltip title={tx('unmatchedHint')}>{tx('unmatched')} ⓘ</Tooltip>,
      dataIndex: 'unmatchedCount',
      align: 'right',
      render: (n: number | null) => n ?? '—',
    },
  ];
  const rejected = result.status === 'rejected';
  const banner = rejected
    ? {
        type: 'error' as const,
        text: fill(tx('checkedErrors'), { n: result.errorCount }),
      }
    : result.status === 'checked'
      ? {
          type: 'success' as const,
          text: fill(tx('checkedOk'), { rows: result.rowCount }),
        }
      : result.status === 'alreadyImported'
        ? { type: 'info' as const, text: tx('alreadyImported') }
        : {
            type: 'success' as const,
            text: fill(tx('imported'), { n: result.batches.reduce((sum, b) => sum + b.newCount, 0) }),
          };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="feed-result">
      <Alert
        type={banner.type}
        showIcon
        title={banner.text}
        description={rejected && result.errorsTruncated ? tx('errorsTruncated') : undefined}
      />
      {result.unknownColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={fill(tx('unknownColumns'), {
            cols: result.unknownColumns.join('、'),
          })}
        />
      )}
      {rejected ? (
        <Table<FeedRowErrorDto>
          rowKey={(e) => `${e.row}-${e.column}`}
          size="small"
          columns={errorColumns}
          dataSource={result.errors}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="feed-errors"
        />
      ) : (
        <Table<Outcome>
          rowKey="source"
          size="small"
          columns={outcomeColumns}
          dataSource={result.batches}
          pagination={false}
        />
      )}
    </Space>
  );
}
