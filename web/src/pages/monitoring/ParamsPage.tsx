import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { fetchParams, fetchResolvedParams, periodOfDate, type ParamRow, type ParamVersion } from '#web/api/params.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { formatDateTime } from '#web/components/format.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { paramSourceText } from '#common/domain/params/source-text.ts';
import { useI18n, pickIn } from '#web/i18n/useI18n.ts';
import { scopeLabel } from './labels.ts';
import { formatParamValue } from './paramFormat.ts';
import { useParamsText } from './paramsText.ts';
import { ParamVersionModal } from './ParamVersionModal.tsx';
import { fill } from './text.ts';
import { keys } from '#web/api/queryKeys.ts';

function VersionTable({ param }: { param: ParamRow }) {
  const { language } = useI18n();
  const tx = useParamsText();
  const columns: TableColumnsType<ParamVersion> = [
    {
      title: tx('scope'),
      dataIndex: 'scopeCode',
      width: 100,
      render: (code: string) => scopeLabel(code, language),
    },
    ...(param.yearly ? [{ title: tx('year'), dataIndex: 'year', width: 70 }] : []),
    { title: tx('effectiveFrom'), dataIndex: 'effectiveFrom', width: 110 },
    {
      title: tx('versionValue'),
      dataIndex: 'value',
      width: 130,
      render: (value: unknown) => formatParamValue(value, param.unit, language),
    },
    {
      title: tx('source'),
      dataIndex: 'source',
      render: (_: string, v) => {
        const source = paramSourceText(param.key, v, language);
        return v.note ? `${source}；${v.note}` : source;
      },
    },
    { title: tx('createdBy'), dataIndex: 'createdBy', width: 150 },
    {
      title: tx('createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: formatDateTime,
    },
  ];
  // Newest first: the version most likely asked about is the latest.
  const rows = [...param.versions].sort((a, b) =>
    a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : b.id - a.id,
  );
  return <Table<ParamVersion> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} />;
}

export default function ParamsPage() {
  const { language } = useI18n();
  const tx = useParamsText();
  const { data: actor } = useActor();
  const canManage = hasPermission(actor, 'params:manage');
  const period = periodOfDate();
  const listQuery = useQuery({
    queryKey: keys.params.list(),
    queryFn: fetchParams,
  });
  const resolvedQuery = useQuery({
    queryKey: keys.params.resolved(period),
    queryFn: () => fetchResolvedParams(period),
  });
  const resolved = resolvedQuery.data ?? {};
  const [editing, setEditing] = useState<ParamRow | null>(null);

  const columns: TableColumnsType<ParamRow> = [
    {
      title: tx('param'),
      key: 'label',
      render: (_, p) => (
        // The key (for `guardline params set`) is English: shown in English mode, a tooltip in Chinese mode.
        <Space orientation="vertical" size={0}>
          <span title={p.key}>{pickIn(language, p.labelZh, p.labelEn)}</span>
          {language === 'en' && (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
              {p.key}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: fill(tx('inForce'), { period }),
      key: 'value',
      width: 150,
      render: (_, p) => {
        const r = resolved[p.key];
        if (!r) return <Tag color="red">{tx('notSet')}</Tag>;
        return (
          <Space orientation="vertical" size={0}>
            <Typography.Text strong data-testid={`param-value-${p.key}`}>
              {formatParamValue(r.value, p.unit, language)}
            </Typography.Text>
            {r.fallbackFromYear !== undefined && (
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {fill(tx('fallback'), { year: r.fallbackFromYear })}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      title: tx('scope'),
      key: 'scope',
      width: 120,
      render: (_, p) => {
        const r = resolved[p.key];
        return r ? (
          <Space orientation="vertical" size={0}>
            <span>{scopeLabel(r.scopeCode, language)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.effectiveFrom}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        );
      },
    },
    {
      title: tx('source'),
      key: 'source',
      render: (_, p) => (
        <Typography.Paragraph style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 2, expandable: 'collapsible' }}>
          {resolved[p.key] ? paramSourceText(p.key, resolved[p.key], language) : '—'}
        </Typography.Paragraph>
      ),
    },
    ...(canManage
      ? [
          {
            title: tx('actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, p: ParamRow) => (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(p)}>
                {tx('addVersion')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const error = listQuery.error ?? resolvedQuery.error;
  return (
    <Card title={tx('title')}>
      <Typography.Paragraph type="secondary">{tx('intro')}</Typography.Paragraph>
      {!canManage && <Alert type="info" showIcon title={tx('readOnly')} style={{ marginBottom: 12 }} />}
      {error ? (
        <QueryErrorResult
          error={error}
          onRetry={() => void Promise.all([listQuery.refetch(), resolvedQuery.refetch()])}
        />
      ) : (
        <Table<ParamRow>
          rowKey="key"
          size="middle"
          columns={columns}
          dataSource={listQuery.data ?? []}
          loading={listQuery.isPending || resolvedQuery.isPending}
          pagination={false}
          expandable={{
            expandedRowRender: (p) => <VersionTable param={p} />,
            columnTitle: '',
            columnWidth: 130,
            expandIconColumnIndex: columns.length,
            expandIcon: ({ expanded, onExpand, record }) => (
              <Button size="small" type="link" onClick={(e) => onExpand(record, e)} style={{ padding: 0 }}>
                {expanded ? '▾' : '▸'} {fill(tx('history'), { n: record.versions.length })}
              </Button>
            ),
          }}
        />
      )}
      <ParamVersionModal
        param={editing}
        inForce={editing ? resolved[editing.key] : undefined}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
