import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { PETITION_EVENT_KINDS, PETITION_SOURCES, zhOf } from '#common/domain/petitions/codes.ts';
import { fetchPetitions, petitionKeys, type PetitionPage } from '#web/api/petitions.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { usePetitionText } from './text.ts';

type Row = PetitionPage['items'][number];

/** 涉贫舆情信访 on the household page: the items that concern the household (shown only when there are some). */
export function PetitionsHouseholdSection({ householdId }: { householdId: number }) {
  const t = usePetitionText();
  const { data: actor } = useActor();
  const canRead = hasPermission(actor, 'clues:read');
  const query = useQuery({
    queryKey: [...petitionKeys.list(), 'household', householdId],
    queryFn: () => fetchPetitions({ householdId, page: 1, pageSize: 50, sort: 'receivedOn', order: 'desc' }),
    enabled: canRead,
  });
  if (!canRead || !query.data || query.data.total === 0) return null;
  return (
    <Card title={t('sectionTitle')} data-testid="petitions-section">
      <Table<Row>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={query.data.items}
        scroll={{ x: 520 }}
        columns={[
          {
            title: t('eventTitle'),
            dataIndex: 'title',
            width: 200,
            fixed: 'left',
            render: (v: string) => <Link to={`/petitions?q=${encodeURIComponent(v)}`}>{v}</Link>,
          },
          {
            title: t('kind'),
            key: 'kind',
            width: 130,
            render: (_, r) => `${zhOf(PETITION_EVENT_KINDS, r.kind)} · ${zhOf(PETITION_SOURCES, r.source)}`,
          },
          { title: t('receivedOn'), dataIndex: 'receivedOn', width: 110 },
          {
            title: t('status'),
            key: 'status',
            width: 100,
            render: (_, r) =>
              r.closedOn ? (
                <Tag>{t('statusClosed')}</Tag>
              ) : r.overdue ? (
                <Tag color="red">{t('statusOverdue')}</Tag>
              ) : (
                <Tag color="blue">{t('statusOpen')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
