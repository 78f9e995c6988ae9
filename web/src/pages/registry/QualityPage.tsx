import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Progress, Space, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { fetchQualityReport, registryKeys } from '../../api/registry.ts';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { groupByTownship, rulesTotal, type QualityGroupRow } from './qualityModel.ts';
import { ruleName, ruleNationalRef, ruleSeverity } from './ruleNames.ts';
import { SeverityTag } from './SeverityTag.tsx';
import { useRegistryText } from './text.ts';
import { useOrgNames } from './useOrgNames.ts';

const num = { align: 'right' as const, width: 110 };

/** Data-quality counts per village, grouped by township (first 9 code digits), and by rule. */
export default function QualityPage() {
  const { t, language } = useRegistryText();
  const { nameOf } = useOrgNames();
  const query = useQuery({ queryKey: registryKeys.quality, queryFn: fetchQualityReport });
  if (query.isError)
    return (
      <Card title={t('qualityTitle')}>
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      </Card>
    );

  const { groups, total } = groupByTownship(query.data ?? [], nameOf);
  const rules = rulesTotal(query.data ?? []);
  const columns: TableColumnsType<QualityGroupRow> = [
    {
      title: t('orgName'),
      dataIndex: 'orgName',
      render: (name: string, row) =>
        row.level === 'township' ? <Typography.Text strong>{name}</Typography.Text> : name,
    },
    { title: t('householdCount'), dataIndex: 'households', ...num },
    { title: t('withFindings'), dataIndex: 'householdsWithFindings', ...num },
    {
      title: t('errors'),
      dataIndex: 'errors',
      ...num,
      render: (n: number) => (
        <Typography.Text type={n > 0 ? 'danger' : undefined} strong={n > 0}>
          {n}
        </Typography.Text>
      ),
    },
    { title: t('warnings'), dataIndex: 'warnings', ...num },
    {
      title: t('share'),
      key: 'share',
      width: 180,
      render: (_, row) => (
        <Progress
          size="small"
          percent={row.households ? Math.round((row.householdsWithFindings / row.households) * 100) : 0}
          status={row.errors > 0 ? 'exception' : 'normal'}
          format={(percent) => `${percent}%`}
        />
      ),
    },
    {
      title: '',
      key: 'link',
      width: 100,
      render: (_, row) => <Link to={`/registry?orgCode=${row.orgCode}`}>{t('viewHouseholds')}</Link>,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('qualityTitle')}>
        <Alert type="info" showIcon title={t('qualityHint')} style={{ marginBottom: 12 }} />
        <Table<QualityGroupRow>
          data-testid="quality-table"
          // Remount once loaded so a small report (one or a few townships) opens expanded.
          key={query.isPending ? 'loading' : 'loaded'}
          rowKey="orgCode"
          size="middle"
          loading={query.isPending}
          columns={columns}
          dataSource={groups}
          pagination={false}
          expandable={{ defaultExpandAllRows: groups.length <= 3 }}
          locale={{ emptyText: t('noQualityData') }}
          summary={() =>
            groups.length > 0 && (
              <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
                <Table.Summary.Cell index={0}>{t('total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {total.households}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {total.householdsWithFindings}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {total.errors}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {total.warnings}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} colSpan={2} />
              </Table.Summary.Row>
            )
          }
        />
      </Card>
      <Card title={t('byRule')}>
        <Table
          rowKey="rule"
          size="small"
          pagination={false}
          loading={query.isPending}
          dataSource={rules}
          locale={{ emptyText: t('noFindings') }}
          columns={[
            {
              title: '',
              key: 'severity',
              width: 70,
              render: (_, row) => <SeverityTag severity={ruleSeverity(row.rule)} />,
            },
            { title: t('rule'), key: 'rule', render: (_, row) => ruleName(row.rule, language) },
            {
              title: t('nationalRef'),
              key: 'ref',
              width: 130,
              render: (_, row) => ruleNationalRef(row.rule) ?? t('localRule'),
            },
            { title: t('count'), dataIndex: 'count', width: 90, align: 'right' },
          ]}
        />
      </Card>
    </Space>
  );
}
