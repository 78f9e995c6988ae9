import { useQuery } from '@tanstack/react-query';
import { fetchJob, monitoringKeys, type JobDto } from '#web/api/monitoring.ts';
import { oneLanguage } from '#web/i18n/useI18n.ts';

/** Polls a background job once a second until it has finished. */
export function useJob(jobId: number | null) {
  return useQuery({
    queryKey: monitoringKeys.job(jobId ?? 0),
    queryFn: () => fetchJob(jobId!),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'running' ? false : 1000),
    staleTime: 0,
  });
}

export function jobPercent(job: JobDto | undefined): number {
  if (!job) return 0;
  if (job.status === 'succeeded') return 100;
  if (!job.total) return 0;
  return Math.min(99, Math.floor((job.done / job.total) * 100));
}

/** The job's own message is bilingual ("已评估 3/10 户 / 3 of 10 households evaluated"): show one half. */
export function jobMessage(job: JobDto | undefined, language: string): string {
  return oneLanguage(job?.message, language);
}

/** The error a failed job stored ({ code, messageZh, messageEn }). */
export function jobError(job: JobDto | undefined, language: string): string | null {
  if (!job || job.status !== 'failed') return null;
  const error = job.error as { messageZh?: string; messageEn?: string } | null;
  return (
    (language === 'en' ? error?.messageEn : error?.messageZh) ?? (language === 'en' ? 'The job failed' : '任务失败')
  );
}
