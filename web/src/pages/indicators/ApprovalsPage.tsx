import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Select, Space, Statistic, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { fetchApprovals, fetchDefinitions, type ApprovalRow } from '#web/api/indicators.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { APPROVAL_LABELS, currentMonth, useL } from './shared.tsx';
import { keys } from '#web/api/queryKeys.ts';

/** /indicators/approvals — 审核: where each unit of the scope stands (村填报 → 乡镇审核 → 县审定). */
export default function ApprovalsPage() {
  const l = useL();
  const defs = useQuery({ queryKey: keys.indicators.definitions, queryFn: fetchDefinitions });
  // The workbench links here with ?dataSet=&period= (YYYY-MM or YYYY): the board's starting choice.
  const [search] = useSearchParams();
  const [dataSet, setDataSet] = useState(search.get('dataSet') ?? 'VILLAGE_LIVING');
  const ds = defs.data?.dataSets.find((d) => d.code === dataSet);
  const linked = search.get('period');
  const [month, setMonth] = useState(
    linked && /^\d{4}-\d{2}$/.test(linked)
      ? linked
      : linked && /^\d{4}$/.test(linked)
        ? `${linked}-12`
        : currentMonth(),
  );
  const period = ds?.periodType === 'yearly' ? month.slice(0, 4) : month;
  const q = useQuery({
    queryKey: keys.indicators.approvals(dataSet, period),
    queryFn: () => fetchApprovals({ dataSet, period }),
    enabled: !!ds,
  });
  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const rows = q.data ?? [];
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={l('上报与审核', 'Submissions and approvals')}>
        <Space wrap>
          <Select
            style={{ width: 280 }}
            value={dataSet}
            onChange={setDataSet}
            options={defs.data?.dataSets.map((d) => ({ value: d.code, label: d.nameZh }))}
          />
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
        </Space>
        <Space size="large" style={{ marginTop: 16 }}>
          {Object.entries(APPROVAL_LABELS).map(([k, v]) => (
            <Statistic key={k} title={l(v.zh, v.en)} value={count(k)} />
          ))}
        </Space>
      </Card>
      <Card>
        <Table<ApprovalRow>
          rowKey="orgCode"
          size="small"
          loading={q.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 30 }}
          columns={[
            {
              title: l('单位', 'Unit'),
              dataIndex: 'orgName',
              render: (v: string, r) => (
                <Link to={`/indicators/entry?dataSet=${dataSet}&period=${period}&org=${r.orgCode}`}>{v}</Link>
              ),
            },
            { title: l('代码', 'Code'), dataIndex: 'orgCode' },
            {
              title: l('已填项数', 'Values'),
              dataIndex: 'values',
              render: (v: number) => `${v} / ${ds?.elements.length ?? ''}`,
            },
            {
              title: l('状态', 'Status'),
              dataIndex: 'status',
              filters: Object.entries(APPROVAL_LABELS).map(([k, v]) => ({ text: v.zh, value: k })),
              onFilter: (v, r) => r.status === v,
              render: (s: string) => (
                <Tag color={APPROVAL_LABELS[s].color}>{l(APPROVAL_LABELS[s].zh, APPROVAL_LABELS[s].en)}</Tag>
              ),
            },
            {
              title: l('更新时间', 'Updated'),
              dataIndex: 'updatedAt',
              render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—'),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
