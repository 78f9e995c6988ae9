import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { assistanceKeys, fetchWorkspace, type Workspace } from '#web/api/assistance.ts';
import { PageLoading } from '#web/components/PageLoading.tsx';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { MONITORING_STATUS_ZH, obligationZh, riskZh, useText } from './text.ts';

type Row = Workspace['households'][number];

// The phone form picks the household itself; the query parameter is for a later pre-fill.
const visitHref = (h: Row) => `/visit?householdId=${h.householdId}`;

/** /assistance/workspace — a paired cadre's households: visits due, open risks, obligations; visits on the phone form. */
export default function WorkspacePage() {
  const t = useText();
  const query = useQuery({ queryKey: assistanceKeys.workspace, queryFn: fetchWorkspace });
  const narrow = !Grid.useBreakpoint().md;
  if (query.isLoading) return <PageLoading />;
  if (query.isError || !query.data) return <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />;
  const ws = query.data;
  const due = ws.households.filter((h) => h.visitDue).length;
  const status = (h: Row) =>
    h.monitoringStatus === 'none' && h.kind === 'alleviated'
      ? '脱贫户'
      : (MONITORING_STATUS_ZH[h.monitoringStatus] ?? h.monitoringStatus);
  const dueTag = (h: Row) => (
    <Tag color={h.visitDue ? 'red' : 'green'}>{`${h.visitDue ? t('due') : t('notDue')}（${h.visitDueOn}）`}</Tag>
  );
  const empty = <Empty description={t('noPairs')} />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={`${t('workspace')} · ${ws.cadreName}`}>
        <Typography.Paragraph type="secondary">{t('workspaceIntro', { n: ws.visitIntervalDays })}</Typography.Paragraph>
        {due > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`${t('visitDue')}：${due}`} />}
        {narrow ? (
          <List
            dataSource={ws.households}
            locale={{ emptyText: empty }}
            data-testid="workspace-list"
            renderItem={(h) => (
              <Card size="small" style={{ marginBottom: 8 }}>
                <Flex vertical gap={6}>
                  <Flex justify="space-between" align="baseline" gap={8}>
                    <Link to={`/assistance/households/${h.householdId}`} style={{ fontSize: 16 }}>
                      {h.headName ?? h.householdNo}
                    </Link>
                    <Typography.Text type="secondary">{`${h.villageName ?? ''} · ${status(h)}`}</Typography.Text>
                  </Flex>
                  {(h.riskTypes.length > 0 || h.openClues > 0) && (
                    <div>
                      {h.riskTypes.map((x) => (
                        <Tag key={x}>{riskZh(x)}</Tag>
                      ))}
                      {h.openClues > 0 && <Tag color="red">{`${t('openClues')} ${h.openClues}`}</Tag>}
                    </div>
                  )}
                  {h.obligations.length > 0 && (
                    <div>
                      {h.obligations.map((c) => (
                        <Tag color="orange" key={c}>
                          {obligationZh(c)}
                        </Tag>
                      ))}
                    </div>
                  )}
                  <Flex justify="space-between" align="center" gap={8} wrap>
                    <Flex vertical>
                      {dueTag(h)}
                      <Typography.Text
                        type="secondary"
                        style={{ fontSize: 12 }}
                      >{`${t('lastVisit')}：${h.lastVisitOn ?? t('never')}`}</Typography.Text>
                    </Flex>
                    <Button type={h.visitDue ? 'primary' : 'default'} href={visitHref(h)}>
                      {t('goVisit')}
                    </Button>
                  </Flex>
                </Flex>
              </Card>
            )}
          />
        ) : (
          <Table<Row>
            rowKey="householdId"
            size="middle"
            pagination={false}
            dataSource={ws.households}
            scroll={{ x: 900 }}
            locale={{ emptyText: empty }}
            data-testid="workspace-table"
            columns={[
              {
                title: t('household'),
                key: 'hh',
                render: (_, h) => (
                  <Link to={`/assistance/households/${h.householdId}`}>{h.headName ?? h.householdNo}</Link>
                ),
              },
              { title: t('village'), dataIndex: 'villageName' },
              { title: t('status'), key: 'status', render: (_, h) => status(h) },
              {
                title: t('risks'),
                dataIndex: 'riskTypes',
                render: (r: string[]) => (r.length ? r.map((x) => <Tag key={x}>{riskZh(x)}</Tag>) : '—'),
              },
              { title: t('openClues'), dataIndex: 'openClues', align: 'right' },
              { title: t('lastVisit'), dataIndex: 'lastVisitOn', render: (v: string | null) => v ?? t('never') },
              { title: t('visitDue'), key: 'due', render: (_, h) => dueTag(h) },
              {
                title: t('obligations'),
                dataIndex: 'obligations',
                render: (o: string[]) =>
                  o.length
                    ? o.map((c) => (
                        <Tag color="orange" key={c}>
                          {obligationZh(c)}
                        </Tag>
                      ))
                    : t('none'),
              },
              {
                title: '',
                key: 'go',
                render: (_, h) => (
                  <Button type={h.visitDue ? 'primary' : 'default'} size="small" href={visitHref(h)}>
                    {t('goVisit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card title={t('recentVisits')}>
        <List
          size="small"
          dataSource={ws.recentVisits}
          locale={{ emptyText: t('noVisits') }}
          renderItem={(v) => (
            <List.Item>
              <Space wrap>
                <span>{v.visitedOn}</span>
                <Link to={`/assistance/households/${v.householdId}`}>{v.householdNo}</Link>
                <Tag color={v.riskFound ? 'red' : 'green'}>{v.riskFound ? t('riskFound') : t('noRisk')}</Tag>
                <Typography.Text>{v.findings}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
