import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Grid, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { fetchWorkbench, type WorkbenchItem } from '#web/api/workbench.ts';
import { useActor } from '#web/auth/session.ts';
import { PageLoading } from '#web/components/PageLoading.tsx';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import WorkspacePage from '../assistance/WorkspacePage.tsx';
import { useHomeText } from './text.ts';
import { keys } from '#web/api/queryKeys.ts';

const SEVERITY_COLOR = { overdue: 'red', near: 'orange', normal: 'blue' } as const;
const SEVERITY_EDGE = { overdue: '#ff4d4f', near: '#fa8c16', normal: '#1677ff' } as const;

function ItemCard({ item }: { item: WorkbenchItem }) {
  const t = useHomeText();
  const { label } = useI18n();
  return (
    <Link
      to={item.link}
      data-testid="workbench-item"
      data-kind={item.kind}
      data-count={item.count}
      aria-label={`${label({ zh: item.labelZh, en: item.labelEn })} ${item.count}`}
      style={{ display: 'block', height: '100%' }}
    >
      <Card hoverable size="small" style={{ height: '100%', borderLeft: `4px solid ${SEVERITY_EDGE[item.severity]}` }}>
        <Flex vertical gap={4}>
          <Flex justify="space-between" align="start" gap={8}>
            <Typography.Text strong style={{ fontSize: 15 }}>
              {label({ zh: item.labelZh, en: item.labelEn })}
            </Typography.Text>
            <Tag color={SEVERITY_COLOR[item.severity]} style={{ marginInlineEnd: 0 }}>
              {t(item.severity)}
            </Tag>
          </Flex>
          <Typography.Text style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.2 }} data-testid="workbench-count">
            {item.count}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {label({ zh: item.hintZh, en: item.hintEn })}
          </Typography.Text>
          {/* Not a second <a>: the whole card is the link. */}
          <Typography.Text style={{ fontSize: 13, color: '#1677ff' }}>{t('open')} →</Typography.Text>
        </Flex>
      </Card>
    </Link>
  );
}

/** / — 工作台: the signed-in user's items due today, each a count with one click to the filtered list. */
export default function HomePage() {
  const t = useHomeText();
  const { data: actor } = useActor();
  const narrow = !Grid.useBreakpoint().md;
  const q = useQuery({ queryKey: keys.workbench.all, queryFn: fetchWorkbench });
  if (q.isLoading) return <PageLoading />;
  if (q.isError || !q.data) return <QueryErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const { asOf, items } = q.data;
  const cadre = actor?.role === 'cadre';

  const board = (
    <Card
      title={<span data-testid="workbench-title">{t('title')}</span>}
      extra={<Typography.Text type="secondary">{t('asOf', { d: asOf })}</Typography.Text>}
      data-testid="workbench"
    >
      {items.length === 0 ? (
        <Empty description={t('empty')} data-testid="workbench-empty">
          <Typography.Text type="secondary">{t('emptyHint')}</Typography.Text>
        </Empty>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('intro')} {t('total', { n: items.length })}
          </Typography.Paragraph>
          <Row gutter={[12, 12]}>
            {items.map((item, i) => (
              <Col key={`${item.kind}-${i}`} xs={24} sm={12} lg={8} xxl={6}>
                <ItemCard item={item} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </Card>
  );

  if (!cadre) return board;
  // A paired cadre works from his household cards: on a phone they come first.
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {narrow ? (
        <>
          <WorkspacePage />
          {board}
        </>
      ) : (
        <>
          {board}
          <WorkspacePage />
        </>
      )}
    </Space>
  );
}
