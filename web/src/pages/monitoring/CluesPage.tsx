import { FileAddOutlined, SoundOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router';
import { fetchClues, type ClueRow, type CluePageFilters } from '#web/api/monitoring.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { ApplicationModal } from './ApplicationModal.tsx';
import { ClueAgeTag, useIdentificationDays } from './ClueAgeTag.tsx';
import { ClueChannelTags } from './ClueChannelTags.tsx';
import { ClueDrawer } from './ClueDrawer.tsx';
import { ClueFilterBar } from './ClueFilterBar.tsx';
import { useCluesText } from './cluesText.ts';
import { riskLabel } from './labels.ts';
import { useCommonText } from './text.ts';
import { keys } from '#web/api/queryKeys.ts';

const FILTER_KEYS = ['status', 'channel', 'riskType', 'orgCode', 'householdId'] as const;

export default function CluesPage() {
  const { language } = useI18n();
  const tx = useCluesText();
  const tc = useCommonText();
  const { data: actor } = useActor();
  const canWrite = hasPermission(actor, 'clues:write');
  const limit = useIdentificationDays();
  const [openId, setOpenId] = useState<number | null>(null);
  const [modal, setModal] = useState<'application' | null>(null);
  const navigate = useNavigate();

  // Filters, page and sort in the address (the warnings list links to one household's clues).
  const list = usePagedList({
    key: keys.clues.list(),
    filterKeys: FILTER_KEYS,
    fetch: (f, p) => fetchClues(f as CluePageFilters, p),
    defaultSort: { sort: 'openedAt', order: 'desc' },
    unit: 'items',
  });
  const cluesQuery = list.query;

  const columns: TableColumnsType<ClueRow> = [
    {
      title: tc('householdNo'),
      dataIndex: 'householdNo',
      ...list.sortable('householdNo'),
      width: 170,
      render: (no: string | null) =>
        no ? (
          <Typography.Text style={{ fontFamily: 'monospace' }}>{no}</Typography.Text>
        ) : (
          <Tooltip title={tx('notRegisteredHint')}>
            <Tag color="gold">{tx('notRegistered')}</Tag>
          </Tooltip>
        ),
    },
    {
      title: tc('headName'),
      dataIndex: 'headName',
      width: 90,
      render: (name: string | null) => name ?? '—',
    },
    { title: tc('village'), dataIndex: 'villageName', ...list.sortable('village'), width: 100 },
    {
      title: tc('riskType'),
      dataIndex: 'riskType',
      ...list.sortable('riskType'),
      width: 130,
      render: (code: string) => riskLabel(code, language),
    },
    {
      title: tx('channels'),
      key: 'channels',
      width: 200,
      render: (_, row) => <ClueChannelTags first={row.channel} all={row.channels} />,
    },
    { title: tx('summary'), dataIndex: 'summary' },
    {
      title: tx('age'),
      dataIndex: 'ageDays',
      // Older first is ascending by the day it opened.
      ...list.sortable('openedAt'),
      width: 100,
      render: (days: number, row) => <ClueAgeTag days={days} limit={limit} closed={row.status === 'closed'} />,
    },
    {
      title: tx('signals'),
      dataIndex: 'signalCount',
      width: 70,
      align: 'center',
    },
    {
      title: tx('actions'),
      key: 'actions',
      width: 70,
      render: (_, row) => (
        <Button size="small" type="link" onClick={() => setOpenId(row.id)}>
          {tx('view')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={tx('title')}
      extra={
        canWrite && (
          <Space>
            <Button icon={<FileAddOutlined />} onClick={() => setModal('application')}>
              {tx('recordApplication')}
            </Button>
            {/* Petitions are recorded in their register (one way in); a household at risk gets its clue there. */}
            <Tooltip title={tx('recordPetitionHint')}>
              <Button icon={<SoundOutlined />} onClick={() => navigate('/petitions')}>
                {tx('recordPetition')}
              </Button>
            </Tooltip>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">{tx('intro')}</Typography.Paragraph>
      <div style={{ marginBottom: 16 }}>
        <ClueFilterBar
          value={list.filters as CluePageFilters}
          onChange={(f) =>
            list.setFilters({ ...f, status: f.status === 'open' ? undefined : f.status, householdId: undefined })
          }
        />
        {list.filters.householdId && (
          <Tag closable onClose={() => list.setFilter('householdId', undefined)} style={{ marginTop: 8 }}>
            {tx('oneHousehold')}
          </Tag>
        )}
      </div>
      {cluesQuery.isError ? (
        <QueryErrorResult error={cluesQuery.error} onRetry={() => cluesQuery.refetch()} />
      ) : (
        <Table<ClueRow>
          rowKey="id"
          size="middle"
          columns={columns}
          {...list.tableProps}
          locale={{ emptyText: tx('empty') }}
          onRow={(row) =>
            ({
              onDoubleClick: () => setOpenId(row.id),
              'data-clue-id': row.id,
            }) as HTMLAttributes<HTMLElement>
          }
          scroll={{ x: 1050 }}
        />
      )}
      <ClueDrawer clueId={openId} limit={limit} onClose={() => setOpenId(null)} />
      {canWrite && <ApplicationModal open={modal === 'application'} onClose={() => setModal(null)} />}
    </Card>
  );
}
