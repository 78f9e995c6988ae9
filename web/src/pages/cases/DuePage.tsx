import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { fetchDue, type DueGroup } from '#web/api/cases.ts';
import { QueryState } from '#web/components/states.tsx';
import { caseStageName } from '#web/i18n/workflowNames.ts';
import { useCasesText } from './text.ts';
import { keys } from '#web/api/queryKeys.ts';

export default function DuePage() {
  const q = useQuery({ queryKey: keys.cases.due(), queryFn: () => fetchDue() });
  return <QueryState query={q}>{(d) => <DueView d={d} />}</QueryState>;
}

function DueView({ d }: { d: Awaited<ReturnType<typeof fetchDue>> }) {
  const t = useCasesText();
  return (
    <Card title={t('dueTitle')}>
      <Typography.Paragraph type="secondary">
        {t('dueIntro', { limit: d.limitDays })}（{d.asOf}）
      </Typography.Paragraph>
      {d.groups.length === 0 ? (
        <Empty description={t('dueEmpty')} />
      ) : (
        <Table<DueGroup>
          rowKey="villageCode"
          size="middle"
          pagination={false}
          dataSource={d.groups}
          expandable={{
            defaultExpandAllRows: true,
            expandedRowRender: (g) => (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={g.cases}
                columns={[
                  {
                    title: t('caseNo'),
                    dataIndex: 'id',
                    render: (id: number) => <Link to={`/cases/${id}`}>#{id}</Link>,
                  },
                  { title: t('householdNo'), dataIndex: 'householdNo' },
                  { title: t('headName'), dataIndex: 'headName', render: (n: string | null) => n ?? '—' },
                  { title: t('stage'), dataIndex: 'stage', render: (stage: string) => caseStageName(stage) },
                  { title: t('elapsed'), dataIndex: 'elapsed', render: (n: number) => t('elapsedDays', { n }) },
                  {
                    title: t('due'),
                    key: 'status',
                    render: (_, r) => (
                      <Tag color={r.status === 'overdue' ? 'red' : 'orange'}>
                        {r.status === 'overdue'
                          ? t('overdueDays', { n: -r.remaining })
                          : t('remainingDays', { n: r.remaining })}
                      </Tag>
                    ),
                  },
                ]}
              />
            ),
          }}
          columns={[
            { title: t('township'), dataIndex: 'townshipName' },
            { title: t('village'), dataIndex: 'villageName' },
            { title: t('overdue'), dataIndex: 'overdue', render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
            {
              title: t('nearDue'),
              dataIndex: 'nearDue',
              render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : 0),
            },
          ]}
        />
      )}
      <Space />
    </Card>
  );
}
