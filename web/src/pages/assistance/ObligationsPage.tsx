import { Button, Card, DatePicker, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { OBLIGATION_CODES } from '#common/domain/assistance/obligations.ts';
import {
  assistanceKeys,
  EXPORT_URLS,
  fetchBoard,
  type ObligationBoard,
  type ObligationFilters,
  type ObligationRow,
} from '#web/api/assistance.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { obligationZh, riskZh, useText } from './text.ts';

const FILTER_KEYS = ['asOf', 'code', 'orgCode'] as const;

/** The export link of what the list shows: the same day, township and obligation. */
function exportHref(filters: ObligationFilters): string {
  const q = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1]));
  return q.size ? `${EXPORT_URLS.obligations}?${q}` : EXPORT_URLS.obligations;
}

/** /assistance/obligations — the obligations board per township, live as of a day; filters and page in the address. */
export default function ObligationsPage() {
  const t = useText();
  const { data: actor } = useActor();
  const list = usePagedList({
    key: [...assistanceKeys.all, 'board'],
    filterKeys: FILTER_KEYS,
    fetch: (f, p) => fetchBoard(f, p),
    unit: 'items',
  });
  const { asOf, code, orgCode } = list.filters;
  const board = list.query.data as ObligationBoard | undefined;
  const query = list.query;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('board')}
        extra={
          hasPermission(actor, 'assistance:export') ? (
            <Button href={exportHref(list.filters)}>{t('export')}</Button>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary">{t('boardIntro')}</Typography.Paragraph>
        <Space wrap>
          <span>{t('asOf')}</span>
          <DatePicker
            value={asOf ? dayjs(asOf) : dayjs()}
            onChange={(d) => list.setFilter('asOf', d?.format('YYYY-MM-DD'))}
            allowClear={false}
          />
          <Select
            style={{ width: 300, maxWidth: '100%' }}
            allowClear
            placeholder={t('allCodes')}
            value={code}
            onChange={(c?: string) => list.setFilter('code', c)}
            options={OBLIGATION_CODES.map((c) => ({ value: c, label: obligationZh(c) }))}
          />
          {orgCode && <Button onClick={() => list.setFilter('orgCode', undefined)}>{t('allCodes')}</Button>}
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
              onRow={(r) => ({
                onClick: () => list.setFilter('orgCode', r.townshipCode),
                style: { cursor: 'pointer' },
              })}
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
            <Table<ObligationRow>
              size="small"
              rowKey={(r) => `${r.householdId}-${r.code}-${r.riskType ?? ''}-${r.measureId ?? ''}`}
              scroll={{ x: 'max-content' }}
              data-testid="board-items"
              {...list.tableProps}
              columns={[
                {
                  title: t('household'),
                  dataIndex: 'householdNo',
                  fixed: 'left',
                  ...list.sortable('householdNo'),
                  render: (_, r) => (
                    <Link to={`/assistance/households/${r.householdId}`}>{r.headName ?? r.householdNo}</Link>
                  ),
                },
                { title: t('village'), dataIndex: 'villageName', ...list.sortable('village') },
                {
                  title: t('obligations'),
                  dataIndex: 'code',
                  ...list.sortable('code'),
                  render: (c: string) => <Tag color="orange">{obligationZh(c)}</Tag>,
                },
                { title: t('riskType'), dataIndex: 'riskType', render: (r: string | null) => riskZh(r) || '—' },
                { title: t('dueOn'), dataIndex: 'dueOn', ...list.sortable('dueOn') },
                { title: t('overdueDays'), dataIndex: 'overdueDays', align: 'right' },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
