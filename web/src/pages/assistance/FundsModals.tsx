import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { addIncome, applyRelief, createFund, searchHouseholds } from '#web/api/assistance.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { RISK_TYPES, useText } from './text.ts';
import { keys } from '#web/api/queryKeys.ts';

export function FundModal(props: { open: boolean; onClose: () => void; onDone: () => void; defaultOrg: string }) {
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

export function IncomeModal(props: { open: boolean; fundId: number; onClose: () => void; onDone: () => void }) {
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

export function ApplyModal(props: { open: boolean; fundId: number; onClose: () => void; onDone: () => void }) {
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
