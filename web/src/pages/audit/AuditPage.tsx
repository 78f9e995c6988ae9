import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { auditKeys, fetchAuditPage, type AuditFilters, type AuditRow } from '../../api/audit.ts';
import { formatDateTime } from '../../components/format.ts';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { scopeLabel } from '../monitoring/labels.ts';
import { AuditChanges } from './AuditChanges.tsx';
import { AuditFilterBar } from './AuditFilterBar.tsx';
import { auditActionText, auditObjectText, auditRecordPath } from './auditLabels.ts';

const PAGE_SIZE = 50;
const hasSnapshot = (row: AuditRow) => row.before != null || row.after != null;

export default function AuditPage() {
  const { t, language } = useI18n();
  const [filters, setFilters] = useState<AuditFilters>({});

  // Newest first; "load more" asks for entries older than the last id shown (keyset, not OFFSET).
  const auditQuery = useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam }) => fetchAuditPage(filters, pageParam, PAGE_SIZE),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  const rows = auditQuery.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<AuditRow> = [
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: formatDateTime },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 180,
      // Entries without an actor were written by the system itself (seeding, scheduled runs).
      render: (_, row) => (row.actorId === null ? t('audit.system') : (row.actorName ?? `#${row.actorId}`)),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 150,
      render: (action: string) => <span title={action}>{auditActionText(action, language)}</span>,
    },
    {
      title: t('audit.object'),
      key: 'entity',
      render: (_, row) => {
        const text = auditObjectText(row.entity, row.entityId, language);
        const path = auditRecordPath(row.entity, row.entityId);
        return <span title={`${row.entity} ${row.entityId ?? ''}`}>{path ? <Link to={path}>{text}</Link> : text}</span>;
      },
    },
    {
      title: t('audit.org'),
      key: 'org',
      width: 140,
      // The unit's name; national and provincial scope codes have none.
      render: (_, row) =>
        row.orgCode === null ? (
          '—'
        ) : (
          <span title={row.orgCode}>{row.orgName ?? scopeLabel(row.orgCode, language)}</span>
        ),
    },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      width: 120,
      render: (id: string | null) =>
        id ? (
          <Typography.Text type="secondary" copyable={{ text: id }} style={{ fontSize: 12 }} data-latin-ok="">
            {id.slice(0, 8)}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Card title={t('audit.title')}>
      <div style={{ marginBottom: 16 }}>
        <AuditFilterBar onChange={setFilters} />
      </div>
      {auditQuery.isError ? (
        <QueryErrorResult error={auditQuery.error} onRetry={() => auditQuery.refetch()} />
      ) : (
        <Table<AuditRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={auditQuery.isPending}
          pagination={false}
          expandable={{ expandedRowRender: (row) => <AuditChanges row={row} />, rowExpandable: hasSnapshot }}
        />
      )}
      <Flex justify="center" style={{ marginTop: 12 }}>
        {auditQuery.hasNextPage ? (
          <Button onClick={() => auditQuery.fetchNextPage()} loading={auditQuery.isFetchingNextPage}>
            {t('audit.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('audit.noMore')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
