import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dropdown, Flex, Progress, Select, Space, Tooltip, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { FEED_SOURCES } from '#common/domain/feeds/sources.ts';
import { importFeedFile, monitoringKeys, type FeedImportResult, type FeedSourceCodeDto } from '#web/api/monitoring.ts';
import { useActor } from '#web/auth/session.ts';
import { errorMessage } from '#web/components/errorMessage.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { useFeedsText } from './feedsText.ts';
import { FeedImportResultView } from './FeedImportResultView.tsx';
import { fill } from './text.ts';
import { jobError, jobMessage, jobPercent, useJob } from './useJob.ts';

/** Upload → 检查文件 (dry run) → row errors or counts → 确认导入. */
export function FeedUpload() {
  const { language } = useI18n();
  const tx = useFeedsText();
  const queryClient = useQueryClient();
  const { data: actor } = useActor();
  const isDepartment = actor?.role === 'department';
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<FeedSourceCodeDto | undefined>();
  const [job, setJob] = useState<{ id: number; dryRun: boolean } | null>(null);
  const jobQuery = useJob(job?.id ?? null);
  const status = jobQuery.data?.status;
  const result = status === 'succeeded' ? (jobQuery.data?.result as FeedImportResult) : null;

  const mutation = useMutation({
    mutationFn: (dryRun: boolean) =>
      importFeedFile(file!, {
        dryRun,
        source: isDepartment ? undefined : source,
      }),
    onSuccess: ({ jobId }, dryRun) => setJob({ id: jobId, dryRun }),
  });

  useEffect(() => {
    if (status === 'succeeded' && job && !job.dryRun)
      void queryClient.invalidateQueries({
        queryKey: monitoringKeys.batches(),
      });
  }, [status, job, queryClient]);

  const busy = mutation.isPending || status === 'running';
  const checkedClean = job?.dryRun === true && result?.status === 'checked';
  const failure = mutation.isError ? errorMessage(mutation.error, language).message : jobError(jobQuery.data, language);
  const reset = () => {
    setJob(null);
    mutation.reset();
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Flex gap={12} wrap align="center">
        <Upload
          accept=".csv,.xlsx"
          maxCount={1}
          beforeUpload={(chosen) => {
            setFile(chosen);
            reset();
            return false;
          }}
          onRemove={() => {
            setFile(null);
            reset();
          }}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />}>{tx('chooseFile')}</Button>
        </Upload>
        <Dropdown
          menu={{
            items: FEED_SOURCES.map((s) => ({
              key: s.code,
              label: <a href={`/api/import-templates/feed.xlsx?source=${s.code}`}>{s.zh}</a>,
            })),
          }}
        >
          <Button icon={<DownloadOutlined />} data-testid="feed-template">
            {tx('template')}
          </Button>
        </Dropdown>
        {!isDepartment && (
          <Space>
            <Tooltip title={tx('sourceExtra')}>
              <Typography.Text>{tx('source')} ⓘ</Typography.Text>
            </Tooltip>
            <Select
              allowClear
              placeholder={tx('sourceHint')}
              style={{ width: 220 }}
              value={source}
              onChange={(value) => {
                setSource(value);
                reset();
              }}
              options={FEED_SOURCES.map((s) => ({
                value: s.code,
                label: s.zh,
              }))}
            />
          </Space>
        )}
        <Button
          type="primary"
          ghost
          disabled={!file || busy}
          loading={busy && job?.dryRun !== false}
          onClick={() => mutation.mutate(true)}
          data-testid="feed-check"
        >
          {tx('check')}
        </Button>
        <Button
          type="primary"
          disabled={!checkedClean || busy}
          loading={busy && job?.dryRun === false}
          onClick={() => mutation.mutate(false)}
          data-testid="feed-commit"
        >
          {tx('commit')}
        </Button>
      </Flex>
      {status === 'running' && (
        <div>
          <Progress percent={jobPercent(jobQuery.data)} status="active" />
          <Typography.Text type="secondary">
            {fill(tx('checking'), {
              message: jobMessage(jobQuery.data, language),
            })}
          </Typography.Text>
        </div>
      )}
      {failure && <Alert type="error" showIcon title={failure} />}
      {result && <FeedImportResultView result={result} />}
    </Space>
  );
}
