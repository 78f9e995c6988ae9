import { Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { CLAIM_CAUSES, CLAIM_STATUSES } from '#common/domain/insurance/codes.ts';
import { zhOf } from '#common/domain/posts/codes.ts';
import {
  claimsExportUrl,
  fetchClaims,
  fetchPolicies,
  fetchUncovered,
  importClaimsFile,
  insuranceKeys,
  type ClaimPage,
  type PolicyPage,
  type UncoveredPage,
  uncoveredExportUrl,
} from '#web/api/insurance.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { HouseholdLink } from '#web/components/HouseholdLink.tsx';
import { LedgerList, LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { yuan } from '../projects/text.ts';
import { useInsuranceText } from './text.ts';
import { XlsxImportButton } from '#web/components/XlsxImportButton.tsx';

type ClaimRowT = ClaimPage['items'][number];
type PolicyRowT = PolicyPage['items'][number];
type UncoveredRowT = UncoveredPage['items'][number];

const causeOptions = CLAIM_CAUSES.map((x) => ({ value: x.code, label: x.zh }));
const statusOptions = CLAIM_STATUSES.map((x) => ({ value: x.code, label: x.zh }));
const statusColor: Record<string, string> = { filed: 'blue', paid: 'green', refused: 'default' };

function yearOptions() {
  const y = chinaToday().year();
  return [y + 1, y, y - 1, y - 2, y - 3].map((v) => ({ value: String(v), label: String(v) }));
}

/** 防贫保险: claims, insured households by year and the households not insured (paged, filtered, exported). */
export default function InsurancePage() {
  const t = useInsuranceText();
  const { data: actor } = useActor();
  const canWrite = hasPermission(actor, 'programmes:write') && actor?.role !== 'auditor';
  return (
    <LedgerListCard
      title={t('title')}
      testId="insurance-page"
      extra={canWrite && <ImportButton />}
      intro={t('intro')}
      tabs={[
        { key: 'claims', label: t('tabClaims'), children: <ClaimsTab /> },
        { key: 'policies', label: t('tabPolicies'), children: <PoliciesTab /> },
        { key: 'uncovered', label: t('tabUncovered'), children: <UncoveredTab /> },
      ]}
    />
  );
}

function householdColumn<R extends { householdId: number; householdNo: string | null }>(title: string) {
  return {
    title,
    dataIndex: 'householdNo',
    width: 170,
    render: (no: string | null, r: R) => (no ? <HouseholdLink id={r.householdId}>{no}</HouseholdLink> : '—'),
  };
}

function ClaimsTab() {
  const t = useInsuranceText();
  const list = usePagedList({
    key: insuranceKeys.claims(),
    filterKeys: ['orgCode', 'year', 'status', 'cause', 'q'] as const,
    fetch: (f, p) => fetchClaims({ ...f, ...p }),
    defaultSort: { sort: 'claimedOn', order: 'desc' },
  });
  const columns: TableColumnsType<ClaimRowT> = [
    { title: t('head'), dataIndex: 'headName', width: 90, fixed: 'left' },
    householdColumn<ClaimRowT>(t('householdNo')),
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('orgCode'), width: 100 },
    { title: t('cause'), dataIndex: 'cause', width: 120, render: (v: string) => zhOf(CLAIM_CAUSES, v) },
    { title: t('claimedOn'), dataIndex: 'claimedOn', ...list.sortable('claimedOn'), width: 110 },
    {
      title: t('amount'),
      dataIndex: 'amountFen',
      ...list.sortable('amountFen'),
      width: 120,
      align: 'right',
      render: (v: number) => yuan(v),
    },
    {
      title: t('status'),
      dataIndex: 'status',
      width: 90,
      render: (v: string) => <Tag color={statusColor[v]}>{zhOf(CLAIM_STATUSES, v)}</Tag>,
    },
    { title: t('paidOn'), dataIndex: 'paidOn', ...list.sortable('paidOn'), width: 110, render: (v) => v ?? '—' },
    { title: t('insurer'), dataIndex: 'insurer', width: 180 },
    { title: t('note'), dataIndex: 'note', width: 160, render: (v: string | null) => v ?? '' },
  ];
  return (
    <LedgerList
      list={list}
      filters={[
        { kind: 'org' },
        { kind: 'select', key: 'year', placeholder: t('year'), width: 100, options: yearOptions() },
        { kind: 'select', key: 'status', placeholder: t('status'), width: 110, options: statusOptions },
        { kind: 'select', key: 'cause', placeholder: t('cause'), width: 140, options: causeOptions },
        { kind: 'search', key: 'q', placeholder: t('search') },
      ]}
      exportUrl={claimsExportUrl(list.filters)}
      exportText={t('export')}
      rowKey="id"
      testId="insurance-claims"
      columns={columns}
      emptyText={t('empty')}
      scrollX={1250}
    />
  );
}

function PoliciesTab() {
  const t = useInsuranceText();
  const list = usePagedList({
    key: insuranceKeys.policies(),
    prefix: 'policies', // its own page and sort in the address (the first tab has the plain names)
    filterKeys: ['orgCode', 'year', 'q'] as const,
    fetch: (f, p) => fetchPolicies({ ...f, ...p }),
    defaultSort: { sort: 'orgCode', order: 'asc' },
  });
  const columns: TableColumnsType<PolicyRowT> = [
    { title: t('head'), dataIndex: 'headName', width: 90, fixed: 'left' },
    householdColumn<PolicyRowT>(t('householdNo')),
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('orgCode'), width: 100 },
    { title: t('year'), dataIndex: 'year', ...list.sortable('year'), width: 80 },
    { title: t('insurer'), dataIndex: 'insurer', width: 180 },
    { title: t('premium'), dataIndex: 'premiumFen', width: 100, align: 'right', render: (v: number) => yuan(v) },
    { title: t('claims'), dataIndex: 'claims', width: 90, align: 'right' },
    {
      title: t('paidTotal'),
      dataIndex: 'paidFen',
      ...list.sortable('paidFen'),
      width: 120,
      align: 'right',
      render: (v: number) => yuan(v),
    },
  ];
  return (
    <LedgerList
      list={list}
      filters={[
        { kind: 'org' },
        { kind: 'select', key: 'year', placeholder: t('year'), width: 100, options: yearOptions() },
        { kind: 'search', key: 'q', placeholder: t('search') },
      ]}
      rowKey="id"
      columns={columns}
      emptyText={t('empty')}
      scrollX={950}
    />
  );
}

