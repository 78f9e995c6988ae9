import { useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useNavigate } from 'react-router';
import {
  ASSET_CATEGORIES,
  ASSET_CATEGORY_LABELS,
  OWNER_LEVEL_LABELS,
  OWNER_LEVELS,
} from '#common/domain/assets/rules.ts';
import { createAsset, projectKeys, type AssetDetail } from '#web/api/projects.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { FormModal } from '../projects/FormModal.tsx';
import { toFen } from '../projects/text.ts';
import { useAssetsText } from './text.ts';

interface Values {
  name: string;
  category: (typeof ASSET_CATEGORIES)[number];
  orgCode: string;
  originYear: number;
  central?: number;
  provincial?: number;
  city?: number;
  county?: number;
  bookValue?: number;
  location?: string;
  quantity: number;
  unit: string;
  ownerLevel: (typeof OWNER_LEVELS)[number];
  ownerName: string;
  operator?: string;
  custodian?: string;
  custodianPerson?: string;
  beneficiaries?: string;
  photovoltaic: boolean;
}

/** 清产核资: an asset from an earlier project that the system did not form (township and county staff). */
export function NewAssetModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useAssetsText();
  const { label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<Values, AssetDetail>
      open={open}
      onClose={onClose}
      title={t('newAsset')}
      form={form}
      width={760}
      initialValues={{
        category: 'publicWelfare',
        ownerLevel: 'village',
        originYear: 2020,
        quantity: 1,
        unit: '项',
        photovoltaic: false,
      }}
      fieldMap={{ originalValueFen: 'central', bookValueFen: 'bookValue' }}
      send={(v) => {
        const fundSources: Record<string, number> = {};
        for (const k of ['central', 'provincial', 'city', 'county'] as const)
          if (toFen(v[k]) > 0) fundSources[k] = toFen(v[k]);
        const original = Object.values(fundSources).reduce((a, b) => a + b, 0);
        return createAsset({
          name: v.name,
          category: v.category,
          orgCode: v.orgCode,
          originYear: v.originYear,
          fundSources,
          originalValueFen: original,
          bookValueFen: v.bookValue === undefined || v.bookValue === null ? original : toFen(v.bookValue),
          location: v.location || null,
          quantity: v.quantity,
          unit: v.unit,
          ownerLevel: v.ownerLevel,
          ownerName: v.ownerName,
          operator: v.operator || null,
          custodian: v.custodian || null,
          custodianPerson: v.custodianPerson || null,
          beneficiaries: v.beneficiaries || null,
          photovoltaic: v.photovoltaic,
        });
      }}
      onDone={async (a) => {
        message.success(`${t('saved')}：${a.code}`);
        await queryClient.invalidateQueries({ queryKey: projectKeys.assets });
        navigate(`/assets/${a.id}`);
      }}
    >
      <Form.Item name="name" label={t('name')} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="category" label={t('category')} rules={[required]}>
          <Select
            style={{ width: 140 }}
            options={ASSET_CATEGORIES.map((c) => ({ value: c, label: label(ASSET_CATEGORY_LABELS[c]) }))}
          />
        </Form.Item>
        <Form.Item name="originYear" label={t('originYear')} rules={[required]}>
          <InputNumber min={2013} max={2100} />
        </Form.Item>
        <Form.Item name="quantity" label={t('quantity')}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="unit" label="计量单位">
          <Input style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="photovoltaic" valuePropName="checked" label=" ">
          <Checkbox>{t('pv')}</Checkbox>
        </Form.Item>
      </Space>
      <Form.Item name="orgCode" label={t('unit')} rules={[required]}>
        <OrgUnitPicker allowedLevels={['county', 'township', 'village']} />
      </Form.Item>
      <Form.Item name="location" label={t('location')}>
        <Input />
      </Form.Item>
      <Space.Compact block>
        {(['central', 'provincial', 'city', 'county'] as const).map((k) => (
          <Form.Item key={k} name={k} label={`${t(k)}`} style={{ flex: 1 }}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Space.Compact>
      <Form.Item name="bookValue" label={t('bookValue')} extra={t('bookValueHint')}>
        <InputNumber min={0} precision={2} style={{ width: 220 }} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="ownerLevel" label={t('ownerLevel')} rules={[required]}>
          <Select
            style={{ width: 110 }}
            options={OWNER_LEVELS.map((o) => ({ value: o, label: label(OWNER_LEVEL_LABELS[o]) }))}
          />
        </Form.Item>
        <Form.Item name="ownerName" label={t('ownerName')} rules={[required]}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="operator" label={t('operator')}>
          <Input style={{ width: 240 }} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="custodian" label={t('custodianBody')}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="custodianPerson" label={t('custodianPerson')}>
          <Input style={{ width: 200 }} />
        </Form.Item>
      </Space>
      <Form.Item name="beneficiaries" label={t('beneficiaries')}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}
