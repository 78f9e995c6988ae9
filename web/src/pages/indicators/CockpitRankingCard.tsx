import { Card, Empty, Table } from 'antd';
import { useMemo } from 'react';
import { EChart } from './EChart.tsx';
import { ChartTableTabs, rankingChart, type Child, type Cockpit, type Ind } from './cockpitShared.tsx';
import { fmtValue, StatusTag, useL } from './shared.tsx';

interface Props {
  data: Cockpit;
  ind: Ind;
  onDrill: (code: string, name: string) => void;
}

function RankingTable({ data, ind }: Omit<Props, 'onDrill'>) {
  const l = useL();
  return (
    <Table<Child>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={[...data.children].sort(
        (a, b) => (b.cells[ind.code]?.value ?? -1) - (a.cells[ind.code]?.value ?? -1),
      )}
      columns={[
        { title: l('单位', 'Unit'), dataIndex: 'name' },
        {
          title: l('值', 'Value'),
          key: 'v',
          render: (_: unknown, r) => fmtValue(r.cells[ind.code]?.value ?? null, ind.decimals, ind.unitZh),
        },
        {
          title: l('状态', 'Status'),
          key: 's',
          render: (_: unknown, r) => <StatusTag status={r.cells[ind.code]?.status ?? 'noData'} />,
        },
      ]}
    />
  );
}

/** 下级排名: the sub-units on the chosen indicator (a bar's click drills down), or a table. */
export function CockpitRankingCard({ data, ind, onDrill }: Props) {
  const l = useL();
  const option = useMemo(() => rankingChart(data, ind), [data, ind]);
  const chart = (
    <EChart
      option={option}
      testId="ranking-chart"
      height={Math.max(240, data.children.length * 22)}
      onClick={(p) => {
        const c = data.children.find((x) => x.name === p.name);
        if (c) onDrill(c.code, c.name);
      }}
    />
  );
  return (
    <Card title={`${l('下级排名', 'Ranking')} · ${ind.nameZh}`}>
      {data.children.length ? (
        <ChartTableTabs chart={chart} table={<RankingTable data={data} ind={ind} />} />
      ) : (
        <Empty description={l('没有下级单位', 'No sub-units')} />
      )}
    </Card>
  );
}
