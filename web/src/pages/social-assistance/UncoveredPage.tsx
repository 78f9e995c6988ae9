import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography, type TableColumnsType } from 'antd';
import {
  fetchUncovered,
  socialKeys,
  uncoveredExportUrl,
  type UncoveredPage as Page,
} from '../../api/social-assistance.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { HouseholdLink } from '../../components/HouseholdLink.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { usePagedList } from '../../components/usePagedList.ts';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { useSocialText } from './text.ts';

type Row = Page['items'][number];
const FILTER_KEYS = ['orgCode'] as const;

/** 精准施策分类帮扶: monitored households without labour not covered by 低保/特困. */
export default function UncoveredPage() {
  const t = useSocialText();
  const { data: actor } = useActor();
  const list = usePagedList({
    key: socialKeys.uncovered(),
    filterKeys: FILTER_KEYS,
    fetch: (f, p) => fetchUncovered({ ...f, ...p }),
    unit: 'households',
  });
  const columns: TableColumnsType<Row> = [
    {
      title: t('householdNo'),
      dataIndex: 'householdNo',
      ...list.sortable('householdNo'),
      width: 170,
      fixed: 'left',
      render: (no: string, r) => <HouseholdLink id={r.householdId}>{no}</HouseholdLink>,
    },
    { title: t('head'), dataIndex: 'headName', width: 90, render: (v: string | null) => v ?? '—' },
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('village'), width: 110 },
    { title: t('members'), dataIndex: 'members', width: 90, align: 'right' },
  ];
  return (
    <Card
      title={t('title')}
      extra={
        hasPermission(actor, 'assistance:export') && (
          <Button icon={<DownloadOutlined />} href={uncoveredExportUrl(list.filters.orgCode)} download>
            {t('export')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <RegistryOrgFilter
          value={list.filters.orgCode}
          onChange={(v) => list.setFilter('orgCode', v)}
          style={{ width: 200 }}
        />
      </Space>
      {list.query.isError ? (
        <QueryErrorResult error={list.query.error} onRetry={() => list.query.refetch()} />
      ) : (
        <Table<Row>
          rowKey="householdId"
          size="middle"
          columns={columns}
          {...list.tableProps}
          locale={{ emptyText: t('empty') }}
          scroll={{ x: 460 }}
        />
      )}
    </Card>
  );
}
