import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';

// A thin React wrapper around ECharts. The library is imported on first use, so only pages with a chart load it
// (never the login page).

type EChartsModule = typeof import('echarts');
let loading: Promise<EChartsModule> | null = null;
const loadECharts = () => (loading ??= import('echarts'));

export function EChart({
  option,
  height = 300,
  onClick,
  testId,
}: {
  option: EChartsOption;
  height?: number;
  onClick?: (params: { name: string; dataIndex: number }) => void;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<import('echarts').ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void loadECharts().then((echarts) => {
      if (disposed || !ref.current) return;
      chart.current = echarts.init(ref.current, undefined, { renderer: 'canvas' });
      chart.current.on('click', (p) => clickRef.current?.({ name: String(p.name), dataIndex: p.dataIndex }));
      chart.current.setOption(option);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(ref.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // Created once; option changes are applied by the effect below.
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  // What a browser test checks on the canvas: the value axis' maximum and whether the bars carry their values.
  const facts = chartFacts(option);
  return (
    <div
      ref={ref}
      data-testid={testId}
      data-value-axis-max={facts.valueAxisMax}
      data-bar-labels={facts.barLabels}
      style={{ width: '100%', height }}
    />
  );
}

const first = <T,>(x: T | T[] | undefined): T | undefined => (Array.isArray(x) ? x[0] : x);

function chartFacts(option: EChartsOption): { valueAxisMax?: string; barLabels?: string } {
  const axes = [first(option.xAxis), first(option.yAxis)] as ({ type?: string; max?: unknown } | undefined)[];
  const value = axes.find((a) => a?.type === 'value');
  const series = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as {
    type?: string;
    label?: { show?: boolean };
  }[];
  const bars = series.filter((x) => x.type === 'bar');
  return {
    valueAxisMax: typeof value?.max === 'number' ? String(value.max) : undefined,
    barLabels: bars.length ? (bars.every((b) => b.label?.show) ? 'shown' : 'hidden') : undefined,
  };
}
