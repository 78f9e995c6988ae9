import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { EChartsOption } from 'echarts';
import { useState } from 'react';
import {
  analysisKeys,
  fetchDeprivation,
  fetchUnmonitored,
  raiseDeprivationClue,
  type AfHouseholdRow,
  type AfResponse,
} from '#web/api/analysis.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { EChart } from '../indicators/EChart.tsx';
import { useAnalysisText } from './text.ts';

// 多维剥夺分析 (Alkire–Foster): H, A, M0 with each dimension's contribution, by township and month,
// and the households poor in the AF sense that are not monitored, each with a "raise a clue" action.

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export default function DeprivationPage() {
  const t = useAnalysisText();
  const { data: actor } = useActor();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const [page, setPage] = useState(1);
  const period = month.format('YYYY-MM');
  const af = useQuery({
    queryKey: analysisKeys.deprivation({ period }),
    queryFn: () => fetchDeprivation({ period, months: 6 }),
  });
  const poor = useQuery({
    queryKey: [...analysisKeys.unmonitored(), period, page],
    queryFn: () => fetchUnmonitored({ period, page, pageSize: 10 }),
  });
  const raise = useMutation({
    mutationFn: (householdId: number) => raiseDeprivationClue(householdId, period),
    onSuccess: async () => {
      message.success(t('clueRaised'));
      await queryClient.invalidateQueries({ queryKey: analysisKeys.unmonitored() });
    },
    onError: (e: Error) => message.error(e.message),
  });
  const dimName = (code: string) => t(code as 'income');

  const d = af.data;
  const contribution: EChartsOption | null = d
    ? {
        tooltip: { trigger: 'item' },
        grid: { left: 90, right: 40, top: 10, bottom: 20 },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        yAxis: { type: 'category', data: d.dimensions.map((x) => dimName(x.code)) },
        series: [
          {
            type: 'bar',
            data: d.total.contribution.map((c) => Number((c * 100).toFixed(1))),
            label: { show: true, position: 'right', formatter: '{c}%' },
          },
        ],
      }
    : null;
  const series: EChartsOption | null = d
    ? {
        tooltip: { trigger: 'axis' },
        legend: { data: ['H', 'A', 'M0'] },
        grid: { left: 40, right: 10, top: 30, bottom: 30 },
        xAxis: { type: 'category', data: d.series.map((s) => s.period) },
        yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        series: (['H', 'A', 'M0'] as const).map((k) => ({
          name: k,
          type: 'line',
          data: d.series.map((s) => Number((s[k] * 100).toFixed(2))),
        })),
      }
    : null;
  const groupColumns: TableColumnsType<AfResponse['byTownship'][number]> = [
    { title: t('township'), dataIndex: 'name', width: 120, fixed: 'left' },
    { title: t('households'), dataIndex: 'n', width: 80, align: 'right' },
    { title: t('poor'), dataIndex: 'q', width: 100, align: 'right' },
    { title: 'H', dataIndex: 'H', width: 80, align: 'right', render: pct },
    { title: 'A', dataIndex: 'A', width: 80, align: 'right', render: pct },
    { title: 'M0', dataIndex: 'M0', width: 80, align: 'right', render: (x: number) => x.toFixed(4) },
  ];
  const poorColumns: TableColumnsType<AfHouseholdRow> = [
    { title: t('householdNo'), dataIndex: 'householdNo', width: 170, fixed: 'left' },
    { title: t('village'), dataIndex: 'villageName', width: 100 },
    { title: t('score'), dataIndex: 'score', width: 90, align: 'right', render: pct },
    {
      title: t('reasons'),
      dataIndex: 'deprived',
      width: 220,
      render: (list: string[]) => list.map((c) => <Tag key={c}>{dimName(c)}</Tag>),
    },
    {
      title: t('raiseClue'),
      key: 'clue',
      width: 110,
      render: (_, r) =>
        r.openClue ? (
          <Tag color="blue">{t('clueOpen')}</Tag>
        ) : hasPermission(actor, 'clues:write') ? (
          <Button size="small" loading={raise.isPending} onClick={() => raise.mutate(r.householdId)}>
            {t('raiseClue')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('afTitle')}
        extra={
          <DatePicker
            picker="month"
            allowClear={false}
            value={month}
            onChange={(v) => v && setMonth(v)}
            disabledDate={(x) => x.isAfter(dayjs(), 'month')}
          />
        }
      >
        <Typography.Paragraph type="secondary">{t('afIntro')}</Typography.Paragraph>
        {af.isError ? (
          <QueryErrorResult error={af.error} onRetry={() => af.refetch()} />
        ) : !d ? (
          <Card loading bordered={false} />
        ) : (
          <>
            <Row gutter={[12, 12]}>
              <Col xs={12} md={6}>
                <Statistic title={t('H')} value={pct(d.total.H)} data-testid="af-H" />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('A')} value={pct(d.total.A)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('M0')} value={d.total.M0.toFixed(4)} data-testid="af-M0" />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('cutoff')} value={pct(d.k)} />
              </Col>
            </Row>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('contribution')}
            </Typography.Title>
            {contribution && <EChart option={contribution} height={240} />}
            <Typography.Title level={5}>{t('series')}</Typography.Title>
            {series && <EChart option={series} height={240} />}
            <Typography.Title level={5}>{t('byTownship')}</Typography.Title>
            <Table
              rowKey="code"
              size="small"
              columns={groupColumns}
              dataSource={d.byTownship}
              pagination={false}
              scroll={{ x: 540 }}
            />
          </>
        )}
      </Card>
      <Card title={t('unmonitored')}>
        {poor.isError ? (
          <QueryErrorResult error={poor.error} onRetry={() => poor.refetch()} />
        ) : (
          <Table<AfHouseholdRow>
            rowKey="householdId"
            size="middle"
            data-testid="af-unmonitored"
            columns={poorColumns}
            loading={poor.isLoading}
            dataSource={poor.data?.items ?? []}
            scroll={{ x: 690 }}
            locale={{ emptyText: t('empty') }}
            pagination={{
              current: page,
              pageSize: 10,
              total: poor.data?.total ?? 0,
              showTotal: (n) => `共 ${n} 户`,
              onChange: setPage,
            }}
          />
        )}
      </Card>
    </Space>
  );
}
