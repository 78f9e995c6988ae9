import { FileAddOutlined, SoundOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { fetchClues, monitoringKeys, type ClueRow, type CluePageFilters } from '../../api/monitoring.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { ApplicationModal } from './ApplicationModal.tsx';
import { ClueAgeTag, useIdentificationDays } from './ClueAgeTag.tsx';
import { ClueChannelTags } from './ClueChannelTags.tsx';
import { ClueDrawer } from './ClueDrawer.tsx';
import { ClueFilterBar, DEFAULT_CLUE_FILTERS } from './ClueFilterBar.tsx';
import { useCluesText } from './cluesText.ts';
import { riskLabel } from './labels.ts';
import { PetitionModal } from './PetitionModal.tsx';
import { useCommonText } from './text.ts';

const PAGE_SIZE = 50;

export default function CluesPage() {
  const { language } = useI18n();
  const tx = useCluesText();
  const tc = useCommonText();
  const { data: actor } = useActor();
  const canWrite = hasPermission(actor, 'clues:write');
  const limit = useIdentificationDays();
  const [filters, setFilters] = useState<CluePageFilters>(DEFAULT_CLUE_FILTERS);
  const [openId, setOpenId] = useState<number | null>(null);
  const [modal, setModal] = useState<'application' | 'petition' | null>(null);

  const cluesQuery = useInfiniteQuery({
    queryKey: monitoringKeys.clues(filters),
    queryFn: ({ pageParam }) => fetchClues(filters, pageParam, PAGE_SIZE),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextAfterId ?? undefined,
  });
  const rows = cluesQuery.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<ClueRow> = [
    {
      title: tc('householdNo'),
      dataIndex: 'householdNo',
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
    { title: tc('village'), dataIndex: 'villageName', width: 100 },
    {
      title: tc('riskType'),
      dataIndex: 'riskType',
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
      width: 90,
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
            <Button icon={<SoundOutlined />} onClick={() => setModal('petition')}>
              {tx('recordPetition')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">{tx('intro')}</Typography.Paragraph>
      <div style={{ marginBottom: 16 }}>
        <ClueFilterBar onChange={setFilters} />
      </div>
      {cluesQuery.isError ? (
        <QueryErrorResult error={cluesQuery.error} onRetry={() => cluesQuery.refetch()} />
      ) : (
        <Table<ClueRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={cluesQuery.isPending}
          pagination={false}
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
      <Flex justify="center" style={{ marginTop: 12 }}>
        {cluesQuery.hasNextPage ? (
          <Button onClick={() => cluesQuery.fetchNextPage()} loading={cluesQuery.isFetchingNextPage}>
            {tc('loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{tc('noMore')}</Typography.Text>
        )}
      </Flex>
      <ClueDrawer clueId={openId} limit={limit} onClose={() => setOpenId(null)} />
      {canWrite && <ApplicationModal open={modal === 'application'} onClose={() => setModal(null)} />}
      {canWrite && <PetitionModal open={modal === 'petition'} onClose={() => setModal(null)} />}
    </Card>
  );
}
