import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { EChartsOption } from 'echarts';
import { cockpitXlsxUrl, fetchCockpit, type CockpitResponse } from '#web/api/indicators.ts';
import { useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { STATUS_LABELS } from '#common/domain/indicators/targets.ts';
import { levelOfCode } from '#common/domain/org-code.ts';
import { EChart } from './EChart.tsx';
import { VillageProfileCard } from './VillageProfileCard.tsx';
import { BAND_COLORS, currentMonth, download, fmtValue, StatusTag, useL } from './shared.tsx';
import { keys } from '#web/api/queryKeys.ts';

type Ind = CockpitResponse['indicators'][number];

const STATUSES = ['met', 'atRisk', 'notMet', 'noData', 'noTarget'] as const;
/** A share in per cent (its axis ends at 100 %); a growth rate is a per cent too, but not a share. */
const isShare = (i: Pick<Ind, 'unitZh' | 'nameZh'>) => i.unitZh === '%' && !/增速|增长/.test(i.nameZh);

/** /indicators/cockpit — 指标驾驶舱: attainment against targets, trends, township scorecard, drill-down. */
export default function CockpitPage() {
  const l = useL();
  const { data: actor } = useActor();
  const [params, setParams] = useSearchParams();
  const home = actor?.orgCode ?? '140521000000';
  const org = params.get('org') ?? home;
  const period = params.get('period') ?? currentMonth();
  const boundaries = params.get('boundaries') ?? 'asOfPeriod';
  const [trail, setTrail] = useState<{ code: string; name: string }[]>([]);
  const q = useQuery({
    queryKey: keys.indicators.cockpit(org, period, boundaries),
    queryFn: () => fetchCockpit({ org, period, boundaries }),
  });
  const [selected, setSelected] = useState<string>('CONSOLIDATION_RATE');
  const set = (patch: Record<string, string>) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      Object.entries(patch).forEach(([k, v]) => n.set(k, v));
      return n;
    });
  const drill = (code: string, name: string) => {
    if (q.data)
      setTrail((t) => [
        ...t.filter((x) => x.code !== q.data.unit.code),
        { code: q.data.unit.code, name: q.data.unit.name },
      ]);
    set({ org: code });
    void name;
  };

  const data = q.data;
  const ind: Ind | undefined = data?.indicators.find((i) => i.code === selected) ?? data?.indicators[0];

  const attainmentOption = useMemo<EChartsOption | null>(() => {
    if (!data) return null;
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
  }, [data, l]);
  const trendOption = useMemo<EChartsOption | null>(() => {
    if (!ind) return null;
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
  }, [ind, l]);
  const rankingOption = useMemo<EChartsOption | null>(() => {
    if (!data || !ind) return null;
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
  }, [data, ind]);

  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => q.refetch()} />;

  const indicatorColumns = [
    {
      title: l('指标', 'Indicator'),
      dataIndex: 'nameZh',
      render: (v: string, r: Ind) => <a onClick={() => setSelected(r.code)}>{l(v, r.nameEn)}</a>,
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
    {
      title: l('目标', 'Target'),
      dataIndex: 'target',
      render: (t: Ind['target']) =>
        t ? (
          <Tooltip
            title={`${t.sourceDoc}：“${t.sourceText}”${t.note ? ` ${l('说明', 'Note')}：${t.note}` : ''}（${l('适用范围', 'Scope')}：${t.scopeLabel}）`}
          >
            <span>{t.textZh}</span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{l('未设目标', 'No target')}</Typography.Text>
        ),
    },
    {
      title: l('达标情况', 'Status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Ind['status']) => <StatusTag status={s} />,
    },
  ];

  const childCols = data
    ? [
        {
          title: l('单位', 'Unit'),
          dataIndex: 'name',
          fixed: 'left' as const,
          render: (v: string, r: CockpitResponse['children'][number]) => (
            <a onClick={() => drill(r.code, r.name)}>{v}</a>
          ),
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
          render: (_: unknown, r: CockpitResponse['children'][number]) => {
            const c = r.cells[i.code];
            return c ? (
              <span
                style={{
                  color: STATUS_LABELS[c.status].color === '#bfbfbf' ? undefined : STATUS_LABELS[c.status].color,
                }}
              >
                {fmtValue(c.value, i.decimals, i.unitZh)}
              </span>
            ) : (
              '—'
            );
          },
        })),
      ]
    : [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space direction="vertical" size={0}>
            <Breadcrumb
              items={[
                ...trail.map((t) => ({
                  title: (
                    <a
                      onClick={() => {
                        setTrail((x) =>
                          x.slice(
                            0,
                            x.findIndex((y) => y.code === t.code),
                          ),
                        );
                        set({ org: t.code });
                      }}
                    >
                      {t.name}
                    </a>
                  ),
                })),
                { title: data?.unit.name ?? '…' },
              ]}
            />
            <Typography.Title level={4} style={{ margin: 0 }}>
              {l('指标驾驶舱', 'Indicator cockpit')} · {data?.unit.name}
            </Typography.Title>
          </Space>
          <Space wrap>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${period}-01`)}
              onChange={(d) => d && set({ period: d.format('YYYY-MM') })}
              aria-label={l('月份', 'Month')}
            />
            <Radio.Group
              value={boundaries}
              onChange={(e) => set({ boundaries: e.target.value })}
              optionType="button"
              options={[
                { value: 'asOfPeriod', label: l('按当期区划', 'As of period') },
                { value: 'current', label: l('按现行区划', 'Current boundaries') },
              ]}
            />
            <Button icon={<DownloadOutlined />} onClick={() => download(cockpitXlsxUrl({ org, period }))}>
              {l('导出 Excel', 'Export .xlsx')}
            </Button>
          </Space>
        </Space>
      </Card>
      {data && (
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
      )}
      {levelOfCode(org) === 'village' && <VillageProfileCard org={org} year={Number(period.slice(0, 4))} />}
      <Card title={l('目标达成情况', 'Target attainment')} loading={q.isLoading}>
        <Tabs
          items={[
            {
              key: 'table',
              label: l('表格', 'Table'),
              children: (
                <Table
                  rowKey="code"
                  size="small"
                  pagination={false}
                  columns={indicatorColumns}
                  dataSource={data?.indicators ?? []}
                  data-testid="indicator-table"
                  rowClassName={(r) => (r.code === ind?.code ? 'ant-table-row-selected' : '')}
                />
              ),
            },
            {
              key: 'chart',
              label: l('图表', 'Chart'),
              children: attainmentOption ? <EChart option={attainmentOption} height={260} /> : <Empty />,
            },
          ]}
        />
      </Card>
      {ind && (
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card
              title={`${l('月度趋势', 'Monthly trend')} · ${ind.nameZh}`}
              extra={
                <Select
                  style={{ width: 220 }}
                  value={ind.code}
                  onChange={setSelected}
                  options={data?.indicators.map((i) => ({ value: i.code, label: i.nameZh }))}
                />
              }
            >
              <Tabs
                items={[
                  {
                    key: 'chart',
                    label: l('图表', 'Chart'),
                    children: trendOption ? <EChart option={trendOption} height={280} testId="trend-chart" /> : null,
                  },
                  {
                    key: 'table',
                    label: l('表格', 'Table'),
                    children: (
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
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={`${l('下级排名', 'Ranking')} · ${ind.nameZh}`}>
              {data && data.children.length ? (
                <Tabs
                  items={[
                    {
                      key: 'chart',
                      label: l('图表', 'Chart'),
                      children: rankingOption ? (
                        <EChart
                          option={rankingOption}
                          testId="ranking-chart"
                          height={Math.max(240, data.children.length * 22)}
                          onClick={(p) => {
                            const c = data.children.find((x) => x.name === p.name);
                            if (c) drill(c.code, c.name);
                          }}
                        />
                      ) : null,
                    },
                    {
                      key: 'table',
                      label: l('表格', 'Table'),
                      children: (
                        <Table
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
                              render: (_: unknown, r) =>
                                fmtValue(r.cells[ind.code]?.value ?? null, ind.decimals, ind.unitZh),
                            },
                            {
                              title: l('状态', 'Status'),
                              key: 's',
                              render: (_: unknown, r) => <StatusTag status={r.cells[ind.code]?.status ?? 'noData'} />,
                            },
                          ]}
                        />
                      ),
                    },
                  ]}
                />
              ) : (
                <Empty description={l('没有下级单位', 'No sub-units')} />
              )}
            </Card>
          </Col>
        </Row>
      )}
      {data && data.children.length > 0 && (
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
            columns={childCols}
            dataSource={data.children}
            onRow={(r) => ({ style: { background: BAND_COLORS[r.band] } })}
            data-testid="scorecard"
          />
        </Card>
      )}
    </Space>
  );
}
