import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import type { EChartsOption } from 'echarts';
import {
  analysisKeys,
  changesExportUrl,
  fetchScenario,
  type ScenarioDetail,
  type ScenarioRow,
} from '#web/api/analysis.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { EChart } from '../indicators/EChart.tsx';
import { ScenarioChanges, useScenarioChanges } from './ScenarioChanges.tsx';
import { useAnalysisText, type AnalysisTextKey } from './text.ts';
import { fieldLabel, shown } from './whatIfShared.ts';

type Counts = ScenarioDetail['byCategory'][number];

/** What changed (in force → proposed), the six totals and the relief fund's note. */
function ScenarioSummary({ d }: { d: ScenarioDetail }) {
  const t = useAnalysisText();
  const stats: [AnalysisTextKey, number][] = [
    ['evaluated', d.evaluated],
    ['base', d.totals.base],
    ['proposed', d.totals.proposed],
    ['entering', d.totals.entering],
    ['leaving', d.totals.leaving],
    ['toVisit', d.workload.toVisit],
  ];
  return (
    <>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        {Object.entries(d.params).map(([k, v]) => (
          <Descriptions.Item key={k} label={t(fieldLabel(k))}>
            {shown(k, d.baseline[k])} → {shown(k, v)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Row gutter={[12, 12]}>
        {stats.map(([k, v]) => (
          <Col xs={12} sm={8} md={4} key={k}>
            <Statistic title={t(k)} value={v} data-testid={`stat-${k}`} />
          </Col>
        ))}
      </Row>
      <Alert
        style={{ margin: '12px 0' }}
        type="info"
        showIcon
        message={`${t('relief')}：${d.workload.reliefFund.noteZh}`}
      />
    </>
  );
}

/** One table of counts (in force, proposed, entering, leaving) by village, category or kind. */
function CountsTable({ first, rows, byVillage }: { first: AnalysisTextKey; rows: Counts[]; byVillage?: boolean }) {
  const t = useAnalysisText();
  const columns: TableColumnsType<Counts> = [
    { title: t(first), dataIndex: 'name', width: 160, fixed: 'left' },
    { title: t('base'), dataIndex: 'base', width: 110, align: 'right' },
    { title: t('proposed'), dataIndex: 'proposed', width: 110, align: 'right' },
    { title: t('entering'), dataIndex: 'entering', width: 80, align: 'right' },
    { title: t('leaving'), dataIndex: 'leaving', width: 80, align: 'right' },
  ];
  return (
    <Table
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={byVillage ? { pageSize: 10, showTotal: (n) => `共 ${n} 个村`, hideOnSinglePage: true } : false}
      scroll={{ x: 540 }}
    />
  );
}

/** Entering and leaving by township (chart), by village, by category and by kind. */
function ScenarioCounts({ d }: { d: ScenarioDetail }) {
  const t = useAnalysisText();
  const chart: EChartsOption = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('entering'), t('leaving')] },
    grid: { left: 40, right: 10, bottom: 60, top: 30 },
    xAxis: { type: 'category', data: d.byTownship.map((g) => g.name), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('entering'), type: 'bar', data: d.byTownship.map((g) => g.entering), label: { show: true } },
      { name: t('leaving'), type: 'bar', data: d.byTownship.map((g) => g.leaving), label: { show: true } },
    ],
  };
  const heading = (key: AnalysisTextKey) => (
    <Typography.Title level={5} style={{ marginTop: 16 }}>
      {t(key)}
    </Typography.Title>
  );
  return (
    <>
      <Typography.Title level={5}>{t('byTownship')}</Typography.Title>
      <EChart option={chart} height={260} />
      <Typography.Title level={5}>{t('byVillage')}</Typography.Title>
      <CountsTable first="village" rows={d.byVillage} byVillage />
      {heading('byCategory')}
      <CountsTable first="category" rows={d.byCategory} />
      {heading('byKind')}
      <CountsTable first="kind" rows={d.byKind} />
    </>
  );
}

/** One scenario's result: summary, counts, the households that change, the .xlsx of what the filters select. */
export function ScenarioResult({ id, others }: { id: number; others: ScenarioRow[] }) {
  const t = useAnalysisText();
  const detail = useQuery({ queryKey: analysisKeys.scenario(id), queryFn: () => fetchScenario(id) });
  const changes = useScenarioChanges(id);
  if (detail.isError) return <QueryErrorResult error={detail.error} onRetry={() => detail.refetch()} />;
  const d = detail.data;
  if (!d) return <Card loading />;
  return (
    <Card
      title={`${d.name}（${d.period}）`}
      data-testid="scenario-result"
      extra={
        <Button icon={<DownloadOutlined />} href={changesExportUrl(id, changes.filters)} download>
          {t('export')}
        </Button>
      }
    >
      <ScenarioSummary d={d} />
      <ScenarioCounts d={d} />
      <ScenarioChanges s={changes} d={d} others={others} />
    </Card>
  );
}
