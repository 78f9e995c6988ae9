import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { defineMessages, useI18n, useMessages } from '../i18n/useI18n.ts';
import { errorMessage } from './errorMessage.ts';

// One way to import a department's .xlsx into a ledger (posts, employment, insurance, small loans …): choosing
// the file runs a dry run at once (rows and per-row errors, nothing written); a clean file can then be imported,
// and the ledger's queries are refreshed. The ledger says what its report holds and how the result reads.

const TEXT = defineMessages({
  title: ['导入 Excel', 'Import a spreadsheet'],
  checked: [
    '已核对 {rows} 行，发现 {errors} 处问题（未写入）',
    '{rows} rows checked, {errors} problems (nothing written)',
  ],
  confirm: ['确认导入', 'Import'],
  close: ['关闭', 'Close'],
  row: ['行号', 'Row'],
  column: ['列', 'Column'],
  problem: ['问题', 'Problem'],
});

/** One row error of an import, in the reader's language. */
export interface ImportErrorRow {
  row: number;
  column: string;
  message: string;
}

export interface XlsxImportButtonProps<R extends { dryRun: boolean; rows: number }> {
  /** The button's words (e.g. 导入银行明细). */
  label: string;
  /** The dialog's title (e.g. 导入银行放款明细). */
  title?: string;
  importFile: (file: File, dryRun: boolean) => Promise<R>;
  /** The queries refreshed after a real import. */
  invalidate: QueryKey;
  /** The report's row errors, in the reader's language. */
  errorsOf: (report: R, language: string) => ImportErrorRow[];
  /** What a real import did (e.g. 已导入 3 笔). */
  doneText: (report: R) => string;
  /** A link to the empty template with the required headers. */
  template?: { href: string; label: string };
  /** Optional: the report's per-row results (e.g. will add / already there), shown under the summary. */
  details?: (report: R, language: string) => ReactNode;
}

export function XlsxImportButton<R extends { dryRun: boolean; rows: number }>(props: XlsxImportButtonProps<R>) {
  const { label, title, importFile, invalidate, errorsOf, doneText, template, details } = props;
  const t = useMessages(TEXT);
  const { language } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const run = useMutation({
    mutationFn: (v: { file: File; dryRun: boolean }) => importFile(v.file, v.dryRun),
    onSuccess: async (r) => {
      setReport(r);
      if (!r.dryRun) await queryClient.invalidateQueries({ queryKey: invalidate });
    },
  });
  const close = () => {
    setFile(null);
    setReport(null);
    run.reset();
  };
  const errors = report ? errorsOf(report, language) : [];
  return (
    <>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(f) => {
          setFile(f);
          setReport(null);
          run.mutate({ file: f, dryRun: true });
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>{label}</Button>
      </Upload>
      {template && (
        <Button type="link" href={template.href} download>
          {template.label}
        </Button>
      )}
      <Modal
        open={file !== null}
        title={title ?? t('title')}
        onCancel={close}
        footer={
          <Space>
            <Button onClick={close}>{t('close')}</Button>
            {report?.dryRun && errors.length === 0 && report.rows > 0 && (
              <Button
                type="primary"
                loading={run.isPending}
                onClick={() => file && run.mutate({ file, dryRun: false })}
              >
                {t('confirm')}
              </Button>
            )}
          </Space>
        }
      >
        {run.isError && <Alert type="error" showIcon title={errorMessage(run.error, language).message} />}
        {report && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text data-testid="import-result">
              {report.dryRun ? t('checked', { rows: report.rows, errors: errors.length }) : doneText(report)}
            </Typography.Text>
            {details?.(report, language)}
            {errors.length > 0 && (
              <Table<ImportErrorRow>
                size="small"
                rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                pagination={{ pageSize: 10 }}
                dataSource={errors}
                scroll={{ x: 480 }}
                columns={[
                  { title: t('row'), dataIndex: 'row', width: 60 },
                  { title: t('column'), dataIndex: 'column', width: 110 },
                  { title: t('problem'), dataIndex: 'message' },
                ]}
              />
            )}
          </Space>
        )}
      </Modal>
    </>
  );
}
