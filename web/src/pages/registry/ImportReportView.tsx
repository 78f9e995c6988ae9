import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { ImportChangeRow } from '#common/contracts/registry-transfer.ts';
import type { ImportErrorRow, ImportReport } from '#web/api/registry.ts';
import { useRegistryText } from './text.ts';
import { pickIn } from '#web/i18n/useI18n.ts';

/** An import's counts and its row-level errors (工作表/行/列/值/原因), as the job returns them. */
export function ImportReportView({
  report,
  skipInvalid,
  jobId,
}: {
  report: ImportReport;
  skipInvalid: boolean;
  /** The job, for the report as .xlsx (GET /api/registry/import/:jobId/report.xlsx). */
  jobId?: number;
}) {
  const { t, language } = useRegistryText();
  const changes = report.changes ?? [];
  const changeColumns: TableColumnsType<ImportChangeRow> = [
    { title: t('importChangeNo'), dataIndex: 'householdNo', width: 170 },
    { title: t('importChangeHead'), dataIndex: 'headName', width: 90 },
    {
      title: t('importChangeAction'),
      dataIndex: 'action',
      width: 70,
      render: (a: ImportChangeRow['action']) => t(a === 'create' ? 'importActionCreate' : 'importActionUpdate'),
    },
    { title: t('importChangeWhat'), key: 'changes', render: (_, row) => row.changes.join('；') },
  ];
  const columns: TableColumnsType<ImportErrorRow> = [
    { title: t('sheet'), dataIndex: 'sheet', width: 100 },
    { title: t('row'), dataIndex: 'row', width: 70, align: 'right', render: (row: number) => (row === 0 ? '—' : row) },
    { title: t('column'), dataIndex: 'column', width: 160 },
    {
      title: t('value'),
      dataIndex: 'value',
      width: 180,
      render: (value: string) => <span style={{ fontFamily: 'monospace' }}>{value || '—'}</span>,
    },
    { title: t('cause'), key: 'reason', render: (_, row) => pickIn(language, row.reason, row.reasonEn) },
  ];
  const unknown = [...report.unknownColumns.households, ...report.unknownColumns.members];
  const title = report.committed ? t('importDone') : t('checkDone');

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="import-report">
      {report.errorCount === 0 ? (
        <Alert type="success" showIcon title={report.committed ? t('importDone') : t('noErrors')} />
      ) : (
        <Alert
          type={report.committed || skipInvalid ? 'warning' : 'error'}
          showIcon
          title={
            t(report.committed ? 'importedExceptInvalid' : skipInvalid ? 'errorsWillSkip' : 'errorsFound', {
              n: report.errorCount,
              households: report.invalid,
            }) + (report.errors.length < report.errorCount ? t('errorsTruncated', { n: report.errors.length }) : '')
          }
        />
      )}
      <Descriptions size="small" bordered column={{ xs: 2, md: 4 }} title={`${title} · ${report.file}`}>
        <Descriptions.Item label={t('householdCount')}>{report.households}</Descriptions.Item>
        <Descriptions.Item label={t('created2')}>{report.created}</Descriptions.Item>
        <Descriptions.Item label={t('updated')}>{report.updated}</Descriptions.Item>
        <Descriptions.Item label={t('unchanged')}>{report.unchanged}</Descriptions.Item>
        <Descriptions.Item label={t('invalid')}>{report.invalid}</Descriptions.Item>
        <Descriptions.Item label={t('memberRows')}>{report.members.rows}</Descriptions.Item>
        <Descriptions.Item label={t('membersAdded')}>{report.members.added}</Descriptions.Item>
        <Descriptions.Item label={t('membersEnded')}>{report.members.ended}</Descriptions.Item>
      </Descriptions>
      {unknown.length > 0 && (
        <Typography.Text type="secondary">
          {t('unknownColumns')}
          {unknown.join('、')}
        </Typography.Text>
      )}
      {jobId !== undefined && (report.errors.length > 0 || changes.length > 0) && (
        <Button
          icon={<DownloadOutlined />}
          href={`/api/registry/import/${jobId}/report.xlsx`}
          data-testid="import-report-xlsx"
        >
          {t('importReportXlsx')}
        </Button>
      )}
      {changes.length > 0 && (
        <Table<ImportChangeRow>
          title={() => t(report.committed ? 'importChangesDone' : 'importChanges')}
          rowKey="householdNo"
          size="small"
          columns={changeColumns}
          dataSource={changes}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          data-testid="import-changes"
        />
      )}
      {report.errors.length > 0 && (
        <Table<ImportErrorRow>
          rowKey={(row) => `${row.sheet}-${row.row}-${row.column}-${row.reason}`}
          size="small"
          columns={columns}
          dataSource={report.errors}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="import-errors"
        />
      )}
    </Space>
  );
}
