import { useQuery } from '@tanstack/react-query';
import { Empty, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { fetchUnpaired, unpairedKey, type UnpairedRow } from '../../api/assistance-unpaired.ts';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { useText } from './text.ts';

/** /assistance/pairings?unpaired=1 — monitored households without an active cadre (the workbench card's list). */
export function UnpairedTable() {
  const t = useText();
  const query = useQuery({ queryKey: unpairedKey, queryFn: fetchUnpaired });
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('unpairedIntro')}</Typography.Paragraph>
      <Table<UnpairedRow>
        size="small"
        rowKey="householdId"
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          pageSize: 20,
          showSizeChanger: false,
          showTotal: (n) => t('unpairedTotal', { n }),
        }}
        footer={() => <span data-testid="unpaired-total">{t('unpairedTotal', { n: query.data?.total ?? 0 })}</span>}
        locale={{ emptyText: <Empty description={t('unpairedNone')} /> }}
        columns={[
          {
            title: t('household'),
            key: 'hh',
            fixed: 'left',
            render: (_, h) => <Link to={`/assistance/households/${h.householdId}`}>{h.headName ?? h.householdNo}</Link>,
          },
          { title: t('householdNo'), dataIndex: 'householdNo' },
          { title: t('township'), dataIndex: 'townshipName' },
          { title: t('village'), dataIndex: 'villageName' },
          {
            title: t('identified'),
            dataIndex: 'identificationPeriod',
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </>
  );
}
