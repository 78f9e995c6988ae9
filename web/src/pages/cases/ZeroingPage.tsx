import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { fetchZeroing, type ZeroingResponse } from '#web/api/cases.ts';
import { QueryState } from '#web/components/states.tsx';
import { useCasesText } from './text.ts';
import { caseStageName } from '#web/i18n/workflowNames.ts';
import { keys } from '#web/api/queryKeys.ts';

type Row = ZeroingResponse['total'] & { children?: Row[] };

export default function ZeroingPage() {
  const q = useQuery({ queryKey: keys.cases.zeroing(), queryFn: () => fetchZeroing() });
  return <QueryState query={q}>{(d) => <ZeroingView d={d} />}</QueryState>;
}

function ZeroingView({ d }: { d: ZeroingResponse }) {
  const t = useCasesText();
  const townships: Row[] = d.rows
    .filter((r) => r.level === 'township')
    .map((tw) => ({
      ...tw,
      children: d.rows.filter((v) => v.level === 'village' && v.code.startsWith(tw.code.slice(0, 9))),
    }));
  const inProgress = (r: Row) => Object.values(r.byStage).reduce((a, b) => a + b, 0);
  const stageTags = (r: Row) =>
    Object.entries(r.byStage).map(([k, n]) => {
      const [kind, stage] = k.split('.');
      return (
        <Tag key={k} color={kind === 'identification' ? 'blue' : 'purple'}>
          {kind === 'identification' ? '识别' : '消除'}·{caseStageName(stage)} {n}
        </Tag>
      );
    });
  const columns: TableColumnsType<Row> = [
    { title: t('area'), dataIndex: 'name', width: 160, fixed: 'left' },
    { title: t('openClues'), dataIndex: 'openClues', width: 90, align: 'right' },
    { title: t('notTakenUp'), dataIndex: 'openCluesWithoutCase', width: 90, align: 'right' },
    { title: t('age0to7'), key: 'a', width: 80, align: 'right', render: (_, r) => r.clueAge.d0to7 },
    { title: t('age8to15'), key: 'b', width: 80, align: 'right', render: (_, r) => r.clueAge.d8to15 },
    {
      title: t('ageOver15'),
      key: 'c',
      width: 80,
      align: 'right',
      render: (_, r) => (r.clueAge.over15 ? <Tag color="red">{r.clueAge.over15}</Tag> : 0),
    },
    { title: t('inProgress'), key: 'p', width: 90, align: 'right', render: (_, r) => inProgress(r) },
    { title: t('stage'), key: 's', width: 220, render: (_, r) => stageTags(r) },
    { title: t('monitoredAtRisk'), dataIndex: 'monitoredAtRisk', width: 120, align: 'right' },
    {
      title: t('monitoredAge'),
      key: 'ma',
      width: 170,
      render: (_, r) => `${r.monitoredAge.m0to5} / ${r.monitoredAge.m6to11} / ${r.monitoredAge.m12plus}`,
    },
    { title: t('identifiedThisMonth'), dataIndex: 'identifiedThisMonth', width: 100, align: 'right' },
    { title: t('eliminatedThisMonth'), dataIndex: 'eliminatedThisMonth', width: 100, align: 'right' },
    {
      title: t('overdueCount'),
      dataIndex: 'overdue',
      width: 70,
      align: 'right',
      render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
    },
  ];
  return (
    <Card title={`${t('zeroingTitle')}（${d.period}）`}>
      <Typography.Paragraph type="secondary">{t('zeroingIntro')}</Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }} data-testid="zeroing-totals">
        <Col xs={12} md={4}>
          <Statistic title={t('openClues')} value={d.total.openClues} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('inProgress')} value={inProgress(d.total)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('monitoredAtRisk')} value={d.total.monitoredAtRisk} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('identifiedThisMonth')} value={d.total.identifiedThisMonth} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('eliminatedThisMonth')} value={d.total.eliminatedThisMonth} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('overdueCount')}
            value={d.total.overdue}
            styles={{ content: { color: d.total.overdue ? '#cf1322' : undefined } }}
          />
        </Col>
      </Row>
      <Table<Row>
        rowKey="code"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={townships.length ? townships : d.rows}
        scroll={{ x: 1620 }}
        expandable={{ defaultExpandAllRows: townships.length === 1 }}
      />
    </Card>
  );
}
