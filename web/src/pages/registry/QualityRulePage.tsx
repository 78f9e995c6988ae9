import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { listExportUrl } from '#web/api/monitoring.ts';
import {
  fetchQualityHouseholds,
  QUALITY_HOUSEHOLDS_EXPORT_PATH,
  registryKeys,
  type QualityHouseholdRow,
} from '#web/api/registry.ts';
import { LedgerList } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { RegistryOrgFilter } from './RegistryOrgFilter.tsx';
import { SeverityTag } from './SeverityTag.tsx';
import { ruleName, ruleSeverity } from './ruleNames.ts';
import { useRegistryText } from './text.ts';

const FILTER_KEYS = ['rule', 'orgCode'] as const;

/** /registry/quality/rule?rule=… — the households behind one data-quality rule (paged, sorted, exported). */
export default function QualityRulePage() {
  const { t, label, language } = useRegistryText();
  const list = usePagedList({
    key: [...registryKeys.quality, 'households'],
    filterKeys: FILTER_KEYS,
    fetch: fetchQualityHouseholds,
    unit: 'households',
  });
  const rule = list.filters.rule;
  const columns: TableColumnsType<QualityHouseholdRow> = [
    {
      title: t('householdNo'),
      dataIndex: 'householdNo',
      ...list.sortable('householdNo'),
      width: 180,
      render: (no: string, row) => (
        <Link to={`/registry/households/${row.householdId}`} style={{ fontFamily: 'monospace' }}>
          {no}
        </Link>
      ),
    },
    { title: label({ zh: '村', en: 'Village' }), dataIndex: 'villageName', ...list.sortable('village'), width: 120 },
    { title: t('count'), dataIndex: 'findings', ...list.sortable('findings'), width: 90, align: 'right' },
    {
      title: label({ zh: '问题说明', en: 'Findings' }),
      key: 'messages',
      render: (_, row) => (language === 'en' ? row.messagesEn : row.messagesZh).join('；'),
    },
  ];
  return (
    <Card
      title={
        <span>
          {rule && <SeverityTag severity={ruleSeverity(rule)} />} {rule ? ruleName(rule, language) : t('qualityTitle')}
        </span>
      }
      extra={
        <Button
          icon={<DownloadOutlined />}
          href={listExportUrl(QUALITY_HOUSEHOLDS_EXPORT_PATH, list.filters, list.request)}
          disabled={!rule}
          data-testid="quality-rule-export"
        >
          {label({ zh: '导出 Excel', en: 'Export .xlsx' })}
        </Button>
      }
    >
      <Typography.Paragraph>
        <Link to="/registry/quality">{label({ zh: '返回数据质量', en: 'Back to data quality' })}</Link>
      </Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 12, marginBottom: 12 }}>
        <Form.Item label={t('orgFilter')}>
          <RegistryOrgFilter
            value={list.filters.orgCode}
            onChange={(code) => list.setFilter('orgCode', code)}
            style={{ width: 220 }}
          />
        </Form.Item>
      </Form>
      <LedgerList list={list} rowKey="householdId" columns={columns} scrollX={700} emptyText={t('noFindings')} />
    </Card>
  );
}
