import { chinaToday } from '#web/components/chinaDay.ts';
import { PlayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Progress, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { monitoringKeys, startRun } from '#web/api/monitoring.ts';
import { periodOfDate } from '#web/api/params.ts';
import { errorMessage } from '#web/components/errorMessage.ts';
import '#web/i18n/dayjsLocale.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { useRunsText } from './runsText.ts';
import { fill } from './text.ts';
import { jobError, jobMessage, jobPercent, useJob } from './useJob.ts';
import { keys } from '#web/api/queryKeys.ts';

/** Month picker, the run button and the job's progress bar. */
export function RunLauncher({ onFinished }: { onFinished: (runId: number | null) => void }) {
  const { language } = useI18n();
  const tx = useRunsText();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState<Dayjs>(chinaToday());
  const [job, setJob] = useState<{
    jobId: number;
    runId: number | null;
    period: string;
  } | null>(null);
  const period = month.format('YYYY-MM');
  const jobQuery = useJob(job?.jobId ?? null);
  const status = jobQuery.data?.status;

  const mutation = useMutation({
    mutationFn: () => startRun(period),
    onSuccess: ({ jobId, runId }) => setJob({ jobId, runId: runId ?? null, period }),
  });

  useEffect(() => {
    if (status && status !== 'running') {
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.runs() });
      void queryClient.invalidateQueries({ queryKey: keys.monitoring.warnings() });
      void queryClient.invalidateQueries({ queryKey: keys.clues.all });
      if (status === 'succeeded') onFinished(job?.runId ?? null);
    }
    // Only a change of status matters here, not a new onFinished closure.
  }, [status]);

  const running = mutation.isPending || status === 'running';
  const result = jobQuery.data?.result as { householdsEvaluated?: number; warningCount?: number } | null | undefined;
  const failure = mutation.isError ? errorMessage(mutation.error, language).message : jobError(jobQuery.data, language);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Flex gap={12} align="center" wrap>
        <Typography.Text>{tx('month')}</Typography.Text>
        <DatePicker
          picker="month"
          value={month}
          allowClear={false}
          onChange={(value) => value && setMonth(value)}
          disabledDate={(d) => d.isAfter(chinaToday(), 'month')}
          disabled={running}
        />
        <Button
          type="primary"
          icon={<PlayCircleOutlined />}
          loading={running}
          onClick={() => mutation.mutate()}
          data-testid="run-button"
        >
          {period === periodOfDate() ? tx('runThisMonth') : fill(tx('runMonth'), { period })}
        </Button>
      </Flex>
      {job && jobQuery.data && (
        <div data-testid="run-progress">
          <Progress
            percent={jobPercent(jobQuery.data)}
            status={status === 'failed' ? 'exception' : status === 'succeeded' ? 'success' : 'active'}
          />
          <Typography.Text type="secondary">
            {status === 'running'
              ? fill(tx('running'), {
                  message: jobMessage(jobQuery.data, language),
                })
              : status === 'succeeded'
                ? fill(tx('finished'), {
                    period: job.period,
                    households: result?.householdsEvaluated ?? '—',
                    warnings: result?.warningCount ?? '—',
                  })
                : null}
          </Typography.Text>
        </div>
      )}
      {failure && <Alert type="error" showIcon title={fill(tx('failed'), { error: failure })} />}
    </Space>
  );
}
