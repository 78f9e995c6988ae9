import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
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
  changesExportUrl,
  createScenario,
  fetchChanges,
  fetchCompare,
  fetchScenario,
  fetchScenarioExplain,
  fetchScenarios,
  type ChangeRow,
  type ScenarioDetail,
  type ScenarioRow,
} from '#web/api/analysis.ts';
import { fetchResolvedParams } from '#web/api/params.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { EChart } from '../indicators/EChart.tsx';
import { useAnalysisText, type AnalysisTextKey } from './text.ts';
import { keys } from '#web/api/queryKeys.ts';

// 政策试算: saved scenarios, a new one (runs as a job), one scenario's result with who enters and
// leaves, a household's explanation under both settings, the .xlsx and a comparison of two.

/** The parameters the form offers; money in yuan on screen, fen in the API. */
const FIELDS: { key: string; label: AnalysisTextKey; money: boolean; step?: number; max?: number }[] = [
  { key: 'monitoring.incomeLineFen', label: 'incomeLine', money: true },
  { key: 'medical.alleviatedOutOfPocketFen', label: 'alleviatedOop', money: true },
  { key: 'medical.otherOutOfPocketFen', label: 'otherOop', money: true },
  { key: 'monitoring.lookbackMonths', label: 'lookback', money: false, max: 36 },
  { key: 'monitoring.incomeDropRatio', label: 'dropRatio', money: false, step: 0.05, max: 1 },
];
const fieldName = (key: string) => key.replace(/\./g, '_');
const shown = (key: string, value: unknown) =>
  typeof value === 'number' && FIELDS.find((f) => f.key === key)?.money
    ? (value / 100).toLocaleString('zh-CN')
    : String(value);
const lastMonth = () => dayjs().subtract(1, 'month').format('YYYY-MM');

export default function WhatIfPage() {
  const t = useAnalysisText();
  const { data: actor } = useActor();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const list = useQuery({
    queryKey: [...analysisKeys.scenarios(), page],
    queryFn: () => fetchScenarios({ page, pageSize: 10 }),
    refetchInterval: (q) => (q.state.data?.items.some((s) => s.status === 'running') ? 1000 : false),
  });
  const statusTag = (s: ScenarioRow['status']) => (
    <Tag color={s === 'succeeded' ? 'green' : s === 'failed' ? 'red' : 'blue'}>{t(s)}</Tag>
  );
  const columns: TableColumnsType<ScenarioRow> = [
    { title: t('name'), dataIndex: 'name', width: 160, fixed: 'left' },
    { title: t('month'), dataIndex: 'period', width: 90 },
    {
      title: t('changed'),
      dataIndex: 'params',
      width: 220,
      render: (p: Record<string, unknown>) =>
        Object.entries(p)
          .map(([k, v]) => `${t(FIELDS.find((f) => f.key === k)?.label ?? 'changed')}：${shown(k, v)}`)
          .join('；'),
    },
    { title: t('author'), dataIndex: 'author', width: 100 },
    { title: t('status'), dataIndex: 'status', width: 90, render: statusTag },
    {
      title: t('open'),
      key: 'open',
      width: 80,
      render: (_, r) => (
        <Button size="small" disabled={r.status !== 'succeeded'} onClick={() => setSelected(r.id)}>
          {t('open')}
        </Button>
      ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('whatifTitle')}
        extra={
          hasPermission(actor, 'analysis:run') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('newScenario')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('whatifIntro')}</Typography.Paragraph>
        {list.isError ? (
          <QueryErrorResult error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<ScenarioRow>
            rowKey="id"
            size="middle"
            data-testid="scenario-list"
            columns={columns}
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 760 }}
            locale={{ emptyText: t('empty') }}
            pagination={{
              current: page,
              pageSize: 10,
              total: list.data?.total ?? 0,
              showTotal: (n) => `共 ${n} 条`,
              onChange: setPage,
            }}
          />
        )}
      </Card>
      {selected !== null && (
        <ScenarioResult
          id={selected}
          others={(list.data?.items ?? []).filter((s) => s.id !== selected && s.status === 'succeeded')}
        />
      )}
      <NewScenarioModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}

interface FormValues {
  name: string;
  month: Dayjs;
  [field: string]: unknown;
}

function NewScenarioModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useAnalysisText();
  const [form] = Form.useForm<FormValues>();
  const month = Form.useWatch('month', form) as Dayjs | undefined;
  const period = month?.format('YYYY-MM') ?? lastMonth();
  const resolved = useQuery({
    queryKey: keys.params.resolved(period),
    queryFn: () => fetchResolvedParams(period),
    enabled: open,
  });
  // 'At least one parameter' is checked here; the server's refusals go through the page kit.
  const [atLeastOne, setAtLeastOne] = useState(false);
  const paramsOf = (v: FormValues) => {
    const params: Record<string, number> = {};
    for (const f of FIELDS) {
      const value = v[fieldName(f.key)];
      if (typeof value === 'number') params[f.key] = f.money ? Math.round(value * 100) : value;
    }
    return params;
  };
  const { mutation: save, errorAlert } = useFormMutation(
    form,
    (v: FormValues) => createScenario({ name: v.name, period: v.month.format('YYYY-MM'), params: paramsOf(v) }),
    {
      successMessage: t('started'),
      invalidate: [analysisKeys.scenarios()],
      onSuccess: () => {
        form.resetFields();
        onClose();
      },
    },
  );
  return (
    <Modal
      open={open}
      title={t('newScenario')}
      okText={t('run')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => {
        setAtLeastOne(false);
        void form.validateFields().then((v) => {
          if (Object.keys(paramsOf(v)).length === 0) setAtLeastOne(true);
          else save.mutate(v);
        });
      }}
      destroyOnHidden
    >
      {atLeastOne && <Alert type="error" showIcon message={t('atLeastOne')} style={{ marginBottom: 12 }} />}
      {errorAlert}
      <Form form={form} layout="vertical" initialValues={{ month: dayjs().subtract(1, 'month') }}>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="month" label={t('month')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker picker="month" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
        </Form.Item>
        {FIELDS.map((f) => {
          const current = resolved.data?.[f.key]?.value;
          return (
            <Form.Item
              key={f.key}
              name={fieldName(f.key)}
              label={t(f.label)}
              extra={current === undefined ? undefined : `${t('current')}：${shown(f.key, current)}`}
            >
              <InputNumber min={0} max={f.max} step={f.step ?? 1} style={{ width: '100%' }} />
            </Form.Item>
          );
        })}
      </Form>
    </Modal>
  );
}

