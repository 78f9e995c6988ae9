import { CloudUploadOutlined, DownloadOutlined, FileSearchOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Progress, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '#web/api/client.ts';
import { fetchJob, startImport, type ImportReport } from '#web/api/registry.ts';
import { errorMessage } from '#web/components/errorMessage.ts';
import { ImportReportView } from './ImportReportView.tsx';
import { useRegistryText } from './text.ts';
import { keys } from '#web/api/queryKeys.ts';
import { oneLanguage, pickIn } from '#web/i18n/useI18n.ts';

interface Files {
  households?: File;
  members?: File;
}

const jobError = (error: unknown, language: string): string | null => {
  if (!error || typeof error !== 'object') return null;
  const { messageZh, messageEn } = error as { messageZh?: string; messageEn?: string };
  return pickIn(language, messageZh, messageEn) ?? null;
};

/** Check the file first (dry run), read the row errors, then import for real; progress polled every second. */
export function ImportPanel() {
  const { t, language } = useRegistryText();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<Files>({});
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [job, setJob] = useState<{ id: number; dryRun: boolean } | null>(null);

  const start = useMutation({
    mutationFn: (dryRun: boolean) =>
      startImport({ households: files.households!, members: files.members }, { dryRun, skipInvalid }),
    onMutate: () => setJob(null),
    onSuccess: ({ jobId }, dryRun) => setJob({ id: jobId, dryRun }),
  });
  const jobQuery = useQuery({
    queryKey: keys.registry.job(job?.id ?? 0),
    queryFn: () => fetchJob(job!.id),
    enabled: job !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 1000 : false),
  });
  const current = job ? jobQuery.data : undefined;
  const report = current?.status === 'succeeded' ? (current.result as ImportReport) : null;
  const running = start.isPending || (job !== null && (!current || current.status === 'running'));
  const committed = report?.committed ?? false;
  // A real import changed the registry: lists, households and the quality report must reload.
  useEffect(() => {
    if (committed) void queryClient.invalidateQueries({ queryKey: keys.registry.all });
  }, [committed, queryClient]);

  const pick = (key: keyof Files) => ({
    accept: key === 'households' ? '.xlsx,.csv' : '.csv',
    maxCount: 1,
    fileList: files[key] ? [{ uid: key, name: files[key]!.name, status: 'done' as const }] : [],
    beforeUpload: (file: File) => {
      setFiles((previous) => ({ ...previous, [key]: file }));
      setJob(null);
      return false;
    },
    onRemove: () => {
      setFiles((previous) => ({ ...previous, [key]: undefined }));
      setJob(null);
    },
  });
  const unavailable = start.error instanceof ApiError && (start.error.status === 404 || start.error.status === 405);
  const canCommit = report && !report.committed && (report.errorCount === 0 || skipInvalid);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('importHint')}</Typography.Paragraph>
      <Button icon={<DownloadOutlined />} href="/api/import-templates/households.xlsx" data-testid="import-template">
        {t('importTemplate')}
      </Button>
      <Form layout="vertical" style={{ maxWidth: 640 }}>
        <Form.Item label={t('householdsFile')} required>
          <Upload {...pick('households')}>
            <Button icon={<UploadOutlined />}>{t('chooseFile')}</Button>
          </Upload>
        </Form.Item>
        {files.households?.name.toLowerCase().endsWith('.csv') && (
          <Form.Item label={t('membersFile')} required>
            <Upload {...pick('members')}>
              <Button icon={<UploadOutlined />}>{t('chooseFile')}</Button>
            </Upload>
          </Form.Item>
        )}
        <Checkbox checked={skipInvalid} onChange={(event) => setSkipInvalid(event.target.checked)}>
          {t('skipInvalid')}
        </Checkbox>
      </Form>
      <Space>
        <Button
          icon={<FileSearchOutlined />}
          disabled={!files.households || running}
          loading={running && start.variables === true}
          onClick={() => start.mutate(true)}
        >
          {t('dryRun')}
        </Button>
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          disabled={!canCommit || running}
          loading={running && start.variables === false}
          onClick={() => start.mutate(false)}
        >
          {t('commit')}
        </Button>
      </Space>
      {unavailable && <Alert type="warning" showIcon title={t('importUnavailable')} />}
      {start.isError && !unavailable && (
        <Alert type="error" showIcon title={errorMessage(start.error, language).message} />
      )}
      {job && current?.status === 'running' && (
        <div data-testid="import-progress">
          <Progress percent={current.total ? Math.floor((current.done / current.total) * 100) : 0} status="active" />
          <Typography.Text type="secondary">
            {t('running')}… {oneLanguage(current.message, language)}{' '}
            {current.total ? `${current.done} / ${current.total}` : ''}
          </Typography.Text>
        </div>
      )}
      {current?.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={t('jobFailed')}
          description={jobError(current.error, language) ?? (oneLanguage(current.message, language) || undefined)}
        />
      )}
      {jobQuery.isError && <Alert type="error" showIcon title={errorMessage(jobQuery.error, language).message} />}
      {report && <ImportReportView report={report} skipInvalid={skipInvalid} jobId={job?.id} />}
    </Space>
  );
}
