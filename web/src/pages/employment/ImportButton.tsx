import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { employmentKeys, importEmploymentFile, type EmploymentImportReport } from '../../api/employment.ts';
import { errorMessage } from '../../components/errorMessage.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useEmploymentText } from './text.ts';

/** 导入 .xlsx: a dry run first (rows and per-row errors), then the import of a clean file. */
export function ImportButton({ kind }: { kind: 'jobs' | 'trainings' }) {
  const t = useEmploymentText();
  const { language } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<EmploymentImportReport | null>(null);
  const run = useMutation({
    mutationFn: (v: { file: File; dryRun: boolean }) => importEmploymentFile(kind, v.file, v.dryRun),
    onSuccess: async (r) => {
      setReport(r);
      if (!r.dryRun) await queryClient.invalidateQueries({ queryKey: employmentKeys.all });
    },
  });
  const close = () => {
    setFile(null);
    setReport(null);
    run.reset();
  };
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
        <Button icon={<UploadOutlined />}>{t('import')}</Button>
      </Upload>
      <Button type="link" href={`/api/employment/import/${kind}/template.xlsx`} download>
        {t('template')}
      </Button>
      <Modal
        open={file !== null}
        title={t('importTitle')}
        onCancel={close}
        footer={
          <Space>
            <Button onClick={close}>{t('close')}</Button>
            {report?.dryRun && report.errors.length === 0 && report.rows > 0 && (
              <Button
                type="primary"
                loading={run.isPending}
                onClick={() => file && run.mutate({ file, dryRun: false })}
              >
                {t('importConfirm')}
              </Button>
            )}
          </Space>
        }
      >
        {run.isError && <Alert type="error" showIcon title={errorMessage(run.error, language).message} />}
        {report && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text data-testid="employment-import-result">
              {report.dryRun
                ? t('importChecked')
                    .replace('{rows}', String(report.rows))
                    .replace('{errors}', String(report.errors.length))
                : t('importDone').replace('{created}', String(report.created))}
            </Typography.Text>
            {report.errors.length > 0 && (
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.column}`}
                pagination={{ pageSize: 10 }}
                dataSource={report.errors}
                scroll={{ x: 480 }}
                columns={[
                  { title: t('row'), dataIndex: 'row', width: 60 },
                  { title: t('column'), dataIndex: 'column', width: 110 },
                  {
                    title: t('problem'),
                    key: 'message',
                    render: (_, e) => (language === 'en' ? e.messageEn : e.messageZh),
                  },
                ]}
              />
            )}
          </Space>
        )}
      </Modal>
    </>
  );
}
