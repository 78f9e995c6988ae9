import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { HOUSEHOLD_KINDS } from '#common/domain/registry/codes.ts';
import { searchHouseholds, type HouseholdFilters, type HouseholdListRow } from '#web/api/registry.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { codeLabel, codeOptions, MONITORING_STATUSES } from './labels.ts';
import { MonitoringTag } from './MonitoringTag.tsx';
import { RegistryOrgFilter } from './RegistryOrgFilter.tsx';
import { useRegistryText } from './text.ts';
import { keys } from '#web/api/queryKeys.ts';

const FILTER_KEYS = ['q', 'orgCode', 'kind', 'monitoringStatus', 'monitoredMonths'] as const;
const mono = { fontFamily: 'monospace' } as const;
const ID_NUMBER = /^\d{17}[\dXx]$/;

export default function RegistrySearchPage() {
  const { t } = useRegistryText();
  const navigate = useNavigate();
  const { data: actor } = useActor();
  // Filters, page and sort live in the address, so "back" from a household returns to the same page.
  // A full ID number is searched but never put in the address bar (browser history, bookmarks).
  const [idQuery, setIdQuery] = useState<string>();
  const list = usePagedList({
    key: keys.registry.searchBy(idQuery),
    filterKeys: FILTER_KEYS,
    fetch: (f, page) => searchHouseholds({ ...(f as HouseholdFilters), q: idQuery ?? f.q }, page),
    unit: 'households',
  });
  const { query, setFilter } = list;
  const filters: HouseholdFilters = { ...(list.filters as HouseholdFilters), q: idQuery ?? list.filters.q };

  const columns: TableColumnsType<HouseholdListRow> = [
    {
      title: t('householdNo'),
      dataIndex: 'householdNo',
      ...list.sortable('householdNo'),
      width: 160,
      render: (no: string) => <span style={mono}>{no}</span>,
    },
    {
      title: t('head'),
      dataIndex: 'headName',
      ...list.sortable('headName'),
      width: 90,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('headId'),
      dataIndex: 'headIdMasked',
      width: 170,
      render: (id: string | null) => (
        <span style={mono} data-testid="head-id-masked">
          {id ?? '—'}
        </span>
      ),
    },
    { title: t('township'), dataIndex: 'townshipName', ...list.sortable('township'), width: 90 },
    {
      title: t('village'),
      dataIndex: 'villageName',
      ...list.sortable('village'),
      width: 90,
      render: (name: string) => <span data-testid="row-village">{name}</span>,
    },
    { title: t('size'), dataIndex: 'size', ...list.sortable('size'), width: 70, align: 'right' },
    {
      title: t('kind'),
      dataIndex: 'kind',
      ...list.sortable('kind'),
      width: 100,
      render: (kind: string) => codeLabel(HOUSEHOLD_KINDS, kind),
    },
    {
      title: t('monitoring'),
      key: 'monitoring',
      width: 180,
      render: (_, row) => <MonitoringTag status={row.monitoringStatus} type={row.monitoringType} />,
    },
    {
      title: t('phone'),
      dataIndex: 'phoneMasked',
      width: 120,
      render: (phone: string | null) => <span style={mono}>{phone ?? '—'}</span>,
    },
  ];

  return (
    <Card
      title={t('search')}
      extra={
        hasPermission(actor, 'registry:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/registry/new')}>
            {t('newHousehold')}
          </Button>
        )
      }
    >
      <Space wrap size={[8, 8]} style={{ marginBottom: 4 }}>
        <Input.Search
          key={filters.q ?? ''}
          defaultValue={filters.q}
          allowClear
          enterButton={t('searchButton')}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchPlaceholder')}
          style={{ width: 320 }}
          onSearch={(value) => {
            const text = value.trim();
            const isId = ID_NUMBER.test(text);
            setIdQuery(isId ? text : undefined);
            setFilter('q', isId ? undefined : text || undefined);
          }}
        />
        <RegistryOrgFilter
          value={filters.orgCode}
          onChange={(code) => setFilter('orgCode', code)}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          placeholder={t('anyKind')}
          style={{ width: 140 }}
          value={filters.kind}
          options={codeOptions(HOUSEHOLD_KINDS)}
          onChange={(kind?: string) => setFilter('kind', kind)}
        />
        <Select
          allowClear
          placeholder={t('anyStatus')}
          style={{ width: 150 }}
          value={filters.monitoringStatus}
          options={codeOptions(MONITORING_STATUSES)}
          onChange={(status?: string) => setFilter('monitoringStatus', status)}
        />
        {filters.monitoredMonths ? (
          <Tag
            closable
            color="blue"
            onClose={() => setFilter('monitoredMonths', undefined)}
            data-testid="monitored-months"
          >
            {t('monitoredMonthsFilter', { n: filters.monitoredMonths })}
          </Tag>
        ) : null}
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 12px' }}>
        {t('searchHint')}
      </Typography.Paragraph>
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<HouseholdListRow>
          rowKey="id"
          size="middle"
          columns={columns}
          {...list.tableProps}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: query.isPending ? ' ' : t('empty') }}
          onRow={(row) => ({
            onClick: () => navigate(`/registry/households/${row.id}`),
            style: { cursor: 'pointer' },
          })}
        />
      )}
    </Card>
  );
}
