import { Card, Table, Typography } from 'antd';
import { STATUS_LABELS } from '#common/domain/indicators/targets.ts';
import type { Child, Cockpit, Ind, L } from './cockpitShared.tsx';
import { BAND_COLORS, fmtValue, useL } from './shared.tsx';

interface Props {
  data: Cockpit;
  onDrill: (code: string, name: string) => void;
}

/** A sub-unit's value of one indicator, in its status's colour (grey shown as plain text). */
function Cell({ r, i }: { r: Child; i: Ind }) {
  const c = r.cells[i.code];
  if (!c) return '—';
  const color = STATUS_LABELS[c.status].color;
  return (
    <span style={{ color: color === '#bfbfbf' ? undefined : color }}>{fmtValue(c.value, i.decimals, i.unitZh)}</span>
  );
}

function columnsOf(l: L, data: Cockpit, onDrill: Props['onDrill']) {
  return [
    {
      title: l('单位', 'Unit'),
      dataIndex: 'name',
      fixed: 'left' as const,
      render: (v: string, r: Child) => <a onClick={() => onDrill(r.code, r.name)}>{v}</a>,
    },
    {
      title: l('综合得分', 'Score'),
      dataIndex: 'score',
      width: 90,
      sorter: (a: { score: number | null }, b: { score: number | null }) => (a.score ?? -1) - (b.score ?? -1),
      render: (v: number | null) => (v === null ? '—' : v),
    },
    { title: l('等次', 'Grade'), dataIndex: 'grade', width: 70 },
    ...data.indicators.map((i) => ({
      title: i.nameZh,
      key: i.code,
      width: 120,
      render: (_: unknown, r: Child) => <Cell r={r} i={i} />,
    })),
  ];
}

/** 下级评分卡: each sub-unit's score, grade and every indicator, in its band's colour; a name drills down. */
export function CockpitScorecard({ data, onDrill }: Props) {
  const l = useL();
  return (
    <Card
      title={l('下级评分卡（点击单位名称下钻）', 'Scorecard (click a unit to drill down)')}
      extra={
        <Typography.Text type="secondary">
          {l('综合得分即考核评估总分（同一计算）', 'Score = the assessment total (one computation)')}
        </Typography.Text>
      }
    >
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={columnsOf(l, data, onDrill)}
        dataSource={data.children}
        onRow={(r) => ({ style: { background: BAND_COLORS[r.band] } })}
        data-testid="scorecard"
      />
    </Card>
  );
}
