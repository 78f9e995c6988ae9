import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { AUDIT_FILTER_KEYS, auditExportUrl, auditKeys, fetchAuditList, type AuditRow } from '#web/api/audit.ts';
import { formatDateTime } from '#web/components/format.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { scopeLabel } from '../monitoring/labels.ts';
import { AuditChanges } from './AuditChanges.tsx';
import { AuditFilterBar } from './AuditFilterBar.tsx';
import { auditActionText, auditObjectText, auditRecordPath } from './auditLabels.ts';

const hasSnapshot = (row: AuditRow) => row.before != null || row.after != null;

export default function AuditPage() {
  const { t, label, language } = useI18n();
  // Filters, page and sort in the address; newest first unless a column is sorted.
  const list = usePagedList({
    key: auditKeys.list({}),
    filterKeys: AUDIT_FILTER_KEYS,
    fetch: fetchAuditList,
    unit: 'items',
    defaultPageSize: 50,
  });
  const { query } = list;

  const columns: TableColumnsType<AuditRow> = [
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: formatDateTime, ...list.sortable('at') },
    {
      title: t('audit.actor'),
      ...list.sortable('actor'),
      width: 180,
      // Entries without an actor were written by the system itself (seeding, scheduled runs).
      render: (_, row) => (row.actorId === null ? t('audit.system') : (row.actorName ?? `#${row.actorId}`)),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      ...list.sortable('action'),
      width: 150,
      render: (action: string) => <span title={action}>{auditActionText(action, language)}</span>,
    },
    {
      title: t('audit.object'),
      ...list.sortable('entity'),
      render: (_, row) => {
        const text = auditObjectText(row.entity, row.entityId, language);
        const path = auditRecordPath(row.entity, row.entityId);
        return <span title={`${row.entity} ${row.entityId ?? ''}`}>{path ? <Link to={path}>{text}</Link> : text}</span>;
      },
    },
    {
      title: label({ zh: '单位', en: 'Unit' }),
      ...list.sortable('org'),
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
    <Card
      title={t('audit.title')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          href={auditExportUrl(list.filters, list.request.sort, list.request.order)}
          data-testid="audit-export"
        >
          {label({ zh: '导出 Excel', en: 'Export .xlsx' })}
        </Button>
      }
    >
      <Flex style={{ marginBottom: 16 }}>
        <AuditFilterBar filters={list.filters} onChange={list.setFilters} onReset={list.resetFilters} />
      </Flex>
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<AuditRow>
          rowKey="id"
          size="middle"
          columns={columns}
          {...list.tableProps}
          scroll={{ x: 900 }}
          expandable={{ expandedRowRender: (row) => <AuditChanges row={row} />, rowExpandable: hasSnapshot }}
        />
      )}
    </Card>
  );
}
