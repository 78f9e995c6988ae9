import { useQuery } from '@tanstack/react-query';
import { Card, Col, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { fetchFundChecks } from '#web/api/projects.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { CHECK_COLORS } from './labels.ts';
import { pct, yuan, useProjectsText } from './text.ts';
import { keys } from '#web/api/queryKeys.ts';

/** The fund-rule checks of a year as a dashboard card (reusable on the county cockpit). */
export function FundChecksCard({ year }: { year: number }) {
  const t = useProjectsText();
  const query = useQuery({ queryKey: keys.projects.checks(year), queryFn: () => fetchFundChecks(year) });
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data;
  return (
    <Card title={`${t('checksTitle')}（${year}）`} loading={query.isPending} data-testid="fund-checks">
      {data && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={8}>
              <Statistic title={`${t('allocated')}（元）`} value={yuan(data.allocatedFen)} />
            </Col>
            <Col span={8}>
              <Statistic title={t('assigned')} value={yuan(data.assignedFen)} />
            </Col>
            <Col span={8}>
              <Statistic title={t('disbursed')} value={yuan(data.disbursedFen)} />
            </Col>
          </Row>
          <Row gutter={16}>
            {data.checks.map((c) => (
              <Col xs={24} md={8} key={c.key}>
                <Card
                  size="small"
                  title={c.labelZh}
                  extra={<Tag color={CHECK_COLORS[c.status]}>{t(c.status)}</Tag>}
                  data-check={c.key}
                  data-status={c.status}
                >
                  <Progress
                    percent={Math.min(100, Math.round((c.share ?? 0) * 10000) / 100)}
                    status={c.status === 'notMet' ? 'exception' : c.status === 'met' ? 'success' : 'normal'}
                    format={() => pct(c.share)}
                  />
                  <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
                    {t('required2')}：
                    {c.kind === 'min'
                      ? `${t('atLeast')} ${pct(c.threshold)}`
                      : `${t('atMost')} ${yuan(c.wholeFen)} 元（已用上限 ${pct(c.share)}）`}
                  </Typography.Paragraph>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
                    {c.detailZh}
                  </Typography.Paragraph>
                </Card>
              </Col>
            ))}
          </Row>
        </>
      )}
    </Card>
  );
}
