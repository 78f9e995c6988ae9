import { PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { fetchScenarios, ScenarioRow } from '#web/api/analysis.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useAnalysisText } from './text.ts';
import { fieldLabel, shown } from './whatIfShared.ts';

interface Props {
  list: UseQueryResult<Awaited<ReturnType<typeof fetchScenarios>>>;
  page: number;
  onPage: (page: number) => void;
  onOpen: (id: number) => void;
  onNew: () => void;
}

function useColumns(onOpen: (id: number) => void): TableColumnsType<ScenarioRow> {
  const t = useAnalysisText();
  const statusTag = (s: ScenarioRow['status']) => (
    <Tag color={s === 'succeeded' ? 'green' : s === 'failed' ? 'red' : 'blue'}>{t(s)}</Tag>
  );
  return [
    { title: t('name'), dataIndex: 'name', width: 160, fixed: 'left' },
    { title: t('month'), dataIndex: 'period', width: 90 },
    {
      title: t('changed'),
      dataIndex: 'params',
      width: 220,
      render: (p: Record<string, unknown>) =>
        Object.entries(p)
          .map(([k, v]) => `${t(fieldLabel(k))}：${shown(k, v)}`)
          .join('；'),
    },
    { title: t('author'), dataIndex: 'author', width: 100 },
    { title: t('status'), dataIndex: 'status', width: 90, render: statusTag },
    {
      title: t('open'),
      key: 'open',
      width: 80,
      render: (_, r) => (
        <Button size="small" disabled={r.status !== 'succeeded'} onClick={() => onOpen(r.id)}>
          {t('open')}
        </Button>
      ),
    },
  ];
}

/** The saved scenarios, ten a page, with 新建试算 for those who may run one. */
export function ScenarioListCard({ list, page, onPage, onOpen, onNew }: Props) {
  const t = useAnalysisText();
  const { data: actor } = useActor();
  const columns = useColumns(onOpen);
  return (
    <Card
      title={t('whatifTitle')}
      extra={
        hasPermission(actor, 'analysis:run') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onNew}>
            {t('newScenario')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('whatifIntro')}</Typography.Paragraph>
      {list.isError ? (
        <QueryErrorResult error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<ScenarioRow>
          rowKey="id"
          size="middle"
          data-testid="scenario-list"
          columns={columns}
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('empty') }}
          pagination={{
            current: page,
            pageSize: 10,
            total: list.data?.total ?? 0,
            showTotal: (n) => `共 ${n} 条`,
            onChange: onPage,
          }}
        />
      )}
    </Card>
  );
}
