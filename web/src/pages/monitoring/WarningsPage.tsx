import { useInfiniteQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  fetchWarnings,
  isMissingApi,
  monitoringKeys,
  type WarningFilters,
  type WarningRowDto,
} from '../../api/monitoring.ts';
import { periodOfDate } from '../../api/params.ts';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import '../../i18n/dayjsLocale.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { ApiPending } from './ApiPending.tsx';
import { evidenceHeadline } from './evidenceHeadline.ts';
import { ExplainDrawer } from './ExplainDrawer.tsx';
import { RISK_CODES, riskLabel, RULE_CODES, ruleName } from './labels.ts';
import { useCommonText } from './text.ts';
import { useWarningsText } from './warningsText.ts';

interface FilterValues {
  month: Dayjs;
  orgCode?: string;
  ruleCode?: string;
  riskType?: string;
}

const toFilters = (v: FilterValues): WarningFilters => ({
  period: v.month.format('YYYY-MM'),
  orgCode: v.orgCode || undefined,
  ruleCode: v.ruleCode || undefined,
  riskType: v.riskType || undefined,
});

export default function WarningsPage() {
  const { language } = useI18n();
  const tx = useWarningsText();
  const tc = useCommonText();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<WarningFilters>({
    period: periodOfDate(),
  });
  const [explaining, setExplaining] = useState<WarningRowDto | null>(null);

  const query = useInfiniteQuery({
    queryKey: monitoringKeys.warnings(filters),
    queryFn: ({ pageParam }) => fetchWarnings(filters, pageParam),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextAfterId ?? undefined,
  });
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<WarningRowDto> = [
    {
      title: tc('householdNo'),
      dataIndex: 'householdNo',
      width: 170,
      render: (no: string) => <span style={{ fontFamily: 'monospace' }}>{no}</span>,
    },
    {
      title: tc('headName'),
      dataIndex: 'headName',
      width: 90,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: tc('village'),
      dataIndex: 'villageName',
      width: 100,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: tx('rule'),
      dataIndex: 'ruleCode',
      width: 190,
      render: (code: string) => ruleName(code, language),
    },
    {
      title: tc('riskType'),
      dataIndex: 'riskType',
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
      width: 90,
      render: (status: WarningRowDto['status']) =>
        status === 'new' ? <Tag color="red">{tx('statusNew')}</Tag> : <Tag>{tx('statusHandled')}</Tag>,
    },
    {
      title: tx('actions'),
      key: 'actions',
      width: 90,
      render: (_, w) => (
        <Button size="small" type="link" onClick={() => setExplaining(w)}>
          {tx('explain')}
        </Button>
      ),
    },
  ];

  return (
    <Card title={tx('title')}>
      <Typography.Paragraph type="secondary">{tx('intro')}</Typography.Paragraph>
      <Form<FilterValues>
        form={form}
        layout="inline"
        initialValues={{ month: dayjs() }}
        onFinish={(v) => setFilters(toFilters(v))}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        <Form.Item name="month" label={tc('period')}>
          <DatePicker picker="month" allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
        </Form.Item>
        <Form.Item label={tc('area')}>
          <div style={{ width: 220 }}>
            <Form.Item name="orgCode" noStyle>
              <OrgUnitPicker allowedLevels={['county', 'township', 'village']} />
            </Form.Item>
          </div>
        </Form.Item>
        <Form.Item name="ruleCode" label={tx('rule')}>
          <Select
            allowClear
            placeholder={tc('any')}
            style={{ width: 200 }}
            options={RULE_CODES.map((code) => ({
              value: code,
              label: ruleName(code, language),
            }))}
          />
        </Form.Item>
        <Form.Item name="riskType" label={tc('riskType')}>
          <Select
            allowClear
            placeholder={tc('any')}
            style={{ width: 160 }}
            options={RISK_CODES.map((code) => ({
              value: code,
              label: riskLabel(code, language),
            }))}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {tc('search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({ period: periodOfDate() });
              }}
            >
              {tc('reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {isMissingApi(query.error) ? (
        <ApiPending />
      ) : query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<WarningRowDto>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={query.isPending}
          pagination={false}
          locale={{ emptyText: tx('empty') }}
          scroll={{ x: 1000 }}
        />
      )}
      <Flex justify="center" style={{ marginTop: 12 }}>
        {query.hasNextPage ? (
          <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {tc('loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{tc('noMore')}</Typography.Text>
        )}
      </Flex>
      <ExplainDrawer
        householdId={explaining?.householdId ?? null}
        period={filters.period}
        village={explaining?.villageName}
        onClose={() => setExplaining(null)}
      />
    </Card>
  );
}
