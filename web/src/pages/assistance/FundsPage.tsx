import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Col, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  assistanceKeys,
  decideRelief,
  disburseRelief,
  EXPORT_URLS,
  fetchFund,
  fetchFunds,
  type FundDetail,
  type ReliefApplicationRow,
} from '#web/api/assistance.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { errorMessage } from '#web/components/errorMessage.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { riskZh, useText, yuan } from './text.ts';
import { keys } from '#web/api/queryKeys.ts';
import { ApplyModal, FundModal, IncomeModal } from './FundsModals.tsx';

const APP_STATUS: Record<string, [string, string]> = {
  submitted: ['待审批', 'gold'],
  approved: ['已批准待发放', 'blue'],
  rejected: ['不予批准', 'default'],
  disbursed: ['已发放', 'green'],
};

/** /assistance/funds — 应急救助基金 and 临时救助备用金: balance, ledger, applications, approval and payment. */
export default function FundsPage() {
  const t = useText();
  const { language } = useI18n();
  const { message } = AntApp.useApp();
  const { data: actor } = useActor();
  const queryClient = useQueryClient();
  const funds = useQuery({ queryKey: assistanceKeys.funds, queryFn: fetchFunds });
  const [selected, setSelected] = useState<number | null>(null);
  const fundId = selected ?? funds.data?.[0]?.id ?? null;
  const fund = useQuery({
    queryKey: assistanceKeys.fund(fundId ?? 0),
    queryFn: () => fetchFund(fundId!),
    enabled: fundId !== null,
  });
  const [modal, setModal] = useState<null | 'fund' | 'income' | 'apply'>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.relief.all });
  const act = useMutation({
    mutationFn: async (a: { kind: 'approve' | 'reject' | 'disburse'; row: ReliefApplicationRow; note?: string }) =>
      a.kind === 'disburse'
        ? disburseRelief(a.row.id, dayjs().format('YYYY-MM-DD'))
        : decideRelief(a.row.id, { decision: a.kind, note: a.note ?? null }),
    onSuccess: async () => {
      await refresh();
      message.success(t('saved'));
    },
    onError: (err) => message.error(errorMessage(err, language).message),
  });

  if (funds.isError) return <QueryErrorResult error={funds.error} onRetry={() => funds.refetch()} />;
  const canFund = hasPermission(actor, 'relief:fund');
  const canApprove = hasPermission(actor, 'relief:approve');
  const canApply = hasPermission(actor, 'relief:apply');
  const d: FundDetail | undefined = fund.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('funds')}
        extra={canFund ? <Button onClick={() => setModal('fund')}>{t('newFund')}</Button> : null}
      >
        <Typography.Paragraph type="secondary">{t('fundsIntro')}</Typography.Paragraph>
        {funds.data?.length === 0 && <Empty description={t('noFunds')} />}
        <Row gutter={[12, 12]}>
          {(funds.data ?? []).map((f) => (
            <Col key={f.id} xs={24} md={8}>
              <Card
                size="small"
                hoverable
                onClick={() => setSelected(f.id)}
                style={{ borderColor: f.id === fundId ? '#1677ff' : undefined }}
                data-testid={`fund-${f.id}`}
              >
                <Statistic title={`${f.name}（${f.orgName ?? f.orgCode}）`} value={yuan(f.balanceFen)} suffix="元" />
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
      {d && (
        <>
          <Card
            title={`${d.name} · ${t('applications')}`}
            extra={
              <Space>
                {canApply && (
                  <Button type="primary" onClick={() => setModal('apply')}>
                    {t('apply')}
                  </Button>
                )}
              </Space>
            }
          >
            <Table<ReliefApplicationRow>
              size="small"
              rowKey="id"
              dataSource={d.applications}
              pagination={{ pageSize: 10 }}
              scroll={{ x: 1000 }}
              locale={{ emptyText: <Empty /> }}
              columns={[
                { title: t('appliedOn'), dataIndex: 'appliedOn' },
                {
                  title: t('household'),
                  key: 'hh',
                  render: (_, a) => (
                    <Link to={`/assistance/households/${a.householdId}`}>{a.headName ?? a.householdNo}</Link>
                  ),
                },
                { title: t('village'), dataIndex: 'villageName' },
                {
                  title: t('reliefKind'),
                  dataIndex: 'reliefKind',
                  render: (k: string) => (k === 'emergency' ? t('emergency') : t('temporary')),
                },
                { title: t('eventType'), dataIndex: 'eventType', render: riskZh },
                { title: t('requested'), dataIndex: 'requestedFen', align: 'right', render: yuan },
                {
                  title: t('approved'),
                  dataIndex: 'approvedFen',
                  align: 'right',
                  render: (v: number | null) => (v === null ? '—' : yuan(v)),
                },
                {
                  title: t('status'),
                  dataIndex: 'status',
                  render: (s: string) => <Tag color={APP_STATUS[s][1]}>{APP_STATUS[s][0]}</Tag>,
                },
                {
                  title: '',
                  key: 'act',
                  render: (_, a) =>
                    canApprove ? (
                      <Space>
                        {a.status === 'submitted' && (
                          <>
                            <Button size="small" type="primary" onClick={() => act.mutate({ kind: 'approve', row: a })}>
                              {t('approve')}
                            </Button>
                            <Button
                              size="small"
                              onClick={() => {
                                const note = window.prompt(t('rejectReason'));
                                if (note) act.mutate({ kind: 'reject', row: a, note });
                              }}
                            >
                              {t('reject')}
                            </Button>
                          </>
                        )}
                        {a.status === 'approved' && (
                          <Button size="small" type="primary" onClick={() => act.mutate({ kind: 'disburse', row: a })}>
                            {t('disburse')}
                          </Button>
                        )}
                      </Space>
                    ) : null,
                },
              ]}
            />
          </Card>
          <Card
            title={`${d.name} · ${t('ledger')}`}
            extra={
              <Space>
                {canFund && <Button onClick={() => setModal('income')}>{t('income')}</Button>}
                {hasPermission(actor, 'assistance:export') && (
                  <Button href={EXPORT_URLS.fundLedger(d.id)}>{t('export')}</Button>
                )}
              </Space>
            }
          >
            <Table
              size="small"
              rowKey="id"
              dataSource={d.entries}
              pagination={{ pageSize: 10 }}
              data-testid="fund-ledger"
              columns={[
                { title: t('date'), dataIndex: 'occurredOn' },
                {
                  title: t('fundKind'),
                  dataIndex: 'kind',
                  render: (k: string) => (
                    <Tag color={k === 'income' ? 'green' : 'volcano'}>
                      {k === 'income' ? t('incomeKind') : t('payKind')}
                    </Tag>
                  ),
                },
                { title: t('amount'), dataIndex: 'amountFen', align: 'right', render: yuan },
                { title: t('balanceAfter'), dataIndex: 'balanceAfterFen', align: 'right', render: yuan },
                { title: t('sourceOrPayee'), dataIndex: 'source' },
                { title: t('note'), dataIndex: 'note' },
              ]}
            />
          </Card>
        </>
      )}
      <FundModal
        open={modal === 'fund'}
        onClose={() => setModal(null)}
        onDone={refresh}
        defaultOrg={actor?.orgCode ?? ''}
      />
      {d && <IncomeModal open={modal === 'income'} fundId={d.id} onClose={() => setModal(null)} onDone={refresh} />}
      {d && <ApplyModal open={modal === 'apply'} fundId={d.id} onClose={() => setModal(null)} onDone={refresh} />}
    </Space>
  );
}
