import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import {
  collectiveExportUrl,
  collectiveKeys,
  fetchCollective,
  fetchVillageHistory,
  saveCollective,
  type CollectivePage,
} from '#web/api/village-economy.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { LedgerList, LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { QueryState } from '#web/components/states.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { useMessages } from '#web/i18n/useI18n.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { toFen, yuan } from '../projects/text.ts';
import { COLLECTIVE_TEXT } from './text.ts';

type Row = CollectivePage['items'][number];
const SOURCES = ['assetFen', 'photovoltaicFen', 'landFen', 'operationsFen', 'otherFen'] as const;

/** 村集体经济: the villages of a year with their income by source, township totals, weak villages, entry. */
export default function CollectiveEconomyPage() {
  const t = useMessages(COLLECTIVE_TEXT);
  const { data: actor } = useActor();
  const canWrite = hasPermission(actor, 'programmes:write') && actor?.role !== 'auditor';
  const thisYear = chinaToday().year();
  const list = usePagedList({
    key: collectiveKeys.list(),
    filterKeys: ['year', 'orgCode', 'status', 'q'] as const,
    fetch: (f, p) => fetchCollective({ ...f, year: f.year ?? thisYear - 1, ...p }),
  });
  const year = Number(list.filters.year ?? thisYear - 1);
  const [editing, setEditing] = useState<Row | null>(null);
  const [history, setHistory] = useState<Row | null>(null);
  const data = list.query.data;
  const columns: TableColumnsType<Row> = [
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('orgCode'), width: 100, fixed: 'left' },
    { title: t('township'), dataIndex: 'townshipName', width: 90 },
    ...SOURCES.map((k) => ({
      title: t(k),
      dataIndex: k,
      width: 120,
      align: 'right' as const,
      render: (v: number, r: Row) => (r.entered ? yuan(v) : '—'),
    })),
    {
      title: t('total'),
      dataIndex: 'totalFen',
      ...list.sortable('totalFen'),
      width: 120,
      align: 'right',
      render: (v: number, r) => (r.entered ? yuan(v) : '—'),
    },
    {
      title: t('status'),
      key: 'status',
      width: 90,
      render: (_, r) =>
        !r.entered ? (
          <Tag>{t('missing')}</Tag>
        ) : r.weak ? (
          <Tag color="orange">{t('weak')}</Tag>
        ) : (
          <Tag color="green">{t('entered')}</Tag>
        ),
    },
    {
      title: t('ledger'),
      key: 'ledger',
      width: 190,
      render: (_, r) => t('ledgerText', { pv: yuan(r.ledger.photovoltaicFen), other: yuan(r.ledger.assetFen) }),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 130,
      render: (_, r) => (
        <Space size="small">
          {canWrite && (
            <Button
              size="small"
              type="link"
              data-testid={`collective-enter-${r.orgCode}`}
              onClick={() => setEditing(r)}
            >
              {r.entered ? t('correct') : t('enter')}
            </Button>
          )}
          <Button size="small" type="link" onClick={() => setHistory(r)}>
            {t('history')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <LedgerListCard title={t('title')} testId="collective-economy-page" intro={t('intro')}>
      {data && (
        <Typography.Paragraph data-testid="collective-weak-line">
          {t('weakLine', { amount: yuan(data.weakLineFen) })}
          {data.weakLineNotFound && <Typography.Text type="secondary">{t('weakLineNotFound')}</Typography.Text>}
        </Typography.Paragraph>
      )}
      <LedgerList
        list={list}
        filters={[
          {
            kind: 'year',
            key: 'year',
            label: t('year'),
            value: year,
            years: Array.from({ length: 6 }, (_, i) => thisYear - i),
          },
          { kind: 'org' },
          {
            kind: 'select',
            key: 'status',
            placeholder: t('status'),
            width: 110,
            options: [
              { value: 'entered', label: t('entered') },
              { value: 'missing', label: t('missing') },
              { value: 'weak', label: t('weak') },
            ],
          },
          { kind: 'search', key: 'q', placeholder: t('search'), width: 150 },
        ]}
        exportUrl={collectiveExportUrl({ ...list.filters, year })}
        exportText={t('export')}
        between={
          <>
            {data && data.townships.length > 0 && (
              <Table
                size="small"
                rowKey="code"
                data-testid="collective-townships"
                style={{ marginBottom: 16 }}
                pagination={false}
                scroll={{ x: 520 }}
                dataSource={data.townships}
                columns={[
                  { title: t('township'), dataIndex: 'name', width: 110, fixed: 'left' },
                  { title: t('villages'), dataIndex: 'villages', width: 70, align: 'right' },
                  { title: t('entered'), dataIndex: 'entered', width: 80, align: 'right' },
                  { title: t('weak'), dataIndex: 'weak', width: 80, align: 'right' },
                  {
                    title: t('total'),
                    dataIndex: 'totalFen',
                    width: 140,
                    align: 'right',
                    render: (v: number) => yuan(v),
                  },
                ]}
                summary={() =>
                  data.townships.length > 1 ? (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>{t('allTotal')}</Table.Summary.Cell>
                      <Table.Summary.Cell index={1} colSpan={3} />
                      <Table.Summary.Cell index={2} align="right">
                        {yuan(data.totalFen)}
                      </Table.Summary.Cell>
                    </Table.Summary.Row>
                  ) : null
                }
              />
            )}
          </>
        }
        rowKey="orgCode"
        testId="collective-villages"
        columns={columns}
        emptyText={t('empty')}
        scrollX={1400}
      />
      {editing && <EntryModal row={editing} onClose={() => setEditing(null)} />}
      {history && <HistoryModal row={history} onClose={() => setHistory(null)} />}
    </LedgerListCard>
  );
}

type EntryValues = Record<(typeof SOURCES)[number], number> & { note?: string };

function EntryModal({ row, onClose }: { row: Row; onClose: () => void }) {
  const t = useMessages(COLLECTIVE_TEXT);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EntryValues>();
  const initial = Object.fromEntries(SOURCES.map((k) => [k, row[k] / 100])) as unknown as EntryValues;
  if (!row.entered) {
    initial.photovoltaicFen = row.ledger.photovoltaicFen / 100;
    initial.assetFen = row.ledger.assetFen / 100;
  }
  return (
    <FormModal<EntryValues, unknown>
      open
      onClose={onClose}
      title={t('formTitle', { village: row.villageName, year: row.year })}
      form={form}
      initialValues={{ ...initial, note: row.note ?? undefined }}
      send={(v) =>
        saveCollective(row.orgCode, row.year, {
          assetFen: toFen(v.assetFen),
          photovoltaicFen: toFen(v.photovoltaicFen),
          landFen: toFen(v.landFen),
          operationsFen: toFen(v.operationsFen),
          otherFen: toFen(v.otherFen),
          note: v.note?.trim() || undefined,
        })
      }
      onDone={async () => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: collectiveKeys.all });
      }}
    >
      {(row.ledger.photovoltaicFen > 0 || row.ledger.assetFen > 0) && (
        <Button
          size="small"
          style={{ marginBottom: 12 }}
          onClick={() =>
            form.setFieldsValue({
              photovoltaicFen: row.ledger.photovoltaicFen / 100,
              assetFen: row.ledger.assetFen / 100,
            })
          }
        >
          {t('useLedger')}
        </Button>
      )}
      <Space wrap>
        {SOURCES.map((k) => (
          <Form.Item key={k} name={k} label={t(k)} rules={[{ required: true, message: t('required') }]}>
            <InputNumber min={0} precision={2} style={{ width: 160 }} />
          </Form.Item>
        ))}
      </Space>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function HistoryModal({ row, onClose }: { row: Row; onClose: () => void }) {
  const t = useMessages(COLLECTIVE_TEXT);
  const query = useQuery({
    queryKey: collectiveKeys.village(row.orgCode),
    queryFn: () => fetchVillageHistory(row.orgCode),
  });
  return (
    <Modal open title={t('historyTitle', { village: row.villageName })} onCancel={onClose} footer={null} width={760}>
      <QueryState query={query}>
        {(h) => (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 640 }}
            dataSource={h.entries}
            columns={[
              { title: t('year'), dataIndex: 'year', width: 70, fixed: 'left' },
              { title: t('total'), dataIndex: 'totalFen', width: 120, align: 'right', render: (v: number) => yuan(v) },
              {
                title: t('status'),
                dataIndex: 'supersededAt',
                width: 90,
                render: (v: string | null) =>
                  v ? <Tag>{t('superseded')}</Tag> : <Tag color="green">{t('current')}</Tag>,
              },
              { title: t('enteredBy'), dataIndex: 'createdByName', width: 100, render: (v: string | null) => v ?? '—' },
              {
                title: t('enteredAt'),
                dataIndex: 'createdAt',
                width: 150,
                render: (v: string) => new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
              },
              { title: t('note'), dataIndex: 'note', width: 160, render: (v: string | null) => v ?? '' },
            ]}
          />
        )}
      </QueryState>
    </Modal>
  );
}
