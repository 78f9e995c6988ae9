import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Spin, Timeline, Typography } from 'antd';
import { fetchTimeline, type ChangeRow } from '#web/api/registry.ts';
import { formatDateTime } from '#web/components/format.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { CHANGE_ACTION_LABELS } from './changeDiff.ts';
import { ChangeDiffTable } from './ChangeDiffTable.tsx';
import { ReviewStatusTag } from './ReviewStatusTag.tsx';
import { useRegistryText } from './text.ts';
import { keys } from '#web/api/queryKeys.ts';

const COLOURS: Record<ChangeRow['reviewStatus'], string> = {
  none: 'blue',
  pending: 'orange',
  confirmed: 'green',
  rejected: 'red',
};

/** Who changed what, when and why, newest first, with the township's review of village edits. */
export function TimelineTab({ householdId }: { householdId: number }) {
  const { t, label } = useRegistryText();
  const query = useQuery({ queryKey: keys.registry.timeline(householdId), queryFn: () => fetchTimeline(householdId) });
  if (query.isPending) return <Spin />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.length === 0) return <Empty description={t('noChanges')} />;

  return (
    <Timeline
      data-testid="household-timeline"
      items={query.data.map((change) => ({
        key: change.id,
        color: COLOURS[change.reviewStatus],
        content: (
          <Space orientation="vertical" size={6} style={{ width: '100%' }}>
            <Space wrap size={8}>
              <Typography.Text strong>
                {CHANGE_ACTION_LABELS[change.action] ? label(CHANGE_ACTION_LABELS[change.action]) : change.action}
              </Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(change.at)}</Typography.Text>
              <Typography.Text type="secondary">
                {t('by')}：{change.actorName ?? '—'}
              </Typography.Text>
              <ReviewStatusTag status={change.reviewStatus} />
            </Space>
            <Typography.Text>
              {t('reason')}：{change.reason}
            </Typography.Text>
            {change.reviewStatus !== 'none' && change.reviewStatus !== 'pending' && (
              <Typography.Text type="secondary">
                {t('reviewNote')}（{change.reviewedBy ?? '—'}）：{change.reviewNote || '—'}
              </Typography.Text>
            )}
            <ChangeDiffTable before={change.before} after={change.after} />
          </Space>
        ),
      }))}
    />
  );
}
