import { Card, Select, Table } from 'antd';
import { useMemo } from 'react';
import { EChart } from './EChart.tsx';
import { ChartTableTabs, trendChart, type Ind } from './cockpitShared.tsx';
import { fmtValue, useL } from './shared.tsx';

interface Props {
  ind: Ind;
  indicators: Ind[] | undefined;
  onSelect: (code: string) => void;
}

/** 月度趋势: the chosen indicator month by month, as a chart or a table. */
export function CockpitTrendCard({ ind, indicators, onSelect }: Props) {
  const l = useL();
  const option = useMemo(() => trendChart(ind, l), [ind, l]);
  return (
    <Card
      title={`${l('月度趋势', 'Monthly trend')} · ${ind.nameZh}`}
      extra={
        <Select
          style={{ width: 220 }}
          value={ind.code}
          onChange={onSelect}
          options={indicators?.map((i) => ({ value: i.code, label: i.nameZh }))}
        />
      }
    >
      <ChartTableTabs
        chart={<EChart option={option} height={280} testId="trend-chart" />}
        table={
          <Table
            size="small"
            rowKey="period"
            pagination={false}
            dataSource={ind.trend}
            columns={[
              { title: l('期间', 'Period'), dataIndex: 'period' },
              {
                title: l('值', 'Value'),
                dataIndex: 'value',
                render: (v: number | null) => fmtValue(v, ind.decimals, ind.unitZh),
              },
            ]}
          />
        }
      />
    </Card>
  );
}
