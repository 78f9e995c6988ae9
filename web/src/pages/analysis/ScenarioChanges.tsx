import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import {
  analysisKeys,
  fetchChanges,
  fetchCompare,
  type ChangeRow,
  type ScenarioDetail,
  type ScenarioRow,
} from '#web/api/analysis.ts';
import { ScenarioExplainDrawer } from './ScenarioExplainDrawer.tsx';
import { useAnalysisText } from './text.ts';

/** Who enters and leaves under a scenario: the filters, the page, the comparison and the household explained. */
export function useScenarioChanges(id: number) {
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
  const filterBy = { change: setChange, orgCode: setOrgCode };
  const setFilter = (key: keyof typeof filterBy, value: string | undefined) => {
    filterBy[key](value);
    setPage(1);
  };
  return { id, filters, setFilter, page, setPage, explain, setExplain, compareWith, setCompareWith, changes, compare };
}

type State = ReturnType<typeof useScenarioChanges>;

function useColumns(onExplain: (r: ChangeRow) => void): TableColumnsType<ChangeRow> {
  const t = useAnalysisText();
  return [
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
        <Button size="small" onClick={() => onExplain(r)}>
          {t('explain')}
        </Button>
      ),
    },
  ];
}

/** 变化、村 and 对比方案 above the list. */
function ChangeFilters({ s, d, others }: { s: State; d: ScenarioDetail; others: ScenarioRow[] }) {
  const t = useAnalysisText();
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Select
        allowClear
        placeholder={t('change')}
        style={{ width: 120 }}
        value={s.filters.change}
        onChange={(v) => s.setFilter('change', v)}
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
        value={s.filters.orgCode}
        onChange={(v) => s.setFilter('orgCode', v)}
        options={d.byVillage.map((v) => ({ value: v.code, label: v.name }))}
      />
      <Select
        allowClear
        placeholder={t('compareWith')}
        style={{ width: 200 }}
        value={s.compareWith}
        onChange={s.setCompareWith}
        options={others.map((o) => ({ value: o.id, label: `${o.name}（${o.period}）` }))}
      />
    </Space>
  );
}

/** The households that enter or leave, filtered, with the comparison and each one's 判断依据. */
export function ScenarioChanges({ s, d, others }: { s: State; d: ScenarioDetail; others: ScenarioRow[] }) {
  const t = useAnalysisText();
  const columns = useColumns(s.setExplain);
  const compared = s.compare.data;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('changes')}
      </Typography.Title>
      <ChangeFilters s={s} d={d} others={others} />
      {compared && (
        <Descriptions size="small" bordered column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={`${compared.b.name} · ${t('proposed')}`}>
            {compared.b.totals.proposed}
          </Descriptions.Item>
          <Descriptions.Item label={t('onlyA')}>{compared.onlyA ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('onlyB')}>{compared.onlyB ?? '—'}</Descriptions.Item>
        </Descriptions>
      )}
      <Table<ChangeRow>
        rowKey="householdId"
        size="middle"
        data-testid="scenario-changes"
        columns={columns}
        loading={s.changes.isLoading}
        dataSource={s.changes.data?.items ?? []}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('empty') }}
        pagination={{
          current: s.page,
          pageSize: 10,
          total: s.changes.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 户`,
          onChange: s.setPage,
        }}
      />
      <ScenarioExplainDrawer scenarioId={s.id} row={s.explain} onClose={() => s.setExplain(null)} />
    </>
  );
}
