import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Progress, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { listExportUrl } from '#web/api/monitoring.ts';
import {
  fetchQualityPage,
  fetchQualityReport,
  QUALITY_EXPORT_PATH,
  QUALITY_FILTER_KEYS,
  registryKeys,
  type QualityReportRow,
} from '#web/api/registry.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { groupByTownship, rulesTotal } from './qualityModel.ts';
import { RegistryOrgFilter } from './RegistryOrgFilter.tsx';
import { ruleName, ruleNationalRef, ruleSeverity } from './ruleNames.ts';
import { SeverityTag } from './SeverityTag.tsx';
import { useRegistryText } from './text.ts';
import { useOrgNames } from './useOrgNames.ts';

const num = { align: 'right' as const, width: 110 };

/**
 * Data-quality counts per village (paged, sorted, filtered by 乡镇/村 in the address, exported as
 * filtered), the county's totals, and the findings by rule with the households behind each rule.
 */
export default function QualityPage() {
  const { t, label, language } = useRegistryText();
  const { nameOf } = useOrgNames();
  const list = usePagedList({
    key: [...registryKeys.quality, 'page'],
    filterKeys: QUALITY_FILTER_KEYS,
    fetch: fetchQualityPage,
    unit: 'items',
  });
  // The whole report for the totals and the by-rule table.
  const report = useQuery({ queryKey: registryKeys.quality, queryFn: fetchQualityReport });
  const query = list.query;
  if (query.isError || report.isError)
    return (
      <Card title={t('qualityTitle')}>
        <QueryErrorResult
          error={query.error ?? report.error}
          onRetry={() => {
            void query.refetch();
            void report.refetch();
          }}
        />
      </Card>
    );

  const { total } = groupByTownship(report.data ?? [], nameOf);
  const rules = rulesTotal(report.data ?? []);
  const township = (code: string) => nameOf(`${code.slice(0, 9)}000`);
  const columns: TableColumnsType<QualityReportRow> = [
    {
      title: label({ zh: '乡镇', en: 'Township' }),
      key: 'township',
      width: 110,
      render: (_, row) => township(row.orgCode),
    },
    { title: t('orgName'), dataIndex: 'orgName', ...list.sortable('orgName'), width: 130 },
    { title: t('householdCount'), dataIndex: 'households', ...list.sortable('households'), ...num },
    {
      title: t('withFindings'),
      dataIndex: 'householdsWithFindings',
      ...list.sortable('householdsWithFindings'),
      ...num,
    },
    {
      title: t('errors'),
      dataIndex: 'errors',
      ...list.sortable('errors'),
      ...num,
      render: (n: number) => (
        <Typography.Text type={n > 0 ? 'danger' : undefined} strong={n > 0}>
          {n}
        </Typography.Text>
      ),
    },
    { title: t('warnings'), dataIndex: 'warnings', ...list.sortable('warnings'), ...num },
    {
      title: t('share'),
      key: 'share',
      width: 160,
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
      <Card
        title={t('qualityTitle')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={listExportUrl(QUALITY_EXPORT_PATH, list.filters, list.request)}
            data-testid="quality-export"
          >
            {label({ zh: '导出 Excel', en: 'Export .xlsx' })}
          </Button>
        }
      >
        <Alert type="info" showIcon title={t('qualityHint')} style={{ marginBottom: 12 }} />
        <Form layout="inline" style={{ rowGap: 12, marginBottom: 12 }}>
          <Form.Item label={t('orgFilter')}>
            <RegistryOrgFilter
              value={list.filters.orgCode}
              onChange={(code) => list.setFilter('orgCode', code)}
              style={{ width: 220 }}
            />
          </Form.Item>
          <Form.Item label={label({ zh: '问题', en: 'Findings' })}>
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={label({ zh: '全部村', en: 'All villages' })}
              value={list.filters.withFindings}
              onChange={(v?: string) => list.setFilter('withFindings', v)}
              options={[
                { value: 'true', label: label({ zh: '有问题的村', en: 'With findings' }) },
                { value: 'false', label: label({ zh: '无问题的村', en: 'Without findings' }) },
              ]}
            />
          </Form.Item>
        </Form>
        <Table<QualityReportRow>
          data-testid="quality-table"
          rowKey="orgCode"
          size="middle"
          columns={columns}
          {...list.tableProps}
          scroll={{ x: 920 }}
          locale={{ emptyText: t('noQualityData') }}
          summary={() =>
            (report.data?.length ?? 0) > 0 && (
              <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
                <Table.Summary.Cell index={0} colSpan={2}>
                  {t('total')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {total.households}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {total.householdsWithFindings}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {total.errors}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {total.warnings}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} colSpan={2} />
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
          loading={report.isPending}
          dataSource={rules}
          locale={{ emptyText: t('noFindings') }}
          scroll={{ x: 600 }}
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
            {
              title: t('count'),
              dataIndex: 'count',
              width: 90,
              align: 'right',
              render: (n: number, row) =>
                n > 0 ? (
                  <Link to={`/registry/quality/rule?rule=${row.rule}`} data-testid={`quality-rule-${row.rule}`}>
                    {n}
                  </Link>
                ) : (
                  n
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
