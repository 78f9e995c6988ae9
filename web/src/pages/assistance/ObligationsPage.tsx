import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { OBLIGATION_CODES } from '../../../../common/domain/assistance/obligations.ts';
import { assistanceKeys, EXPORT_URLS, fetchBoard, type ObligationRow } from '../../api/assistance.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { obligationZh, riskZh, useText } from './text.ts';

/** /assistance/obligations — the obligations board per township, live as of a day. */
export default function ObligationsPage() {
  const t = useText();
  const { data: actor } = useActor();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [code, setCode] = useState<string | undefined>();
  const [orgCode, setOrgCode] = useState<string | undefined>();
  const day = asOf?.format('YYYY-MM-DD');
  const query = useQuery({
    queryKey: [...assistanceKeys.board(day, orgCode), code ?? ''],
    queryFn: () => fetchBoard(day, orgCode, code),
  });
  const board = query.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('board')}
        extra={
          hasPermission(actor, 'assistance:export') ? (
            <Button href={EXPORT_URLS.obligations + (orgCode ? `?orgCode=${orgCode}` : '')}>{t('export')}</Button>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary">{t('boardIntro')}</Typography.Paragraph>
        <Space wrap>
          <span>{t('asOf')}</span>
          <DatePicker value={asOf ?? dayjs()} onChange={(d) => setAsOf(d)} allowClear={false} />
          <Select
            style={{ width: 300 }}
            allowClear
            placeholder={t('allCodes')}
            value={code}
            onChange={setCode}
            options={OBLIGATION_CODES.map((c) => ({ value: c, label: obligationZh(c) }))}
          />
          {orgCode && <Button onClick={() => setOrgCode(undefined)}>{t('allCodes')}</Button>}
        </Space>
      </Card>
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <>
          <Card title={`${t('township')}（${board?.asOf ?? ''}）`}>
            <Table
              size="small"
              rowKey="townshipCode"
              loading={query.isLoading}
              pagination={false}
              dataSource={board?.townships ?? []}
              locale={{ emptyText: <Empty description={t('noObligations')} /> }}
              data-testid="board-townships"
              onRow={(r) => ({ onClick: () => setOrgCode(r.townshipCode), style: { cursor: 'pointer' } })}
              columns={[
                {
                  title: t('township'),
                  dataIndex: 'townshipName',
                  render: (n: string | null, r) => <Typography.Link>{n ?? r.townshipCode}</Typography.Link>,
                },
                ...OBLIGATION_CODES.map((c) => ({
                  title: obligationZh(c),
                  key: c,
                  align: 'right' as const,
                  render: (_: unknown, r: { counts: Record<string, number> }) => r.counts[c] || 0,
                })),
                {
                  title: t('total'),
                  dataIndex: 'total',
                  align: 'right' as const,
                  render: (n: number) => <strong>{n}</strong>,
                },
              ]}
            />
          </Card>
          <Card title={t('obligations')}>
            {board?.truncated && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                message={t('truncated', { n: board.items.length })}
              />
            )}
            <Table<ObligationRow>
              size="small"
              rowKey={(r) => `${r.householdId}-${r.code}-${r.riskType ?? ''}-${r.measureId ?? ''}`}
              loading={query.isLoading}
              dataSource={board?.items ?? []}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              data-testid="board-items"
              columns={[
                {
                  title: t('household'),
                  key: 'hh',
                  render: (_, r) => (
                    <Link to={`/assistance/households/${r.householdId}`}>{r.headName ?? r.householdNo}</Link>
                  ),
                },
                { title: t('village'), dataIndex: 'villageName' },
                {
                  title: t('obligations'),
                  dataIndex: 'code',
                  render: (c: string) => <Tag color="orange">{obligationZh(c)}</Tag>,
                },
                { title: t('riskType'), dataIndex: 'riskType', render: (r: string | null) => riskZh(r) || '—' },
                { title: t('dueOn'), dataIndex: 'dueOn' },
                { title: t('overdueDays'), dataIndex: 'overdueDays', align: 'right' },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