function ScenarioResult({ id, others }: { id: number; others: ScenarioRow[] }) {
  const t = useAnalysisText();
  const detail = useQuery({ queryKey: analysisKeys.scenario(id), queryFn: () => fetchScenario(id) });
  const [change, setChange] = useState<string | undefined>();
  const [orgCode, setOrgCode] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [explain, setExplain] = useState<ChangeRow | null>(null);
  const [compareWith, setCompareWith] = useState<number | undefined>();
  const filters = { change, orgCode };
  const changes = useQuery({
    queryKey: [...analysisKeys.changes(id), change, orgCode, page],
    queryFn: () => fetchChanges(id, { ...filters, page, pageSize: 10 }),
  });
  const compare = useQuery({
    queryKey: analysisKeys.compare(id, compareWith ?? 0),
    queryFn: () => fetchCompare(id, compareWith!),
    enabled: compareWith !== undefined,
  });
  if (detail.isError) return <QueryErrorResult error={detail.error} onRetry={() => detail.refetch()} />;
  const d = detail.data;
  if (!d) return <Card loading />;
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
  const countColumns = (first: AnalysisTextKey): TableColumnsType<ScenarioDetail['byCategory'][number]> => [
    { title: t(first), dataIndex: 'name', width: 160, fixed: 'left' },
    { title: t('base'), dataIndex: 'base', width: 110, align: 'right' },
    { title: t('proposed'), dataIndex: 'proposed', width: 110, align: 'right' },
    { title: t('entering'), dataIndex: 'entering', width: 80, align: 'right' },
    { title: t('leaving'), dataIndex: 'leaving', width: 80, align: 'right' },
  ];
  const changeColumns: TableColumnsType<ChangeRow> = [
    { title: t('householdNo'), dataIndex: 'householdNo', width: 170, fixed: 'left' },
    { title: t('township'), dataIndex: 'townshipName', width: 100 },
    { title: t('village'), dataIndex: 'villageName', width: 100 },
    { title: t('kind'), dataIndex: 'kind', width: 90, render: (k: 'alleviated' | 'ordinary') => t(k) },
    {
      title: t('change'),
      dataIndex: 'change',
      width: 80,
      render: (c: ChangeRow['change']) => <Tag color={c === 'entering' ? 'orange' : 'green'}>{t(c)}</Tag>,
    },
    {
      title: t('explain'),
      key: 'explain',
      width: 90,
      render: (_, r) => (
        <Button size="small" onClick={() => setExplain(r)}>
          {t('explain')}
        </Button>
      ),
    },
  ];
  return (
    <Card
      title={`${d.name}（${d.period}）`}
      data-testid="scenario-result"
      extra={
        <Button icon={<DownloadOutlined />} href={changesExportUrl(id, filters)} download>
          {t('export')}
        </Button>
      }
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        {Object.entries(d.params).map(([k, v]) => (
          <Descriptions.Item key={k} label={t(FIELDS.find((f) => f.key === k)?.label ?? 'changed')}>
            {shown(k, d.baseline[k])} → {shown(k, v)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Row gutter={[12, 12]}>
        {(
          [
            ['evaluated', d.evaluated],
            ['base', d.totals.base],
            ['proposed', d.totals.proposed],
            ['entering', d.totals.entering],
            ['leaving', d.totals.leaving],
            ['toVisit', d.workload.toVisit],
          ] as [AnalysisTextKey, number][]
        ).map(([k, v]) => (
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
      <Typography.Title level={5}>{t('byTownship')}</Typography.Title>
      <EChart option={chart} height={260} />
      <Typography.Title level={5}>{t('byVillage')}</Typography.Title>
      <Table
        rowKey="code"
        size="small"
        columns={countColumns('village')}
        dataSource={d.byVillage}
        pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 个村`, hideOnSinglePage: true }}
        scroll={{ x: 540 }}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('byCategory')}
      </Typography.Title>
      <Table
        rowKey="code"
        size="small"
        columns={countColumns('category')}
        dataSource={d.byCategory}
        pagination={false}
        scroll={{ x: 540 }}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('byKind')}
      </Typography.Title>
      <Table
        rowKey="code"
        size="small"
        columns={countColumns('kind')}
        dataSource={d.byKind}
        pagination={false}
        scroll={{ x: 540 }}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('changes')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('change')}
          style={{ width: 120 }}
          value={change}
          onChange={(v) => {
            setChange(v);
            setPage(1);
          }}
          options={[
            { value: 'entering', label: t('entering') },
            { value: 'leaving', label: t('leaving') },
          ]}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('village')}
          style={{ width: 140 }}
          value={orgCode}
          onChange={(v) => {
            setOrgCode(v);
            setPage(1);
          }}
          options={d.byVillage.map((v) => ({ value: v.code, label: v.name }))}
        />
        <Select
          allowClear
          placeholder={t('compareWith')}
          style={{ width: 200 }}
          value={compareWith}
          onChange={setCompareWith}
          options={others.map((o) => ({ value: o.id, label: `${o.name}（${o.period}）` }))}
        />
      </Space>
      {compare.data && (
        <Descriptions size="small" bordered column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={`${compare.data.b.name} · ${t('proposed')}`}>
            {compare.data.b.totals.proposed}
          </Descriptions.Item>
          <Descriptions.Item label={t('onlyA')}>{compare.data.onlyA ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('onlyB')}>{compare.data.onlyB ?? '—'}</Descriptions.Item>
        </Descriptions>
      )}
      <Table<ChangeRow>
        rowKey="householdId"
        size="middle"
        data-testid="scenario-changes"
        columns={changeColumns}
        loading={changes.isLoading}
        dataSource={changes.data?.items ?? []}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('empty') }}
        pagination={{
          current: page,
          pageSize: 10,
          total: changes.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 户`,
          onChange: setPage,
        }}
      />
      <ExplainDrawer scenarioId={id} row={explain} onClose={() => setExplain(null)} />
    </Card>
  );
}

function ExplainDrawer({
  scenarioId,
  row,
  onClose,
}: {
  scenarioId: number;
  row: ChangeRow | null;
  onClose: () => void;
}) {
  const t = useAnalysisText();
  const q = useQuery({
    queryKey: analysisKeys.explain(scenarioId, row?.householdId ?? 0),
    queryFn: () => fetchScenarioExplain(scenarioId, row!.householdId),
    enabled: row !== null,
  });
  const side = (title: AnalysisTextKey, fired: { ruleCode: string; nameZh: string }[] | undefined) => (
    <Descriptions.Item label={t(title)}>
      {fired && fired.length ? fired.map((f) => <Tag key={f.ruleCode}>{f.nameZh}</Tag>) : t('none')}
    </Descriptions.Item>
  );
  return (
    <Drawer open={row !== null} onClose={onClose} title={`${t('explain')} · ${row?.householdNo ?? ''}`} width={360}>
      {q.isError ? (
        <QueryErrorResult error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Descriptions column={1} bordered size="small" data-testid="scenario-explain">
          {side('baseRules', q.data?.base.fired)}
          {side('proposedRules', q.data?.proposed.fired)}
        </Descriptions>
      )}
    </Drawer>
  );
}
