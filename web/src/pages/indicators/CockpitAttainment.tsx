import { Card, Col, Empty, Row, Statistic, Table, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { STATUS_LABELS } from '#common/domain/indicators/targets.ts';
import { EChart } from './EChart.tsx';
import { attainmentChart, ChartTableTabs, STATUSES, type Cockpit, type Ind, type L } from './cockpitShared.tsx';
import { fmtValue, StatusTag, useL } from './shared.tsx';

/** How many indicators are met, at risk, not met, without data or without a target. */
export function StatusCounts({ data }: { data: Cockpit }) {
  const l = useL();
  return (
    <Row gutter={16}>
      {STATUSES.map((s) => (
        <Col key={s} xs={12} md={8} lg={4}>
          <Card size="small">
            <Statistic
              title={l(STATUS_LABELS[s].zh, STATUS_LABELS[s].en)}
              value={data.summary[s]}
              suffix={l('项', '')}
              valueStyle={{ color: STATUS_LABELS[s].color }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function TargetCell({ target }: { target: Ind['target'] }) {
  const l = useL();
  if (!target) return <Typography.Text type="secondary">{l('未设目标', 'No target')}</Typography.Text>;
  const note = target.note ? ` ${l('说明', 'Note')}：${target.note}` : '';
  return (
    <Tooltip
      title={`${target.sourceDoc}：“${target.sourceText}”${note}（${l('适用范围', 'Scope')}：${target.scopeLabel}）`}
    >
      <span>{target.textZh}</span>
    </Tooltip>
  );
}

function indicatorColumns(l: L, onSelect: (code: string) => void) {
  return [
    {
      title: l('指标', 'Indicator'),
      dataIndex: 'nameZh',
      render: (v: string, r: Ind) => <a onClick={() => onSelect(r.code)}>{l(v, r.nameEn)}</a>,
    },
    { title: l('期间', 'Period'), dataIndex: 'period', width: 90 },
    {
      title: l('当前值', 'Value'),
      dataIndex: 'value',
      align: 'right' as const,
      render: (v: number | null, r: Ind) => (
        <Tooltip
          title={
            r.numerator !== null && r.denominator !== null
              ? `${r.numerator.toLocaleString()} / ${r.denominator.toLocaleString()}`
              : undefined
          }
        >
          {fmtValue(v, r.decimals, r.unitZh)}
        </Tooltip>
      ),
    },
    { title: l('目标', 'Target'), dataIndex: 'target', render: (t: Ind['target']) => <TargetCell target={t} /> },
    {
      title: l('达标情况', 'Status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Ind['status']) => <StatusTag status={s} />,
    },
  ];
}

interface Props {
  data: Cockpit | undefined;
  loading: boolean;
  selected: Ind | undefined;
  onSelect: (code: string) => void;
}

/** 目标达成情况: every indicator against its target (table), or the count by status (chart). */
export function AttainmentCard({ data, loading, selected, onSelect }: Props) {
  const l = useL();
  const option = useMemo(() => (data ? attainmentChart(data, l) : null), [data, l]);
  return (
    <Card title={l('目标达成情况', 'Target attainment')} loading={loading}>
      <ChartTableTabs
        tableFirst
        chart={option ? <EChart option={option} height={260} /> : <Empty />}
        table={
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            columns={indicatorColumns(l, onSelect)}
            dataSource={data?.indicators ?? []}
            data-testid="indicator-table"
            rowClassName={(r) => (r.code === selected?.code ? 'ant-table-row-selected' : '')}
          />
        }
      />
    </Card>
  );
}
