import { DownloadOutlined } from '@ant-design/icons';
import { Button, type TableColumnsType } from 'antd';
import {
  fetchUncovered,
  socialKeys,
  uncoveredExportUrl,
  type UncoveredPage as Page,
} from '#web/api/social-assistance.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { HouseholdLink } from '#web/components/HouseholdLink.tsx';
import { LedgerList, LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
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
    <LedgerListCard
      title={t('title')}
      extra={
        hasPermission(actor, 'assistance:export') && (
          <Button icon={<DownloadOutlined />} href={uncoveredExportUrl(list.filters.orgCode)} download>
            {t('export')}
          </Button>
        )
      }
      intro={t('intro')}
    >
      <LedgerList
        list={list}
        filters={[{ kind: 'org' }]}
        rowKey="householdId"
        columns={columns}
        emptyText={t('empty')}
        scrollX={460}
      />
    </LedgerListCard>
  );
}
