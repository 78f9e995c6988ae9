import { Button, Radio, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { LOAN_PURPOSES, RENEWAL_KINDS } from '#common/domain/microloans/codes.ts';
import { zhOf } from '#common/domain/posts/codes.ts';
import { fetchLoans, importLoansFile, loansExportUrl, type LoanPage } from '#web/api/microloans.ts';
import { keys } from '#web/api/queryKeys.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { HouseholdLink } from '#web/components/HouseholdLink.tsx';
import { LedgerList, LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { yuan } from '../projects/text.ts';
import { LoanStatusTag } from './LoanStatusTag.tsx';
import { useMicroloansText } from './text.ts';
import { XlsxImportButton } from '#web/components/XlsxImportButton.tsx';

type LoanRowT = LoanPage['items'][number];
const purposeOptions = LOAN_PURPOSES.map((x) => ({ value: x.code, label: x.zh }));

/** 小额信贷: the loans of the households in scope (paged, filtered, exported); the overdue list is status=overdue. */
export default function MicroloansPage() {
  const t = useMicroloansText();
  const { data: actor } = useActor();
  const canWrite = hasPermission(actor, 'programmes:write') && actor?.role !== 'auditor';
  const list = usePagedList({
    key: keys.microloans.list(),
    filterKeys: ['orgCode', 'status', 'purpose', 'bank', 'q'] as const,
    fetch: (f, p) => fetchLoans({ ...f, ...p }),
    defaultSort: { sort: 'issuedOn', order: 'desc' },
  });
  const columns: TableColumnsType<LoanRowT> = [
    { title: t('borrower'), dataIndex: 'borrowerName', width: 90, fixed: 'left' },
    {
      title: t('householdNo'),
      dataIndex: 'householdNo',
      width: 170,
      render: (no: string | null, r) => (no ? <HouseholdLink id={r.householdId}>{no}</HouseholdLink> : '—'),
    },
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('orgCode'), width: 100 },
    { title: t('bank'), dataIndex: 'bank', width: 160 },
    { title: t('purpose'), dataIndex: 'purpose', width: 100, render: (v: string) => zhOf(LOAN_PURPOSES, v) },
    {
      title: t('amount'),
      dataIndex: 'amountFen',
      ...list.sortable('amountFen'),
      width: 120,
      align: 'right',
      render: (v: number) => yuan(v),
    },
    { title: t('term'), dataIndex: 'termMonths', width: 80, align: 'right' },
    { title: t('rate'), dataIndex: 'rateBp', width: 90, align: 'right', render: (v: number) => (v / 100).toFixed(2) },
    { title: t('issuedOn'), dataIndex: 'issuedOn', ...list.sortable('issuedOn'), width: 110 },
    { title: t('dueOn'), dataIndex: 'dueOn', ...list.sortable('dueOn'), width: 110 },
    {
      title: t('outstanding'),
      dataIndex: 'outstandingFen',
      ...list.sortable('outstandingFen'),
      width: 120,
      align: 'right',
      render: (v: number) => yuan(v),
    },
    {
      title: t('subsidyPaid'),
      dataIndex: 'subsidyPaidFen',
      width: 110,
      align: 'right',
      render: (v: number) => yuan(v),
    },
    {
      title: t('status'),
      key: 'status',
      width: 150,
      render: (_, r) => (
        <Space size={4} wrap>
          <LoanStatusTag loan={r} />
          {r.renewalKind && <Tag color="blue">{zhOf(RENEWAL_KINDS, r.renewalKind)}</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <LedgerListCard title={t('title')} testId="microloans-page" extra={canWrite && <ImportButton />} intro={t('intro')}>
      <LedgerList
        list={list}
        above={
          <Radio.Group
            optionType="button"
            style={{ marginBottom: 12 }}
            data-testid="microloans-status"
            value={list.filters.status ?? ''}
            onChange={(e) => list.setFilter('status', e.target.value || undefined)}
            options={[
              { value: '', label: t('all') },
              { value: 'active', label: t('active') },
              { value: 'overdue', label: t('overdue') },
              { value: 'repaid', label: t('repaid') },
              { value: 'renewed', label: t('renewed') },
            ]}
          />
        }
        barStyle={{ display: 'flex' }}
        filters={[
          { kind: 'org' },
          { kind: 'select', key: 'purpose', placeholder: t('purpose'), width: 140, options: purposeOptions },
          { kind: 'search', key: 'bank', placeholder: t('searchBank'), width: 150 },
          { kind: 'search', key: 'q', placeholder: t('search') },
        ]}
        exportUrl={loansExportUrl(list.filters)}
        exportText={t('export')}
        actions={
          canWrite && (
            <Button type="link" href="/api/microloans/import/template.xlsx" download>
              {t('template')}
            </Button>
          )
        }
        rowKey="id"
        testId="microloans-list"
        columns={columns}
        emptyText={t('empty')}
        scrollX={1500}
      />
    </LedgerListCard>
  );
}

/** 导入银行放款明细 .xlsx: a dry run first (rows and per-row errors), then the import of a clean file. */
function ImportButton() {
  const t = useMicroloansText();
  return (
    <XlsxImportButton
      label={t('import')}
      title={t('importTitle')}
      importFile={importLoansFile}
      invalidate={keys.microloans.all}
      errorsOf={(r) => r.errors.map((e) => ({ row: e.row, column: e.field, message: e.message }))}
      doneText={(r) => t('importDone', { created: r.created })}
    />
  );
}
