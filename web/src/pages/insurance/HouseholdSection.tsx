import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { CLAIM_CAUSES, CLAIM_STATUSES } from '#common/domain/insurance/codes.ts';
import { zhOf } from '#common/domain/posts/codes.ts';
import {
  decideClaim,
  fetchHouseholdInsurance,
  insuranceKeys,
  insureHousehold,
  reportClaim,
  type ClaimRow,
  type DecisionResult,
} from '#web/api/insurance.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { FormModal } from '../projects/FormModal.tsx';
import { toFen, yuan } from '../projects/text.ts';
import { useInsuranceText } from './text.ts';

type ModalState =
  | { kind: 'insure' }
  | { kind: 'report' }
  | { kind: 'pay'; claim: ClaimRow }
  | { kind: 'refuse'; claim: ClaimRow }
  | null;
const statusColor: Record<string, string> = { filed: 'blue', paid: 'green', refused: 'default' };

/** 防贫保险 on the household page: policies by year, claims, and 参保登记 / 报案 / 赔付 / 拒赔. */
export function InsuranceHouseholdSection({ householdId }: { householdId: number }) {
  const t = useInsuranceText();
  const { data: actor } = useActor();
  const [modal, setModal] = useState<ModalState>(null);
  const query = useQuery({
    queryKey: insuranceKeys.household(householdId),
    queryFn: () => fetchHouseholdInsurance(householdId),
    enabled: hasPermission(actor, 'programmes:read'),
  });
  if (!hasPermission(actor, 'programmes:read')) return null;
  const canWrite = hasPermission(actor, 'programmes:write') && actor?.role !== 'auditor';
  const data = query.data;
  const thisYear = chinaToday().year();
  const insuredThisYear = data?.policies.some((p) => p.year === thisYear);
  return (
    <Card
      title={t('sectionTitle')}
      data-testid="insurance-section"
      extra={
        canWrite &&
        data && (
          <Space wrap>
            <Button size="small" onClick={() => setModal({ kind: 'insure' })}>
              {t('insure')}
            </Button>
            <Button size="small" disabled={data.policies.length === 0} onClick={() => setModal({ kind: 'report' })}>
              {t('report')}
            </Button>
          </Space>
        )
      }
    >
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {t('policies')}：
            {data?.policies.length
              ? data.policies.map((p) => (
                  <Tag key={p.id} color={p.year === thisYear ? 'green' : undefined}>
                    {p.year} {p.insurer}
                  </Tag>
                ))
              : null}
            {data && !insuredThisYear && <Tag color="orange">{t('notInsured')}</Tag>}
          </Typography.Text>
          <Table<ClaimRow>
            rowKey="id"
            size="small"
            loading={query.isPending}
            pagination={false}
            dataSource={data?.claims ?? []}
            locale={{ emptyText: t('empty') }}
            scroll={{ x: 760 }}
            columns={[
              { title: t('claimedOn'), dataIndex: 'claimedOn', width: 110, fixed: 'left' },
              { title: t('cause'), dataIndex: 'cause', width: 120, render: (v: string) => zhOf(CLAIM_CAUSES, v) },
              {
                title: t('amount'),
                dataIndex: 'amountFen',
                width: 120,
                align: 'right',
                render: (v: number) => yuan(v),
              },
              {
                title: t('status'),
                key: 'status',
                width: 260,
                render: (_, c) => (
                  <Space size={4} wrap>
                    <Tag color={statusColor[c.status]}>{zhOf(CLAIM_STATUSES, c.status)}</Tag>
                    {c.paidOn}
                    {c.status === 'refused' && c.note}
                    {canWrite && c.status === 'filed' && (
                      <>
                        <Button size="small" type="link" onClick={() => setModal({ kind: 'pay', claim: c })}>
                          {t('pay')}
                        </Button>
                        <Button size="small" type="link" danger onClick={() => setModal({ kind: 'refuse', claim: c })}>
                          {t('refuse')}
                        </Button>
                      </>
                    )}
                  </Space>
                ),
              },
              { title: t('year'), dataIndex: 'policyYear', width: 70 },
            ]}
          />
        </Space>
      )}
      {modal?.kind === 'insure' && <InsureModal householdId={householdId} onClose={() => setModal(null)} />}
      {modal?.kind === 'report' && <ReportModal householdId={householdId} onClose={() => setModal(null)} />}
      {modal?.kind === 'pay' && (
        <PayModal householdId={householdId} claim={modal.claim} onClose={() => setModal(null)} />
      )}
      {modal?.kind === 'refuse' && (
        <RefuseModal householdId={householdId} claim={modal.claim} onClose={() => setModal(null)} />
      )}
    </Card>
  );
}

