import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  addIncome,
  applyRelief,
  assistanceKeys,
  createFund,
  decideRelief,
  disburseRelief,
  EXPORT_URLS,
  fetchFund,
  fetchFunds,
  searchHouseholds,
  type FundDetail,
  type ReliefApplicationRow,
} from '../../api/assistance.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { errorMessage } from '../../components/errorMessage.ts';
import { useFormMutation } from '../../components/useFormMutation.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { RISK_TYPES, riskZh, useText, yuan } from './text.ts';
import { keys } from '../../api/queryKeys.ts';

const APP_STATUS: Record<string, [string, string]> = {
  submitted: ['待审批', 'gold'],
  approved: ['已批准待发放', 'blue'],
  rejected: ['不予批准', 'default'],
  disbursed: ['已发放', 'green'],
};

/** /assistance/funds — 应急救助基金 and 临时救助备用金: balance, ledger, applications, approval and payment. */
export default function FundsPage() {
  const t = useText();
  const { language } = useI18n();
  const { message } = AntApp.useApp();
  const { data: actor } = useActor();
  const queryClient = useQueryClient();
  const funds = useQuery({ queryKey: assistanceKeys.funds, queryFn: fetchFunds });
  const [selected, setSelected] = useState<number | null>(null);
  const fundId = selected ?? funds.data?.[0]?.id ?? null;
  const fund = useQuery({
    queryKey: assistanceKeys.fund(fundId ?? 0),
    queryFn: () => fetchFund(fundId!),
    enabled: fundId !== null,
  });
  const [modal, setModal] = useState<null | 'fund' | 'income' | 'apply'>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.relief.all });
  const act = useMutation({
    mutationFn: async (a: { kind: 'approve' | 'reject' | 'disburse'; row: ReliefApplicationRow; note?: string }) =>
      a.kind === 'disburse'
        ? disburseRelief(a.row.id, dayjs().format('YYYY-MM-DD'))
        : decideRelief(a.row.id, { decision: a.kind, note: a.note ?? null }),
    onSuccess: async () => {
      await refresh();
      message.success(t('saved'));
    },
    onError: (err) => message.error(errorMessage(err, language).message),
  });

  if (funds.isError) return <QueryErrorResult error={funds.error} onRetry={() => funds.refetch()} />;
  const canFund = hasPermission(actor, 'relief:fund');
  const canApprove = hasPermission(actor, 'relief:approve');
  const canApply = hasPermission(actor, 'relief:apply');
  const d: FundDetail | undefined = fund.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('funds')}
        extra={canFund ? <Button onClick={() => setModal('fund')}>{t('newFund')}</Button> : null}
      >
        <Typography.Paragraph type="secondary">{t('fundsIntro')}</Typography.Paragraph>
        {funds.data?.length === 0 && <Empty description={t('noFunds')} />}
        <Row gutter={[12, 12]}>
          {(funds.data ?? []).map((f) => (
            <Col key={f.id} xs={24} md={8}>
              <Card
                size="small"
                hoverable
                onClick={() => setSelected(f.id)}
                style={{ borderColor: f.id === fundId ? '#1677ff' : undefined }}
                data-testid={`fund-${f.id}`}
              >
                <Statistic title={`${f.name}（${f.orgName ?? f.orgCode}）`} value={yuan(f.balanceFen)} suffix="元" />
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
      {d && (
        <>
          <Card
            title={`${d.name} · ${t('applications')}`}
            extra={
              <Space>
                {canApply && (
                  <Button type="primary" onClick={() => setModal('apply')}>
                    {t('apply')}
                  </Button>
                )}
              </Space>
            }
          >
            <Table<ReliefApplicationRow>
              size="small"
              rowKey="id"
              dataSource={d.applications}
              pagination={{ pageSize: 10 }}
              scroll={{ x: 1000 }}
              locale={{ emptyText: <Empty /> }}
              columns={[
                { title: t('appliedOn'), dataIndex: 'appliedOn' },
                {
                  title: t('household'),
                  key: 'hh',
                  render: (_, a) => (
                    <Link to={`/assistance/households/${a.householdId}`}>{a.headName ?? a.householdNo}</Link>
                  ),
                },
                { title: t('village'), dataIndex: 'villageName' },
                {
                  title: t('reliefKind'),
                  dataIndex: 'reliefKind',
                  render: (k: string) => (k === 'emergency' ? t('emergency') : t('temporary')),
                },
                { title: t('eventType'), dataIndex: 'eventType', render: riskZh },
                { title: t('requested'), dataIndex: 'requestedFen', align: 'right', render: yuan },
                {
                  title: t('approved'),
                  dataIndex: 'approvedFen',
                  align: 'right',
                  render: (v: number | null) => (v === null ? '—' : yuan(v)),
                },
                {
                  title: t('status'),
                  dataIndex: 'status',
                  render: (s: string) => <Tag color={APP_STATUS[s][1]}>{APP_STATUS[s][0]}</Tag>,
                },
                {
                  title: '',
                  key: 'act',
                  render: (_, a) =>
                    canApprove ? (
                      <Space>
                        {a.status === 'submitted' && (
                          <>
                            <Button size="small" type="primary" onClick={() => act.mutate({ kind: 'approve', row: a })}>
                              {t('approve')}
                            </Button>
                            <Button
                              size="small"
                              onClick={() => {
                                const note = window.prompt(t('rejectReason'));
                                if (note) act.mutate({ kind: 'reject', row: a, note });
                              }}
                            >
                              {t('reject')}
                            </Button>
                          </>
                        )}
                        {a.status === 'approved' && (
                          <Button size="small" type="primary" onClick={() => act.mutate({ kind: 'disburse', row: a })}>
                            {t('disburse')}
                          </Button>
                        )}
                      </Space>
                    ) : null,
                },
              ]}
            />
          </Card>
          <Card
            title={`${d.name} · ${t('ledger')}`}
            extra={
              <Space>
                {canFund && <Button onClick={() => setModal('income')}>{t('income')}</Button>}
                {hasPermission(actor, 'assistance:export') && (
                  <Button href={EXPORT_URLS.fundLedger(d.id)}>{t('export')}</Button>
                )}
              </Space>
            }
          >
            <Table
              size="small"
              rowKey="id"
              dataSource={d.entries}
              pagination={{ pageSize: 10 }}
              data-testid="fund-ledger"
              columns={[
                { title: t('date'), dataIndex: 'occurredOn' },
                {
                  title: t('fundKind'),
                  dataIndex: 'kind',
                  render: (k: string) => (
                    <Tag color={k === 'income' ? 'green' : 'volcano'}>
                      {k === 'income' ? t('incomeKind') : t('payKind')}
                    </Tag>
                  ),
                },
                { title: t('amount'), dataIndex: 'amountFen', align: 'right', render: yuan },
                { title: t('balanceAfter'), dataIndex: 'balanceAfterFen', align: 'right', render: yuan },
                { title: t('sourceOrPayee'), dataIndex: 'source' },
                { title: t('note'), dataIndex: 'note' },
              ]}
            />
          </Card>
        </>
      )}
      <FundModal
        open={modal === 'fund'}
        onClose={() => setModal(null)}
        onDone={refresh}
        defaultOrg={actor?.orgCode ?? ''}
      />
      {d && <IncomeModal open={modal === 'income'} fundId={d.id} onClose={() => setModal(null)} onDone={refresh} />}
      {d && <ApplyModal open={modal === 'apply'} fundId={d.id} onClose={() => setModal(null)} onDone={refresh} />}
    </Space>
  );
}

function FundModal(props: { open: boolean; onClose: () => void; onDone: () => void; defaultOrg: string }) {
  const t = useText();
  const [form] = Form.useForm<{ orgCode: string; name: string; kind: 'emergency' | 'temporaryReserve' }>();
  const { mutation: save, errorAlert } = useFormMutation(form, createFund, {
    onSuccess: () => {
      props.onDone();
      props.onClose();
    },
  });
  return (
    <Modal
      open={props.open}
      title={t('newFund')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('save')}
      cancelText={t('cancel')}
      destroyOnHidden
    >
      {errorAlert}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          orgCode: props.defaultOrg,
          kind: props.defaultOrg.endsWith('000000') ? 'emergency' : 'temporaryReserve',
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="kind" label={t('fundKind')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'emergency', label: t('emergencyFund') },
              { value: 'temporaryReserve', label: t('reserveFund') },
            ]}
          />
        </Form.Item>
        <Form.Item name="orgCode" label={t('fundOrg')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={12} />
        </Form.Item>
        <Form.Item name="name" label={t('fundName')} rules={[{ required: true, message: t('required') }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface IncomeValues {
  amountYuan: number;
  source: string;
  occurredOn: Dayjs;
  note: string | null;
}

function IncomeModal(props: { open: boolean; fundId: number; onClose: () => void; onDone: () => void }) {
  const t = useText();
  const [form] = Form.useForm<IncomeValues>();
  const { mutation: save, errorAlert } = useFormMutation(
    form,
    (v: IncomeValues) =>
      addIncome(props.fundId, {
        amountFen: Math.round(v.amountYuan * 100),
        source: v.source,
        occurredOn: v.occurredOn.format('YYYY-MM-DD'),
        note: v.note || null,
      }),
    {
      onSuccess: () => {
        props.onDone();
        props.onClose();
      },
    },
  );
  return (
    <Modal
      open={props.open}
      title={t('income')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('save')}
      cancelText={t('cancel')}
      destroyOnHidden
    >
      {errorAlert}
      <Form form={form} layout="vertical" initialValues={{ occurredOn: dayjs() }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="amountYuan" label={t('amount')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="source" label={t('source')} rules={[{ required: true, message: t('required') }]}>
          <Input placeholder="如：县财政拨款、社会捐赠" />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('note')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ApplyValues {
  householdId: number;
  reliefKind: 'emergency' | 'temporary';
  eventType: string;
  reason: string;
  requestedYuan: number;
  appliedOn: Dayjs;
}

function ApplyModal(props: { open: boolean; fundId: number; onClose: () => void; onDone: () => void }) {
  const t = useText();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: keys.relief.households(q),
    queryFn: () => searchHouseholds(q),
    enabled: props.open && q.length >= 1,
  });
  const [form] = Form.useForm<ApplyValues>();
  const { mutation: save, errorAlert } = useFormMutation(
    form,
    (v: ApplyValues) =>
      applyRelief({
        fundId: props.fundId,
        householdId: v.householdId,
        reliefKind: v.reliefKind,
        eventType: v.eventType,
        reason: v.reason,
        requestedFen: Math.round(v.requestedYuan * 100),
        appliedOn: v.appliedOn.format('YYYY-MM-DD'),
      }),
    {
      onSuccess: () => {
        props.onDone();
        props.onClose();
      },
    },
  );
  return (
    <Modal
      open={props.open}
      title={t('apply')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('save')}
      cancelText={t('cancel')}
      destroyOnHidden
    >
      {errorAlert}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ reliefKind: 'emergency', appliedOn: dayjs() }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="householdId" label={t('household')} rules={[{ required: true, message: t('required') }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            placeholder={t('pickHousehold')}
            loading={found.isFetching}
            options={(found.data?.items ?? []).map((h) => ({
              value: h.id,
              label: `${h.headName ?? ''} ${h.householdNo} ${h.villageName}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="reliefKind" label={t('reliefKind')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'emergency', label: t('emergency') },
              { value: 'temporary', label: t('temporary') },
            ]}
          />
        </Form.Item>
        <Form.Item name="eventType" label={t('eventType')} rules={[{ required: true, message: t('required') }]}>
          <Select options={RISK_TYPES.map((r) => ({ value: r.code, label: r.zh }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('reliefReason')} rules={[{ required: true, message: t('required') }]}>
          <Input.TextArea rows={3} placeholder="突发困难情况，至少5个字" />
        </Form.Item>
        <Form.Item name="requestedYuan" label={t('requested')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="appliedOn" label={t('appliedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
