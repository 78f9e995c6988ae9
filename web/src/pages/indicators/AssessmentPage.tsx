import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { assessmentXlsxUrl, fetchAssessment, type AssessmentResponse } from '#web/api/indicators.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { currentMonth, download, useL } from './shared.tsx';
import { keys } from '#web/api/queryKeys.ts';

const GRADE_COLORS: Record<string, string> = {
  好: 'green',
  较好: 'cyan',
  一般: 'gold',
  较差: 'red',
  无数据: 'default',
};

/** /indicators/assessment — 考核评估: the yearly result sheet of townships. */
export default function AssessmentPage() {
  const l = useL();
  // The county's year (China time), as the cockpit's month: both pages then score the same month.
  const [year, setYear] = useState(Number(currentMonth().slice(0, 4)));
  const q = useQuery({ queryKey: keys.indicators.assessment(year), queryFn: () => fetchAssessment(year) });
  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data;
  type Row = AssessmentResponse['rows'][number];
  return (
    <Card
      title={l('乡镇考核评估', 'Township assessment')}
      extra={
        <Space>
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(v) => v && setYear(v.year())}
          />
          <Button icon={<DownloadOutlined />} onClick={() => download(assessmentXlsxUrl(year))}>
            {l('导出结果表', 'Export .xlsx')}
          </Button>
        </Space>
      }
    >
      <Table<Row>
        rowKey="code"
        size="small"
        loading={q.isLoading}
        dataSource={d?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: l('名次', 'Rank'), dataIndex: 'rank', width: 60 },
          { title: l('乡镇', 'Township'), dataIndex: 'name' },
          { title: l('总分', 'Total'), dataIndex: 'total', render: (v: number) => <b>{v}</b> },
          {
            title: l('等次', 'Grade'),
            dataIndex: 'grade',
            render: (g: string) => <Tag color={GRADE_COLORS[g]}>{g}</Tag>,
          },
          ...(d?.items ?? []).map((it) => ({
            title: `${it.labelZh}（${it.weight}）`,
            key: it.key,
            render: (_: unknown, r: Row) =>
              r.points[it.key] === null ? (
                <Typography.Text type="secondary">{l('无数据', 'n/a')}</Typography.Text>
              ) : (
                <span>
                  {r.points[it.key]}
                  <Typography.Text type="secondary" style={{ marginLeft: 4 }}>
                    {r.figures[it.key] !== null ? `(${r.figures[it.key]})` : ''}
                  </Typography.Text>
                </span>
              ),
          })),
        ]}
      />
      {d?.notesZh.map((n) => (
        <Typography.Paragraph key={n} type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {n}
        </Typography.Paragraph>
      ))}
    </Card>
  );
}