function useDone(householdId: number) {
  const t = useInsuranceText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async (result?: DecisionResult | unknown) => {
    const income = (result as DecisionResult | undefined)?.income;
    if (income)
      message.success(
        t(
          income.outcome === 'added'
            ? 'incomeApplied'
            : income.outcome === 'alreadyCounted'
              ? 'incomeAlreadyCounted'
              : 'incomeNotApplied',
          { year: income.year },
        ),
      );
    else message.success(t('saved'));
    await queryClient.invalidateQueries({ queryKey: insuranceKeys.all });
    await queryClient.invalidateQueries({ queryKey: insuranceKeys.household(householdId) });
  };
}

interface InsureValues {
  year: number;
  insurer: string;
  premium?: number;
}

function InsureModal({ householdId, onClose }: { householdId: number; onClose: () => void }) {
  const t = useInsuranceText();
  const [form] = Form.useForm<InsureValues>();
  const done = useDone(householdId);
  const required = { required: true, message: t('required') };
  return (
    <FormModal<InsureValues, unknown>
      open
      onClose={onClose}
      title={t('insureTitle')}
      form={form}
      initialValues={{ year: chinaToday().year() }}
      fieldMap={{ premiumFen: 'premium' }}
      send={(v) => insureHousehold({ householdId, year: v.year, insurer: v.insurer, premiumFen: toFen(v.premium) })}
      onDone={done}
    >
      <Form.Item name="year" label={t('year')} rules={[required]}>
        <InputNumber min={2016} max={2100} precision={0} />
      </Form.Item>
      <Form.Item name="insurer" label={t('insurer')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="premium" label={t('premium')}>
        <InputNumber min={0} precision={2} />
      </Form.Item>
    </FormModal>
  );
}

interface ReportValues {
  cause: string;
  claimedOn: Dayjs;
  amount: number;
  note?: string;
}

function ReportModal({ householdId, onClose }: { householdId: number; onClose: () => void }) {
  const t = useInsuranceText();
  const [form] = Form.useForm<ReportValues>();
  const done = useDone(householdId);
  const required = { required: true, message: t('required') };
  return (
    <FormModal<ReportValues, unknown>
      open
      onClose={onClose}
      title={t('reportTitle')}
      form={form}
      initialValues={{ claimedOn: chinaToday(), cause: 'illness' }}
      fieldMap={{ amountFen: 'amount', householdId: 'cause' }}
      send={(v) =>
        reportClaim({
          householdId,
          cause: v.cause,
          claimedOn: v.claimedOn.format('YYYY-MM-DD'),
          amountFen: toFen(v.amount),
          note: v.note?.trim() || undefined,
        })
      }
      onDone={done}
    >
      <Form.Item name="cause" label={t('cause')} rules={[required]}>
        <Select options={CLAIM_CAUSES.map((x) => ({ value: x.code, label: x.zh }))} />
      </Form.Item>
      <Form.Item name="claimedOn" label={t('claimedOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="amount" label={t('amount')} rules={[required]}>
        <InputNumber min={0.01} precision={2} />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

interface PayValues {
  paidOn: Dayjs;
  amount: number;
  alreadyInIncome?: boolean;
}

function PayModal({ householdId, claim, onClose }: { householdId: number; claim: ClaimRow; onClose: () => void }) {
  const t = useInsuranceText();
  const [form] = Form.useForm<PayValues>();
  const done = useDone(householdId);
  const required = { required: true, message: t('required') };
  return (
    <FormModal<PayValues, DecisionResult>
      open
      onClose={onClose}
      title={`${t('payTitle')}：${claim.claimedOn} ${zhOf(CLAIM_CAUSES, claim.cause)}`}
      form={form}
      initialValues={{ paidOn: chinaToday(), amount: claim.amountFen / 100 }}
      fieldMap={{ amountFen: 'amount' }}
      send={(v) =>
        decideClaim(claim.id, {
          to: 'paid',
          paidOn: v.paidOn.format('YYYY-MM-DD'),
          amountFen: toFen(v.amount),
          alreadyInIncome: v.alreadyInIncome,
        })
      }
      onDone={done}
    >
      <Form.Item name="paidOn" label={t('paidOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="amount" label={t('amount')} rules={[required]}>
        <InputNumber min={0.01} precision={2} />
      </Form.Item>
      <Form.Item name="alreadyInIncome" label={t('alreadyInIncome')} extra={t('alreadyInIncomeHelp')}>
        <Radio.Group
          options={[
            { value: true, label: t('yes') },
            { value: false, label: t('no') },
          ]}
        />
      </Form.Item>
    </FormModal>
  );
}

function RefuseModal({ householdId, claim, onClose }: { householdId: number; claim: ClaimRow; onClose: () => void }) {
  const t = useInsuranceText();
  const [form] = Form.useForm<{ note: string }>();
  const done = useDone(householdId);
  return (
    <FormModal<{ note: string }, DecisionResult>
      open
      onClose={onClose}
      title={`${t('refuseTitle')}：${claim.claimedOn} ${zhOf(CLAIM_CAUSES, claim.cause)}`}
      form={form}
      send={(v) => decideClaim(claim.id, { to: 'refused', note: v.note })}
      onDone={done}
    >
      <Form.Item name="note" label={t('refuseNote')} rules={[{ required: true, message: t('required') }]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
