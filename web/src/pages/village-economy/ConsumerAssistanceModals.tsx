import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  OUTLET_CHANNELS,
  OUTLET_KINDS,
  PRODUCT_CATEGORIES,
  SUPPLIER_KINDS,
  zhOfCode,
} from '#common/domain/village-economy/codes.ts';
import {
  consumerKeys,
  createOutlet,
  createProduct,
  fetchOutlets,
  fetchProducts,
  recordSale,
} from '#web/api/village-economy.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { useMessages } from '#web/i18n/useI18n.ts';
import { HouseholdPicker } from '../monitoring/HouseholdPicker.tsx';
import { FormModal } from '../projects/FormModal.tsx';
import { toFen } from '../projects/text.ts';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { CONSUMER_TEXT } from './text.ts';
import { options } from './consumerAssistanceShared.ts';

interface OutletValues {
  orgCode: string;
  kind: string;
  channel: string;
  name: string;
  location: string;
  operator: string;
  openedOn: Dayjs;
}

export function OutletModal({ onClose }: { onClose: () => void }) {
  const t = useMessages(CONSUMER_TEXT);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OutletValues>();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<OutletValues, unknown>
      open
      onClose={onClose}
      title={t('newOutlet')}
      form={form}
      initialValues={{ kind: 'counter', channel: 'offline', openedOn: chinaToday() }}
      send={(v) =>
        createOutlet({
          orgCode: v.orgCode,
          kind: v.kind as 'counter',
          channel: v.channel as 'offline',
          name: v.name,
          location: v.location,
          operator: v.operator,
          openedOn: v.openedOn.format('YYYY-MM-DD'),
        })
      }
      onDone={async () => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: consumerKeys.all });
      }}
    >
      <Form.Item name="orgCode" label={t('unit')} rules={[required]}>
        <RegistryOrgFilter />
      </Form.Item>
      <Space wrap>
        <Form.Item name="kind" label={t('kind')} rules={[required]}>
          <Radio.Group options={options(OUTLET_KINDS)} />
        </Form.Item>
        <Form.Item name="channel" label={t('channel')} rules={[required]}>
          <Radio.Group options={options(OUTLET_CHANNELS)} />
        </Form.Item>
      </Space>
      <Form.Item name="name" label={t('name')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="location" label={t('location')} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="operator" label={t('operator')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="openedOn" label={t('openedOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}

interface ProductValues {
  name: string;
  category: string;
  supplierKind: 'household' | 'cooperative';
  householdId?: number;
  supplierName?: string;
  orgCode?: string;
}

export function ProductModal({ onClose }: { onClose: () => void }) {
  const t = useMessages(CONSUMER_TEXT);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProductValues>();
  const kind = Form.useWatch('supplierKind', form);
  const required = { required: true, message: t('required') };
  return (
    <FormModal<ProductValues, unknown>
      open
      onClose={onClose}
      title={t('newProduct')}
      form={form}
      initialValues={{ supplierKind: 'household', category: 'mountain' }}
      send={(v) =>
        createProduct({
          name: v.name,
          category: v.category,
          supplierKind: v.supplierKind,
          householdId: v.supplierKind === 'household' ? (v.householdId ?? null) : null,
          supplierName: v.supplierKind === 'cooperative' ? (v.supplierName ?? null) : null,
          orgCode: v.supplierKind === 'cooperative' ? (v.orgCode ?? null) : null,
        })
      }
      onDone={async () => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: consumerKeys.all });
      }}
    >
      <Form.Item name="name" label={t('product')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="category" label={t('category')} rules={[required]}>
        <Select options={options(PRODUCT_CATEGORIES)} />
      </Form.Item>
      <Form.Item name="supplierKind" label={t('supplierKind')} rules={[required]}>
        <Radio.Group options={options(SUPPLIER_KINDS)} />
      </Form.Item>
      {kind === 'cooperative' ? (
        <>
          <Form.Item name="supplierName" label={t('cooperative')} rules={[required]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="orgCode" label={t('coopUnit')} rules={[required]}>
            <RegistryOrgFilter />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="householdId" label={t('household')} rules={[required]}>
          <HouseholdPicker />
        </Form.Item>
      )}
    </FormModal>
  );
}

interface SaleValues {
  outletId: number;
  productId: number;
  period: Dayjs;
  amount: number;
}

export function SaleModal({ onClose }: { onClose: () => void }) {
  const t = useMessages(CONSUMER_TEXT);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SaleValues>();
  const required = { required: true, message: t('required') };
  const outlets = useQuery({
    queryKey: consumerKeys.outletOptions(),
    queryFn: () => fetchOutlets({ status: 'open', page: 1, pageSize: 200 }),
  });
  const products = useQuery({
    queryKey: consumerKeys.productOptions(),
    queryFn: () => fetchProducts({ page: 1, pageSize: 200 }),
  });
  return (
    <FormModal<SaleValues, unknown>
      open
      onClose={onClose}
      title={t('newSale')}
      form={form}
      initialValues={{ period: chinaToday().subtract(1, 'month') }}
      fieldMap={{ amountFen: 'amount' }}
      send={(v) =>
        recordSale({
          outletId: v.outletId,
          productId: v.productId,
          period: v.period.format('YYYY-MM'),
          amountFen: toFen(v.amount),
        })
      }
      onDone={async () => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: consumerKeys.all });
      }}
    >
      <Form.Item name="outletId" label={t('outlet')} rules={[required]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={outlets.isLoading}
          options={(outlets.data?.items ?? []).map((o) => ({
            value: o.id,
            label: `${zhOfCode(OUTLET_KINDS, o.kind)} · ${o.name}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="productId" label={t('product')} rules={[required]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={products.isLoading}
          options={(products.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name} · ${p.supplierName ?? ''}`,
          }))}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item name="period" label={t('period')} rules={[required]}>
          <DatePicker picker="month" />
        </Form.Item>
        <Form.Item name="amount" label={t('amount')} rules={[required]}>
          <InputNumber min={0} precision={2} style={{ width: 160 }} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
