import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FACTORS, HAND_FACTORS, type HandFactor } from '../../../../common/domain/key-villages/rules.ts';
import { levelOfCode } from '../../../../common/domain/org-code.ts';
import {
  createDecision,
  fetchDecision,
  fetchDecisions,
  fetchSheet,
  keyVillageKeys,
  saveScores,
  sheetExportUrl,
  type SheetPage,
  type SheetRow,
} from '../../api/key-villages.ts';
import { keys } from '../../api/queryKeys.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { chinaToday } from '../../components/chinaDay.ts';
import { LedgerList, LedgerListCard } from '../../components/LedgerListCard.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { QueryState } from '../../components/states.tsx';
import { usePagedList } from '../../components/usePagedList.ts';
import { useI18n, useMessages } from '../../i18n/useI18n.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { yuan } from '../projects/text.ts';
import { KEY_VILLAGE_TEXT } from './keyVillagesText.ts';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

function useIsCounty() {
  const { data: actor } = useActor();
  return !!actor && hasPermission(actor, 'programmes:write') && levelOfCode(actor.orgCode) === 'county';
}

/** 重点帮扶村和示范村: the ranked scoring sheet of a year (county-wide), the county's hand scores and decisions. */
export default function KeyVillagesPage() {
  const t = useMessages(KEY_VILLAGE_TEXT);
  return (
    <LedgerListCard
      title={t('title')}
      testId="key-villages-page"
      intro={t('intro')}
      tabs={[
        { key: 'sheet', label: t('tabSheet'), children: <SheetTab /> },
        { key: 'decisions', label: t('tabDecisions'), children: <DecisionsTab /> },
      ]}
    />
  );
}

function SheetTab() {
  const t = useMessages(KEY_VILLAGE_TEXT);
  const { pick } = useI18n();
  const isCounty = useIsCounty();
  const thisYear = chinaToday().year();
  const list = usePagedList({
    key: keyVillageKeys.sheet(),
    filterKeys: ['year', 'orgCode', 'status', 'q'] as const,
    fetch: (f, p) => fetchSheet({ ...f, year: f.year ?? thisYear - 1, ...p }),
    defaultSort: { sort: 'rank', order: 'asc' },
  });
  const year = Number(list.filters.year ?? thisYear - 1);
  const [scoring, setScoring] = useState<SheetRow | null>(null);
  const [deciding, setDeciding] = useState(false);
  const data = list.query.data;
  const hand = (f: HandFactor) => ({
    title: t(f),
    key: f,
    width: 90,
    align: 'right' as const,
    render: (_: unknown, r: SheetRow) =>
      r.facts[f] === null ? <Typography.Text type="secondary">{t('notScored')}</Typography.Text> : r.facts[f],
  });
  const columns: TableColumnsType<SheetRow> = [
    { title: t('village'), dataIndex: 'villageName', width: 100, fixed: 'left' },
    {
      title: t('rank'),
      dataIndex: 'rank',
      ...list.sortable('rank'),
      width: 80,
      render: (v: number | null) => v ?? '—',
    },
    { title: t('township'), dataIndex: 'townshipName', width: 90 },
    {
      title: t('score'),
      dataIndex: 'score',
      ...list.sortable('score'),
      width: 100,
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : v.toFixed(1)),
    },
    {
      title: t('alleviatedPopulation'),
      key: 'alleviatedPopulation',
      width: 110,
      align: 'right',
      render: (_, r) => r.facts.alleviatedPopulation ?? '—',
    },
    {
      title: t('collectiveIncome'),
      key: 'collectiveIncome',
      width: 130,
      align: 'right',
      render: (_, r) =>
        r.facts.collectiveIncome === null ? (
          <Typography.Text type="secondary">{t('notEntered')}</Typography.Text>
        ) : (
          yuan(r.facts.collectiveIncome)
        ),
    },
    ...HAND_FACTORS.map(hand),
    {
      title: t('decided'),
      dataIndex: 'decided',
      width: 110,
      render: (v: SheetRow['decided']) =>
        v === 'key' ? <Tag color="red">{t('key')}</Tag> : v === 'demo' ? <Tag color="green">{t('demo')}</Tag> : null,
    },
    {
      title: t('missing'),
      dataIndex: 'missing',
      width: 200,
      render: (v: string[]) =>
        v
          .map((m) => {
            const factor = FACTORS.find((f) => f.code === m);
            return factor ? pick(factor.zh, factor.en) : m;
          })
          .join(pick('、', ', ')),
    },
    ...(isCounty
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, r: SheetRow) => (
              <Button size="small" type="link" data-testid={`key-score-${r.orgCode}`} onClick={() => setScoring(r)}>
                {t('doScore')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <LedgerList
      list={list}
      above={data && <SheetHeader data={data} />}
      filters={[
        {
          kind: 'year',
          key: 'year',
          label: t('year'),
          value: year,
          years: Array.from({ length: 6 }, (_, i) => thisYear + 1 - i),
        },
        { kind: 'org' },
        {
          kind: 'select',
          key: 'status',
          placeholder: t('status'),
          width: 130,
          options: (['scored', 'unscored', 'key', 'demo'] as const).map((s) => ({ value: s, label: t(s) })),
        },
        { kind: 'search', key: 'q', placeholder: t('search'), width: 150 },
      ]}
      exportUrl={sheetExportUrl({ ...list.filters, year })}
      exportText={t('export')}
      actions={
        isCounty && (
          <Button type="primary" onClick={() => setDeciding(true)}>
            {t('decide')}
          </Button>
        )
      }
      rowKey="orgCode"
      testId="key-village-sheet"
      columns={columns}
      emptyText={t('empty')}
      scrollX={1400}
    >
      {scoring && <ScoreModal row={scoring} onClose={() => setScoring(null)} />}
      {deciding && <DecisionModal year={year} onClose={() => setDeciding(false)} />}
    </LedgerList>
  );
}

function SheetHeader({ data }: { data: SheetPage }) {
  const t = useMessages(KEY_VILLAGE_TEXT);
  const { pick } = useI18n();
  const f = data.inForce;
  return (
    <>
      <Typography.Paragraph data-testid="key-village-in-force">
        <Typography.Text strong>
          {f ? t('inForce', { docNo: f.docNo, year: f.year, date: f.decidedOn }) : t('noDecision')}
        </Typography.Text>
        <Typography.Text type="secondary"> {t('countyWide', { n: data.countyVillages })}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph data-testid="key-village-weights">
        {t('weights')}：
        {data.weights
          .map((w) => {
            const factor = FACTORS.find((x) => x.code === w.factor);
            return `${factor ? pick(factor.zh, factor.en) : w.factor} ${w.weight}`;
          })
          .join(pick('、', ', '))}
        {data.weights.some((w) => w.notFound) && (
          <Typography.Text type="secondary">{t('weightsNotFound')}</Typography.Text>
        )}
      </Typography.Paragraph>
    </>
  );
}

type ScoreValues = Record<HandFactor, number | null> & { note?: string };

function ScoreModal({ row, onClose }: { row: SheetRow; onClose: () => void }) {
  const t = useMessages(KEY_VILLAGE_TEXT);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ScoreValues>();
  return (
    <FormModal<ScoreValues, unknown>
      open
      onClose={onClose}
      title={t('scoreTitle', { village: row.villageName, year: row.year })}
      form={form}
      initialValues={{
        location: row.facts.location,
        publicService: row.facts.publicService,
        infrastructure: row.facts.infrastructure,
        resources: row.facts.resources,
        note: row.note ?? undefined,
      }}
      send={(v) =>
        saveScores(row.orgCode, row.year, {
          location: v.location ?? null,
          publicService: v.publicService ?? null,
          infrastructure: v.infrastructure ?? null,
          resources: v.resources ?? null,
          note: v.note?.trim() || undefined,
        })
      }
      onDone={async () => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: keyVillageKeys.all });
      }}
    >
      <Space wrap>
        {HAND_FACTORS.map((f) => (
          <Form.Item key={f} name={f} label={t(f)}>
            <InputNumber min={0} max={100} precision={1} style={{ width: 120 }} />
          </Form.Item>
        ))}
      </Space>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

