import { Tabs } from 'antd';
import type { EChartsOption } from 'echarts';
import type { ReactNode } from 'react';
import type { CockpitResponse } from '#web/api/indicators.ts';
import { STATUS_LABELS } from '#common/domain/indicators/targets.ts';
import { fmtValue, useL } from './shared.tsx';

// 指标驾驶舱: what the cockpit's cards share — the types, the statuses counted, the chart/table tabs and the three
// charts' options.

export type Cockpit = CockpitResponse;
export type Ind = CockpitResponse['indicators'][number];
export type Child = CockpitResponse['children'][number];
export type L = (zh: string, en: string) => string;

export const STATUSES = ['met', 'atRisk', 'notMet', 'noData', 'noTarget'] as const;

/** A share in per cent (its axis ends at 100 %); a growth rate is a per cent too, but not a share. */
export const isShare = (i: Pick<Ind, 'unitZh' | 'nameZh'>) => i.unitZh === '%' && !/增速|增长/.test(i.nameZh);

/** A card's 图表 and 表格 tabs, the chart first unless `tableFirst`. */
export function ChartTableTabs({
  chart,
  table,
  tableFirst,
}: {
  chart: ReactNode;
  table: ReactNode;
  tableFirst?: boolean;
}) {
  const l = useL();
  const items = [
    { key: 'chart', label: l('图表', 'Chart'), children: chart },
    { key: 'table', label: l('表格', 'Table'), children: table },
  ];
  return <Tabs items={tableFirst ? items.reverse() : items} />;
}

/** The pie of indicators by status. */
export function attainmentChart(data: Cockpit, l: L): EChartsOption {
  const counts = STATUSES.map((s) => ({
    name: l(STATUS_LABELS[s].zh, STATUS_LABELS[s].en),
    value: data.summary[s],
    itemStyle: { color: STATUS_LABELS[s].color },
  }));
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['45%', '70%'], data: counts, label: { formatter: '{b}\n{c}项' } }],
  };
}

/** One indicator's months, with its target as a dashed line inside the axis. */
export function trendChart(ind: Ind, l: L): EChartsOption {
  const threshold = ind.threshold;
  const share = isShare(ind);
  return {
    tooltip: { trigger: 'axis' },
    // Room on the right for the target's label, which sits at the line's end.
    grid: { left: 50, right: 30, top: 30, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: ind.trend.map((p) => p.period) },
    yAxis: {
      type: 'value',
      scale: true,
      name: ind.unitZh,
      // A share ends at 100 %; the target line always lies inside the axis.
      max: share ? 100 : threshold !== null ? (v: { max: number }) => Math.max(v.max, threshold) : undefined,
      min: threshold !== null ? (v: { min: number }) => Math.min(v.min, threshold) : undefined,
    },
    series: [
      {
        type: 'line',
        name: ind.nameZh,
        data: ind.trend.map((p) => (p.value === null ? null : Number(p.value.toFixed(ind.decimals)))),
        smooth: true,
        markLine:
          threshold !== null
            ? {
                data: [{ yAxis: threshold, name: l('目标', 'Target') }],
                lineStyle: { color: '#f5222d', type: 'dashed' },
                label: { formatter: `${l('目标', 'Target')} {c}`, position: 'insideEndTop' },
              }
            : undefined,
      },
    ],
  };
}

/** The sub-units ranked on one indicator, each bar coloured by its status. */
export function rankingChart(data: Cockpit, ind: Ind): EChartsOption {
  const rows = data.children
    .map((c) => ({ name: c.name, cell: c.cells[ind.code] }))
    .filter((r) => r.cell)
    .sort((a, b) => (b.cell.value ?? -1) - (a.cell.value ?? -1));
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 10, right: 60, top: 10, bottom: 20, containLabel: true },
    xAxis: { type: 'value', name: ind.unitZh, max: isShare(ind) ? 100 : undefined },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
    series: [
      {
        type: 'bar',
        // Every bar carries its value.
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: unknown }) =>
            p.value === null || p.value === undefined ? '—' : fmtValue(Number(p.value), ind.decimals, ind.unitZh),
        },
        data: rows.map((r) => ({
          value: r.cell.value === null ? null : Number(r.cell.value.toFixed(ind.decimals)),
          itemStyle: { color: STATUS_LABELS[r.cell.status].color },
        })),
      },
    ],
  };
}
