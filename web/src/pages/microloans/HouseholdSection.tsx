import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { EVENT_KINDS, LOAN_PURPOSES, RENEWAL_KINDS } from '#common/domain/microloans/codes.ts';
import { zhOf } from '#common/domain/posts/codes.ts';
import {
  createLoan,
  fetchHouseholdLoans,
  fetchSubsidyQuote,
  paySubsidy,
  renewLoan,
  repayLoan,
  type HouseholdLoans,
} from '#web/api/microloans.ts';
import { keys } from '#web/api/queryKeys.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { errorMessage } from '#web/components/errorMessage.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { toFen, yuan } from '../projects/text.ts';
import { LoanStatusTag } from './LoanStatusTag.tsx';
import { useMicroloansText } from './text.ts';

type Loan = HouseholdLoans['loans'][number];
type ModalState =
  | { kind: 'new' }
  | { kind: 'repay'; loan: Loan }
  | { kind: 'subsidy'; loan: Loan }
  | { kind: 'renew'; loan: Loan }
  | null;

/** 小额信贷 on the household page: its loans (current and past) with repayments and subsidies, and the writes. */
export function MicroloansHouseholdSection({ householdId }: { householdId: number }) {
  const t = useMicroloansText();
  const { data: actor } = useActor();
  const [modal, setModal] = useState<ModalState>(null);
  const readable = hasPermission(actor, 'programmes:read');
  const query = useQuery({
    queryKey: keys.microloans.household(householdId),
    queryFn: () => fetchHouseholdLoans(householdId),
    enabled: readable,
  });
  if (!readable) return null;
  const canWrite = hasPermission(actor, 'programmes:write') && actor?.role !== 'auditor';
  const data = query.data;
  if (data && data.loans.length === 0 && !data.eligible) return null;
  return (
    <Card
      title={t('sectionTitle')}
      data-testid="microloans-section"
      extra={
        canWrite &&
        data?.eligible && (
          <Button size="small" onClick={() => setModal({ kind: 'new' })}>
            {t('newLoan')}
          </Button>
        )
      }
    >
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<Loan>
          rowKey="id"
          size="small"
          loading={query.isPending}
          pagination={false}
          dataSource={data?.loans ?? []}
          locale={{ emptyText: t('empty') }}
          scroll={{ x: 1000 }}
          expandable={{
            rowExpandable: (l) => l.events.length > 0,
            expandedRowRender: (l) => (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={l.events}
                columns={[
                  { title: t('history'), dataIndex: 'kind', width: 90, render: (k: string) => zhOf(EVENT_KINDS, k) },
                  { title: t('repayOn'), dataIndex: 'on', width: 110 },
                  {
                    title: t('repayAmount'),
                    dataIndex: 'amountFen',
                    width: 110,
                    align: 'right',
                    render: (v: number) => yuan(v),
                  },
                  { title: t('note'), dataIndex: 'note' },
                ]}
              />
            ),
          }}
          columns={[
            { title: t('bank'), dataIndex: 'bank', width: 150, fixed: 'left' },
            { title: t('purpose'), dataIndex: 'purpose', width: 90, render: (v: string) => zhOf(LOAN_PURPOSES, v) },
            { title: t('amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number) => yuan(v) },
            { title: t('issuedOn'), dataIndex: 'issuedOn', width: 105 },
            { title: t('dueOn'), dataIndex: 'dueOn', width: 105 },
            {
              title: t('outstanding'),
              dataIndex: 'outstandingFen',
              width: 110,
              align: 'right',
              render: (v: number) => yuan(v),
            },
            {
              title: t('subsidyPaid'),
              dataIndex: 'subsidyPaidFen',
              width: 100,
              align: 'right',
              render: (v: number) => yuan(v),
            },
            {
              title: t('status'),
              key: 'status',
              width: 260,
              render: (_, l) => (
                <Space size={4} wrap>
                  <LoanStatusTag loan={l} />
                  {l.renewalKind && <Tag color="blue">{zhOf(RENEWAL_KINDS, l.renewalKind)}</Tag>}
                  {canWrite && l.status === 'active' && (
                    <>
                      <Button size="small" type="link" onClick={() => setModal({ kind: 'repay', loan: l })}>
                        {t('repay')}
                      </Button>
                      <Button size="small" type="link" onClick={() => setModal({ kind: 'subsidy', loan: l })}>
                        {t('subsidy')}
                      </Button>
                      <Button size="small" type="link" onClick={() => setModal({ kind: 'renew', loan: l })}>
                        {t('renew')}
                      </Button>
                    </>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      {data && modal?.kind === 'new' && (
        <NewLoanModal data={data} householdId={householdId} onClose={() => setModal(null)} />
      )}
      {modal?.kind === 'repay' && (
        <RepayModal householdId={householdId} loan={modal.loan} onClose={() => setModal(null)} />
      )}
      {modal?.kind === 'subsidy' && (
        <SubsidyModal householdId={householdId} loan={modal.loan} onClose={() => setModal(null)} />
      )}
      {modal?.kind === 'renew' && (
        <RenewModal householdId={householdId} loan={modal.loan} onClose={() => setModal(null)} />
      )}
    </Card>
  );
}

function useDone(onClose: () => void) {
  const t = useMicroloansText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async () => {
    message.success(t('saved'));
    await queryClient.invalidateQueries({ queryKey: keys.microloans.all });
    onClose();
  };
}

interface LoanValues {
  borrowerPersonId?: number;
  bank: string;
  purpose: string;
  amount: number;
  termMonths: number;
  rate: number;
  issuedOn: Dayjs;
}

function NewLoanModal(props: { data: HouseholdLoans; householdId: number; onClose: () => void }) {
  const t = useMicroloansText();
  const [form] = Form.useForm<LoanValues>();
  const done = useDone(props.onClose);
  const required = { required: true, message: t('required') };
  return (
    <FormModal<LoanValues, unknown>
      open
      onClose={props.onClose}
      title={t('newLoan')}
      form={form}
      initialValues={{ termMonths: 36, rate: 3.45, purpose: 'breeding', issuedOn: dayjs() }}
      fieldMap={{ amountFen: 'amount', rateBp: 'rate' }}
      send={(v) =>
        createLoan({
          householdId: props.householdId,
          borrowerPersonId: v.borrowerPersonId ?? null,
          bank: v.bank,
          purpose: v.purpose as never,
          amountFen: toFen(v.amount),
          termMonths: v.termMonths,
          rateBp: Math.round(v.rate * 100),
          issuedOn: v.issuedOn.format('YYYY-MM-DD'),
        })
      }
      onDone={done}
    >
      <Form.Item name="borrowerPersonId" label={t('borrower')}>
        <Select allowClear options={props.data.members.map((m) => ({ value: m.personId, label: m.name }))} />
      </Form.Item>
      <Form.Item name="bank" label={t('bank')} rules={[required]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="purpose" label={t('purpose')} rules={[required]}>
        <Select options={LOAN_PURPOSES.map((x) => ({ value: x.code, label: x.zh }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="amount" label={t('amount')} rules={[required]}>
          <InputNumber min={0} precision={2} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="termMonths" label={t('term')} rules={[required]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="rate" label={t('rate')} rules={[required]}>
          <InputNumber min={0} precision={2} step={0.05} />
        </Form.Item>
      </Space>
      <Form.Item name="issuedOn" label={t('issuedOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}

interface RepayValues {
  on: Dayjs;
  amount: number;
  note?: string;
}

function RepayModal({ loan, onClose }: { householdId: number; loan: Loan; onClose: () => void }) {
  const t = useMicroloansText();
  const [form] = Form.useForm<RepayValues>();
  const done = useDone(onClose);
  const required = { required: true, message: t('required') };
  return (
    <FormModal<RepayValues, unknown>
      open
      onClose={onClose}
      title={`${t('repayTitle')}：${loan.bank}`}
      form={form}
      initialValues={{ on: dayjs(), amount: loan.outstandingFen / 100 }}
      fieldMap={{ amountFen: 'amount' }}
      send={(v) => repayLoan(loan.id, { on: v.on.format('YYYY-MM-DD'), amountFen: toFen(v.amount), note: v.note })}
      onDone={done}
    >
      <Form.Item name="on" label={t('repayOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="amount" label={t('repayAmount')} rules={[required]}>
        <InputNumber min={0} precision={2} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function SubsidyModal({ loan, onClose }: { householdId: number; loan: Loan; onClose: () => void }) {
  const t = useMicroloansText();
  const { language } = useI18n();
  const [form] = Form.useForm<{ to: Dayjs }>();
  const done = useDone(onClose);
  const initial = dayjs(loan.dueOn).isBefore(dayjs()) ? dayjs(loan.dueOn) : dayjs();
  const to = (Form.useWatch('to', form) ?? initial).format('YYYY-MM-DD');
  const quote = useQuery({
    queryKey: keys.microloans.quote(loan.id, to),
    queryFn: () => fetchSubsidyQuote(loan.id, to),
    retry: false,
  });
  return (
    <FormModal<{ to: Dayjs }, unknown>
      open
      onClose={onClose}
      title={`${t('subsidyTitle')}：${loan.bank}`}
      form={form}
      initialValues={{ to: initial }}
      send={(v) => paySubsidy(loan.id, { to: v.to.format('YYYY-MM-DD') })}
      onDone={done}
    >
      <Form.Item label={t('subsidyFrom')}>{loan.subsidyFrom}</Form.Item>
      <Form.Item name="to" label={t('subsidyTo')} rules={[{ required: true, message: t('required') }]}>
        <DatePicker />
      </Form.Item>
      {quote.data && (
        <Alert
          type="info"
          data-testid="microloans-quote"
          title={t('quote', {
            from: quote.data.from,
            to: quote.data.to,
            days: quote.data.days,
            interest: yuan(quote.data.interestFen),
            share: quote.data.share,
            subsidy: yuan(quote.data.subsidyFen),
          })}
        />
      )}
      {quote.isError && <Alert type="warning" title={errorMessage(quote.error, language).message} />}
    </FormModal>
  );
}

interface RenewValues {
  kind: 'extension' | 'reloan';
  termMonths: number;
  rate?: number;
  amount?: number;
  issuedOn?: Dayjs;
}

function RenewModal({ loan, onClose }: { householdId: number; loan: Loan; onClose: () => void }) {
  const t = useMicroloansText();
  const [form] = Form.useForm<RenewValues>();
  const done = useDone(onClose);
  const kind = Form.useWatch('kind', form) ?? 'extension';
  const required = { required: true, message: t('required') };
  return (
    <FormModal<RenewValues, unknown>
      open
      onClose={onClose}
      title={`${t('renewTitle')}：${loan.bank}`}
      form={form}
      initialValues={{ kind: 'extension', termMonths: 12, rate: loan.rateBp / 100, issuedOn: dayjs(loan.dueOn) }}
      fieldMap={{ amountFen: 'amount', rateBp: 'rate' }}
      send={(v) =>
        renewLoan(loan.id, {
          kind: v.kind,
          termMonths: v.termMonths,
          rateBp: v.rate === undefined ? undefined : Math.round(v.rate * 100),
          amountFen: v.kind === 'reloan' ? toFen(v.amount) : undefined,
          issuedOn: v.kind === 'reloan' ? v.issuedOn?.format('YYYY-MM-DD') : undefined,
        })
      }
      onDone={done}
    >
      <Alert type="info" style={{ marginBottom: 12 }} title={t('renewHint')} />
      <Form.Item name="kind" label={t('renewKind')} rules={[required]}>
        <Radio.Group options={RENEWAL_KINDS.map((k) => ({ value: k.code, label: k.zh }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="termMonths" label={t('term')} rules={[required]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="rate" label={t('rate')}>
          <InputNumber min={0} precision={2} step={0.05} />
        </Form.Item>
      </Space>
      {kind === 'reloan' && (
        <Space wrap>
          <Form.Item name="amount" label={t('amount')} rules={[required]}>
            <InputNumber min={0} precision={2} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('issuedOn')} rules={[required]}>
            <DatePicker />
          </Form.Item>
        </Space>
      )}
    </FormModal>
  );
}