function UncoveredTab() {
  const t = useInsuranceText();
  const list = usePagedList({
    key: insuranceKeys.uncovered(),
    prefix: 'uncovered', // its own page and sort in the address (the first tab has the plain names)
    filterKeys: ['orgCode', 'year'] as const,
    fetch: (f, p) => fetchUncovered({ ...f, ...p }),
    defaultSort: { sort: 'orgCode', order: 'asc' },
  });
  const columns: TableColumnsType<UncoveredRowT> = [
    { title: t('head'), dataIndex: 'headName', width: 90, fixed: 'left' },
    { ...householdColumn<UncoveredRowT>(t('householdNo')), ...list.sortable('householdNo') },
    { title: t('township'), dataIndex: 'townshipName', width: 90 },
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('orgCode'), width: 100 },
    {
      title: t('reason'),
      dataIndex: 'reason',
      width: 110,
      render: (v: string) =>
        v === 'monitored' ? <Tag color="red">{t('reasonMonitored')}</Tag> : <Tag>{t('reasonAlleviated')}</Tag>,
    },
  ];
  return (
    <LedgerList
      list={list}
      filters={[
        { kind: 'org' },
        {
          kind: 'select',
          key: 'year',
          placeholder: t('year'),
          width: 100,
          options: yearOptions(),
          clearable: false,
          fallback: String(chinaToday().year()),
        },
      ]}
      exportUrl={uncoveredExportUrl(list.filters)}
      exportText={t('export')}
      rowKey="householdId"
      testId="insurance-uncovered"
      columns={columns}
      emptyText={t('uncoveredEmpty')}
      scrollX={600}
    />
  );
}

/** 导入 .xlsx: a dry run first (rows and per-row errors), then the import of a clean file. */
function ImportButton() {
  const t = useInsuranceText();
  return (
    <XlsxImportButton
      label={t('import')}
      title={t('importTitle')}
      importFile={importClaimsFile}
      invalidate={insuranceKeys.all}
      errorsOf={(r) => r.errors.map((e) => ({ row: e.row, column: e.field, message: e.message }))}
      doneText={(r) => t('importDone', { created: r.created, paid: r.paid })}
    />
  );
}