interface DecisionValues {
  year: number;
  docNo: string;
  decidedOn: Dayjs;
  keyVillages: string[];
  demoVillages: string[];
  note?: string;
}

function DecisionModal({ year, onClose }: { year: number; onClose: () => void }) {
  const t = useMessages(KEY_VILLAGE_TEXT);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DecisionValues>();
  const [topN, setTopN] = useState(10);
  const [bottomN, setBottomN] = useState(2);
  const chosenYear = Form.useWatch('year', form) ?? year;
  // Every village of the county in rank order (a county has about 200; the page size limit is 200).
  const villages = useQuery({
    queryKey: keyVillageKeys.options(chosenYear),
    queryFn: () => fetchSheet({ year: chosenYear, page: 1, pageSize: 200, sort: 'rank', order: 'asc' }),
  });
  const rows = villages.data?.items ?? [];
  const ranked = rows.filter((r) => r.rank !== null);
  const options = rows.map((r) => ({
    value: r.orgCode,
    label: `${r.villageName}（${r.townshipName ?? ''}${r.rank ? `，第${r.rank}名` : ''}）`,
  }));
  return (
    <FormModal<DecisionValues, unknown>
      open
      onClose={onClose}
      title={t('decideTitle')}
      form={form}
      width={760}
      initialValues={{ year, decidedOn: chinaToday(), keyVillages: [], demoVillages: [] }}
      send={(v) =>
        createDecision({
          year: v.year,
          docNo: v.docNo,
          decidedOn: day(v.decidedOn),
          keyVillages: v.keyVillages,
          demoVillages: v.demoVillages ?? [],
          note: v.note?.trim() || undefined,
        })
      }
      onDone={async () => {
        message.success(t('decidedOk'));
        await queryClient.invalidateQueries({ queryKey: keyVillageKeys.all });
        await queryClient.invalidateQueries({ queryKey: keys.indicators.all });
        await queryClient.invalidateQueries({ queryKey: keys.residentTeams.all });
      }}
    >
      <Space wrap>
        <Form.Item name="year" label={t('year')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={2021} max={2100} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="docNo" label={t('docNo')} rules={[{ required: true, message: t('required') }]}>
          <Input style={{ width: 220 }} maxLength={100} />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('decidedOn')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Space wrap style={{ marginBottom: 8 }}>
        {t('topN')}
        <InputNumber min={1} max={200} value={topN} onChange={(v) => setTopN(v ?? 1)} style={{ width: 80 }} />
        {t('villagesUnit')}
        <Button
          size="small"
          disabled={ranked.length === 0}
          onClick={() => form.setFieldsValue({ keyVillages: ranked.slice(0, topN).map((r) => r.orgCode) })}
        >
          {t('fillTop')}
        </Button>
      </Space>
      <Form.Item name="keyVillages" label={t('keyVillages')} rules={[{ required: true, message: t('required') }]}>
        <Select mode="multiple" options={options} optionFilterProp="label" loading={villages.isLoading} />
      </Form.Item>
      <Space wrap style={{ marginBottom: 8 }}>
        {t('bottomN')}
        <InputNumber min={1} max={50} value={bottomN} onChange={(v) => setBottomN(v ?? 1)} style={{ width: 80 }} />
        {t('villagesUnit')}
        <Button
          size="small"
          disabled={ranked.length === 0}
          onClick={() => form.setFieldsValue({ demoVillages: ranked.slice(-bottomN).map((r) => r.orgCode) })}
        >
          {t('fillBottom')}
        </Button>
      </Space>
      <Form.Item name="demoVillages" label={t('demoVillages')}>
        <Select mode="multiple" options={options} optionFilterProp="label" loading={villages.isLoading} />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

function DecisionsTab() {
  const t = useMessages(KEY_VILLAGE_TEXT);
  const query = useQuery({ queryKey: keyVillageKeys.decisions(), queryFn: fetchDecisions });
  const [open, setOpen] = useState<{ id: number; docNo: string } | null>(null);
  type D = NonNullable<typeof query.data>['items'][number];
  return (
    <>
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<D>
          rowKey="id"
          size="middle"
          data-testid="key-village-decisions"
          loading={query.isLoading}
          dataSource={query.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('noDecisions') }}
          scroll={{ x: 900 }}
          columns={[
            { title: t('docNo'), dataIndex: 'docNo', width: 180, fixed: 'left' },
            { title: t('year'), dataIndex: 'year', width: 70 },
            { title: t('decidedOn'), dataIndex: 'decidedOn', width: 110 },
            { title: t('keyCount'), dataIndex: 'keyCount', width: 100, align: 'right' },
            { title: t('demoCount'), dataIndex: 'demoCount', width: 90, align: 'right' },
            {
              title: t('status'),
              dataIndex: 'inForce',
              width: 90,
              render: (v: boolean) => (v ? <Tag color="green">{t('inForceTag')}</Tag> : <Tag>{t('superseded')}</Tag>),
            },
            { title: t('createdBy'), dataIndex: 'createdByName', width: 120, render: (v: string | null) => v ?? '—' },
            { title: t('note'), dataIndex: 'note', width: 180, render: (v: string | null) => v ?? '' },
            {
              title: t('actions'),
              key: 'view',
              width: 70,
              render: (_, r) => (
                <Button size="small" type="link" onClick={() => setOpen({ id: r.id, docNo: r.docNo })}>
                  {t('view')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {open && <DecisionVillages id={open.id} docNo={open.docNo} onClose={() => setOpen(null)} />}
    </>
  );
}

function DecisionVillages({ id, docNo, onClose }: { id: number; docNo: string; onClose: () => void }) {
  const t = useMessages(KEY_VILLAGE_TEXT);
  const query = useQuery({ queryKey: keyVillageKeys.decision(id), queryFn: () => fetchDecision(id) });
  return (
    <Modal open title={t('decisionTitle', { docNo })} onCancel={onClose} footer={null} width={700}>
      <QueryState query={query}>
        {(d) => (
          <Table
            size="small"
            rowKey="orgCode"
            pagination={false}
            scroll={{ x: 560 }}
            dataSource={d.villages}
            columns={[
              { title: t('village'), dataIndex: 'villageName', width: 100, fixed: 'left' },
              { title: t('township'), dataIndex: 'townshipName', width: 100 },
              {
                title: t('kind'),
                dataIndex: 'kind',
                width: 110,
                render: (v: 'key' | 'demo') => <Tag color={v === 'key' ? 'red' : 'green'}>{t(v)}</Tag>,
              },
              { title: t('rankThen'), dataIndex: 'rank', width: 100, render: (v: number | null) => v ?? '—' },
              {
                title: t('scoreThen'),
                dataIndex: 'score',
                width: 100,
                render: (v: number | null) => (v === null ? '—' : v.toFixed(1)),
              },
            ]}
          />
        )}
      </QueryState>
    </Modal>
  );
}
