import { Button, Segmented, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PETITION_EVENT_KINDS, PETITION_LEVELS, PETITION_SOURCES, zhOf } from '#common/domain/petitions/codes.ts';
import { fetchPetitions, petitionKeys, petitionsExportUrl } from '#web/api/petitions.ts';
import { LedgerList } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { options, StatusTag, yearOptions, type Row } from './petitionsShared.tsx';
import { usePetitionText } from './text.ts';

type Text = ReturnType<typeof usePetitionText>;
type Sortable = (columnKey: string) => object;

function HouseholdsCell({ row }: { row: Row }) {
  const t = usePetitionText();
  if (row.households === 0) return '—';
  return (
    <span>
      {row.households}
      {row.atRiskHouseholds > 0 && (
        <Tag color="red" style={{ marginLeft: 4 }}>
          {t('atRisk')} {row.atRiskHouseholds}
        </Tag>
      )}
    </span>
  );
}

function columnsOf(t: Text, sortable: Sortable, onOpen: (id: number) => void): TableColumnsType<Row> {
  return [
    { title: t('eventTitle'), dataIndex: 'title', width: 200, fixed: 'left', ellipsis: true },
    { title: t('village'), dataIndex: 'villageName', ...sortable('orgCode'), width: 100 },
    { title: t('township'), dataIndex: 'townshipName', width: 90 },
    { title: t('kind'), dataIndex: 'kind', width: 70, render: (v: string) => zhOf(PETITION_EVENT_KINDS, v) },
    { title: t('source'), dataIndex: 'source', width: 100, render: (v: string) => zhOf(PETITION_SOURCES, v) },
    {
      title: t('level'),
      dataIndex: 'level',
      width: 70,
      render: (v: string) => (
        <Tag color={v === 'major' ? 'red' : v === 'serious' ? 'orange' : undefined}>{zhOf(PETITION_LEVELS, v)}</Tag>
      ),
    },
    { title: t('receivedOn'), dataIndex: 'receivedOn', ...sortable('receivedOn'), width: 110 },
    { title: t('deadlineOn'), dataIndex: 'deadlineOn', ...sortable('deadlineOn'), width: 110 },
    { title: t('status'), key: 'status', width: 120, render: (_, r) => <StatusTag row={r} /> },
    { title: t('households'), key: 'households', width: 100, render: (_, r) => <HouseholdsCell row={r} /> },
    {
      title: '',
      key: 'open',
      width: 70,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => onOpen(r.id)}>
          {t('view')}
        </Button>
      ),
    },
  ];
}

/** The register: status switch, filters in the address, 共 N 条, the .xlsx of what the filters select. */
export function PetitionsList({ onOpen }: { onOpen: (id: number) => void }) {
  const t = usePetitionText();
  const list = usePagedList({
    key: petitionKeys.list(),
    filterKeys: ['status', 'orgCode', 'kind', 'source', 'level', 'year', 'q'] as const,
    fetch: (f, p) => fetchPetitions({ ...f, ...p }),
    defaultSort: { sort: 'receivedOn', order: 'desc' },
  });
  return (
    <LedgerList
      list={list}
      above={
        <Segmented
          style={{ marginBottom: 12 }}
          value={list.filters.status ?? ''}
          onChange={(v) => list.setFilter('status', String(v) || undefined)}
          options={[
            { value: '', label: t('statusAll') },
            { value: 'open', label: t('statusOpen') },
            { value: 'overdue', label: t('statusOverdue') },
            { value: 'closed', label: t('statusClosed') },
          ]}
          data-testid="petition-status"
        />
      }
      barStyle={{ display: 'flex' }}
      filters={[
        { kind: 'org' },
        { kind: 'select', key: 'kind', placeholder: t('kind'), width: 100, options: options(PETITION_EVENT_KINDS) },
        { kind: 'select', key: 'source', placeholder: t('source'), width: 130, options: options(PETITION_SOURCES) },
        { kind: 'select', key: 'level', placeholder: t('level'), width: 100, options: options(PETITION_LEVELS) },
        { kind: 'select', key: 'year', placeholder: t('year'), width: 110, options: yearOptions },
        { kind: 'search', key: 'q', placeholder: t('search'), width: 220 },
      ]}
      exportUrl={petitionsExportUrl(list.filters)}
      exportText={t('export')}
      rowKey="id"
      testId="petitions"
      columns={columnsOf(t, list.sortable, onOpen)}
      table={{ onRow: (r) => ({ onDoubleClick: () => onOpen(r.id) }) }}
      emptyText={t('empty')}
      scrollX={1150}
    />
  );
}
