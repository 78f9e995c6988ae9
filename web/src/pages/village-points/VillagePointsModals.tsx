import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { levelOfCode } from '#common/domain/org-code.ts';
import { type PointsCategory } from '#common/domain/village-points/codes.ts';
import { fetchDeliberations } from '#web/api/projects.ts';
import {
  awardPoints,
  createPointsRule,
  fetchPointsBalance,
  fetchPointsRules,
  redeemPoints,
  villagePointsKeys,
  type PointsBalance,
} from '#web/api/village-points.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { HouseholdPicker } from '../monitoring/HouseholdPicker.tsx';
import { FormModal } from '../projects/FormModal.tsx';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { keys } from '#web/api/queryKeys.ts';
import { usePointsText } from './text.ts';
import { categoryOptions, day, signed } from './villagePointsShared.ts';

function useDone() {
  const t = usePointsText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async () => {
    message.success(t('saved'));
    await queryClient.invalidateQueries({ queryKey: villagePointsKeys.all });
  };
}

export function RuleModal({ village, onClose }: { village?: string; onClose: () => void }) {
  const t = usePointsText();
  const done = useDone();
  type V = {
    orgCode: string;
    deliberationId: number;
    name: string;
    category: PointsCategory;
    points: number;
    note?: string;
  };
  const [form] = Form.useForm<V>();
  const chosen = Form.useWatch('orgCode', form) ?? village;
  const deliberations = useQuery({
    queryKey: [...keys.projects.decidedDeliberations, chosen],
    queryFn: () => fetchDeliberations({ villageCode: chosen, decided: true }),
    enabled: !!chosen && levelOfCode(chosen) === 'village',
  });
  const required = { required: true, message: t('required') };
  return (
    <FormModal<V, unknown>
      open
      onClose={onClose}
      title={t('newRule')}
      form={form}
      initialValues={{ orgCode: village, category: 'environment' }}
      send={(v) => createPointsRule({ ...v, note: v.note || null })}
      onDone={done}
    >
      <Form.Item name="orgCode" label={t('village')} rules={[required]}>
        <RegistryOrgFilter />
      </Form.Item>
      <Form.Item name="deliberationId" label={t('deliberation')} rules={[required]} extra={t('deliberationHint')}>
        <Select
          loading={deliberations.isFetching}
          options={(deliberations.data ?? []).map((d) => ({ value: d.id, label: d.subject }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t('rule')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="category" label={t('category')} rules={[required]}>
          <Select options={categoryOptions} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="points" label={t('points')} rules={[required]}>
          <InputNumber precision={0} />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

export function AwardModal({ onClose }: { onClose: () => void }) {
  const t = usePointsText();
  const done = useDone();
  type V = { householdId: number; ruleId: number; awardedOn: Dayjs; reason: string };
  const [form] = Form.useForm<V>();
  const [villageCode, setVillageCode] = useState<string | undefined>();
  const rules = useQuery({
    queryKey: villagePointsKeys.rules({ orgCode: villageCode, page: 1, pageSize: 200 }),
    queryFn: () => fetchPointsRules({ orgCode: villageCode, page: 1, pageSize: 200 }),
    enabled: !!villageCode,
  });
  const required = { required: true, message: t('required') };
  return (
    <FormModal<V, PointsBalance>
      open
      onClose={onClose}
      title={t('newAward')}
      form={form}
      initialValues={{ awardedOn: chinaToday() }}
      send={(v) => awardPoints({ ...v, awardedOn: day(v.awardedOn) })}
      onDone={done}
    >
      <Form.Item name="householdId" label={t('household')} rules={[required]}>
        <HouseholdPicker onChange={(_, h) => setVillageCode(h?.villageCode)} />
      </Form.Item>
      <Form.Item name="ruleId" label={t('rule')} rules={[required]}>
        <Select
          loading={rules.isFetching}
          options={(rules.data?.items ?? [])
            .filter((r) => r.active)
            .map((r) => ({ value: r.id, label: `${r.name}（${signed(r.points)}）` }))}
        />
      </Form.Item>
      <Form.Item name="awardedOn" label={t('awardedOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

export function RedeemModal({ onClose }: { onClose: () => void }) {
  const t = usePointsText();
  const done = useDone();
  type V = { householdId: number; goods: string; quantity: number; points: number; redeemedOn: Dayjs; note?: string };
  const [form] = Form.useForm<V>();
  const householdId = Form.useWatch('householdId', form);
  const balance = useQuery({
    queryKey: villagePointsKeys.balance(householdId ?? 0),
    queryFn: () => fetchPointsBalance(householdId!),
    enabled: !!householdId,
  });
  const required = { required: true, message: t('required') };
  return (
    <FormModal<V, PointsBalance>
      open
      onClose={onClose}
      title={t('newRedemption')}
      form={form}
      initialValues={{ redeemedOn: chinaToday(), quantity: 1 }}
      send={(v) => redeemPoints({ ...v, redeemedOn: day(v.redeemedOn), note: v.note || null })}
      onDone={done}
    >
      <Form.Item
        name="householdId"
        label={t('household')}
        rules={[required]}
        extra={balance.data ? t('balanceNow', { n: balance.data.balance }) : undefined}
      >
        <HouseholdPicker />
      </Form.Item>
      <Form.Item name="goods" label={t('goods')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="quantity" label={t('quantity')} rules={[required]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="points" label={t('spent')} rules={[required]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="redeemedOn" label={t('redeemedOn')} rules={[required]}>
          <DatePicker />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
