import { chinaToday } from '#web/components/chinaDay.ts';
import { Button, Card, DatePicker, Form, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { fetchWarnings, isMissingApi, type WarningRowDto } from '#web/api/monitoring.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import '#web/i18n/dayjsLocale.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { ApiPending } from './ApiPending.tsx';
import { evidenceHeadline } from './evidenceHeadline.ts';
import { ExplainDrawer } from './ExplainDrawer.tsx';
import { RISK_CODES, riskLabel, RULE_CODES, ruleName } from './labels.ts';
import { useCommonText } from './text.ts';
import { useWarningsText } from './warningsText.ts';
import { keys } from '#web/api/queryKeys.ts';

const FILTER_KEYS = ['period', 'orgCode', 'ruleCode', 'riskType', 'status'] as const;

export default function WarningsPage() {
  const { language } = useI18n();
  const tx = useWarningsText();
  const tc = useCommonText();
  const { data: actor } = useActor();
  const [explaining, setExplaining] = useState<WarningRowDto | null>(null);
  // Filters, page and sort in the address; without a month the server answers the latest month that was run.
  const list = usePagedList({
    key: keys.monitoring.warnings(),
    filterKeys: FILTER_KEYS,
    fetch: fetchWarnings,
    unit: 'items',
  });
  const { filters, query } = list;
  const period = filters.period ?? query.data?.period ?? undefined;

  const columns: TableColumnsType<WarningRowDto> = [
    {
      title: tc('householdNo'),
      dataIndex: 'householdNo',
      ...list.sortable('householdNo'),
      width: 170,
      render: (no: string) => <span style={{ fontFamily: 'monospace' }}>{no}</span>,
    },
    {
      title: tc('headName'),
      dataIndex: 'headName',
      ...list.sortable('headName'),
      width: 100,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: tx('township'),
      dataIndex: 'townshipName',
      ...list.sortable('township'),
      width: 100,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: tc('village'),
      dataIndex: 'villageName',
      ...list.sortable('village'),
      width: 100,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: tx('rule'),
      dataIndex: 'ruleCode',
      ...list.sortable('rule'),
      width: 190,
      render: (code: string) => ruleName(code, language),
    },
    {
      title: tc('riskType'),
      dataIndex: 'riskType',
      ...list.sortable('riskType'),
      width: 120,
      render: (code: string | null) => riskLabel(code, language),
    },
    {
      title: tx('headline'),
      key: 'headline',
      render: (_, w) => (
        <Typography.Text style={{ fontSize: 13 }}>{evidenceHeadline(w.ruleCode, w.evidence)}</Typography.Text>
      ),
    },
    {
      title: tx('status'),
      dataIndex: 'status',
      ...list.sortable('status'),
      width: 100,
      render: (status: WarningRowDto['status']) =>
        status === 'new' ? <Tag color="red">{tx('statusNew')}</Tag> : <Tag>{tx('statusHandled')}</Tag>,
    },
    {
      title: tx('actions'),
      key: 'actions',
      width: 230,
      fixed: 'right',
      render: (_, w) => (
        <Space size={0} wrap>
          <Button size="small" type="link" onClick={() => setExplaining(w)}>
            {tx('explain')}
          </Button>
          {hasPermission(actor, 'registry:read') && (
            <Link to={`/registry/households/${w.householdId}`}>
              <Button size="small" type="link">
                {tx('openHousehold')}
              </Button>
            </Link>
          )}
          {hasPermission(actor, 'clues:read') && (
            <Link to={`/monitoring/clues?householdId=${w.householdId}`}>
              <Button size="small" type="link">
                {tx('openClues')}
              </Button>
            </Link>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card title={tx('title')}>
      <Typography.Paragraph type="secondary">{tx('intro')}</Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 12, marginBottom: 16 }}>
        <Form.Item label={tc('period')}>
          <DatePicker
            picker="month"
            allowClear={false}
            value={period ? dayjs(period + '-01') : undefined}
            disabledDate={(d) => d.isAfter(chinaToday(), 'month')}
            onChange={(d) => list.setFilter('period', d ? d.format('YYYY-MM') : undefined)}
            data-testid="warnings-month"
          />
        </Form.Item>
        <Form.Item label={tc('area')}>
          <div style={{ width: 220 }}>
            <OrgUnitPicker
              allowedLevels={['county', 'township', 'village']}
              value={filters.orgCode}
              onChange={(code?: string) => list.setFilter('orgCode', code || undefined)}
            />
          </div>
        </Form.Item>
        <Form.Item label={tx('rule')}>
          <Select
            allowClear
            placeholder={tc('any')}
            style={{ width: 200 }}
            value={filters.ruleCode}
            onChange={(v?: string) => list.setFilter('ruleCode', v)}
            options={RULE_CODES.map((code) => ({ value: code, label: ruleName(code, language) }))}
          />
        </Form.Item>
        <Form.Item label={tc('riskType')}>
          <Select
            allowClear
            placeholder={tc('any')}
            style={{ width: 160 }}
            value={filters.riskType}
            onChange={(v?: string) => list.setFilter('riskType', v)}
            options={RISK_CODES.map((code) => ({ value: code, label: riskLabel(code, language) }))}
          />
        </Form.Item>
        <Form.Item label={tx('status')}>
          <Select
            allowClear
            placeholder={tc('any')}
            style={{ width: 120 }}
            value={filters.status}
            onChange={(v?: string) => list.setFilter('status', v)}
            options={[
              { value: 'new', label: tx('statusNew') },
              { value: 'handled', label: tx('statusHandled') },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Button onClick={list.resetFilters}>{tc('reset')}</Button>
        </Form.Item>
      </Form>
      {!filters.period && query.data && (
        <Typography.Paragraph type="secondary" data-testid="warnings-latest">
          {query.data.period ? tx('latestRun').replace('{period}', query.data.period) : tx('noRunYet')}
        </Typography.Paragraph>
      )}
      {isMissingApi(query.error) ? (
        <ApiPending />
      ) : query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<WarningRowDto>
          rowKey="id"
          size="middle"
          columns={columns}
          {...list.tableProps}
          locale={{ emptyText: tx('empty') }}
          scroll={{ x: 1300 }}
        />
      )}
      <ExplainDrawer
        householdId={explaining?.householdId ?? null}
        period={explaining?.period ?? period ?? ''}
        village={explaining?.villageName}
        onClose={() => setExplaining(null)}
      />
    </Card>
  );
}
