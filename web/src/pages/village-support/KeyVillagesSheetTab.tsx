import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { FACTORS, HAND_FACTORS, type HandFactor } from '#common/domain/key-villages/rules.ts';
import { levelOfCode } from '#common/domain/org-code.ts';
import {
  fetchSheet,
  keyVillageKeys,
  saveScores,
  sheetExportUrl,
  type SheetPage,
  type SheetRow,
} from '#web/api/key-villages.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { LedgerList } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { useI18n, useMessages } from '#web/i18n/useI18n.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { yuan } from '../projects/text.ts';
import { KEY_VILLAGE_TEXT } from './keyVillagesText.ts';
import { DecisionModal } from './KeyVillagesDecisionModal.tsx';

function useIsCounty() {
  const { data: actor } = useActor();
  return !!actor && hasPermission(actor, 'programmes:write') && levelOfCode(actor.orgCode) === 'county';
}

export function SheetTab() {
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
