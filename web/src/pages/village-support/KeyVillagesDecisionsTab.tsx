import { useQuery } from '@tanstack/react-query';
import { Button, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { fetchDecision, fetchDecisions, keyVillageKeys } from '#web/api/key-villages.ts';
import { LedgerList } from '#web/components/LedgerListCard.tsx';
import { QueryState } from '#web/components/states.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { useMessages } from '#web/i18n/useI18n.ts';
import { KEY_VILLAGE_TEXT } from './keyVillagesText.ts';

export function DecisionsTab() {
  const t = useMessages(KEY_VILLAGE_TEXT);
  const list = usePagedList({
    key: keyVillageKeys.decisions(),
    filterKeys: [] as const,
    fetch: (_, p) => fetchDecisions({ ...p }),
    prefix: 'decisions', // its own page and sort in the address (the sheet tab has the plain names)
  });
  const [open, setOpen] = useState<{ id: number; docNo: string } | null>(null);
  type D = (typeof list.rows)[number];
  return (
    <LedgerList<D, never>
      list={list}
      rowKey="id"
      testId="key-village-decisions"
      emptyText={t('noDecisions')}
      scrollX={900}
      columns={[
        { title: t('docNo'), dataIndex: 'docNo', width: 180, fixed: 'left' },
        { title: t('year'), dataIndex: 'year', width: 70 },
        { title: t('decidedOn'), dataIndex: 'decidedOn', ...list.sortable('decidedOn'), width: 110 },
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
    >
      {open && <DecisionVillages id={open.id} docNo={open.docNo} onClose={() => setOpen(null)} />}
    </LedgerList>
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
