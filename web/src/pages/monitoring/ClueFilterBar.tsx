import { Button, Form, Segmented, Select, Space } from 'antd';
import type { CluePageFilters, ClueChannel } from '#web/api/monitoring.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { CHANNEL_LABELS, CHANNELS, RISK_CODES, riskLabel } from './labels.ts';
import { useCluesText } from './cluesText.ts';
import { useCommonText } from './text.ts';

interface Values {
  status: 'open' | 'closed';
  channel?: ClueChannel;
  riskType?: string;
  orgCode?: string;
}

export const DEFAULT_CLUE_FILTERS: CluePageFilters = { status: 'open' };

export function ClueFilterBar({
  value,
  onChange,
}: {
  /** The filters in force (from the address), shown when the page opens. */
  value?: CluePageFilters;
  onChange: (filters: CluePageFilters) => void;
}) {
  const { label, language } = useI18n();
  const tx = useCluesText();
  const tc = useCommonText();
  const [form] = Form.useForm<Values>();
  const apply = (values: Values) =>
    onChange({
      status: values.status,
      channel: values.channel || undefined,
      riskType: values.riskType || undefined,
      orgCode: values.orgCode || undefined,
    });

  return (
    <Form<Values>
      form={form}
      layout="inline"
      initialValues={{ ...DEFAULT_CLUE_FILTERS, ...value }}
      onFinish={apply}
      onValuesChange={(changed, all) => {
        // The status switch answers at once; the other filters wait for 查询.
        if ('status' in changed) apply(all);
      }}
      style={{ rowGap: 12 }}
    >
      <Form.Item name="status" label={tx('status')}>
        <Segmented
          options={[
            { value: 'open', label: tx('statusOpen') },
            { value: 'closed', label: tx('statusClosed') },
          ]}
        />
      </Form.Item>
      <Form.Item name="channel" label={tx('channel')}>
        <Select
          allowClear
          placeholder={tc('any')}
          style={{ width: 150 }}
          options={CHANNELS.map((value) => ({
            value,
            label: label(CHANNEL_LABELS[value]),
          }))}
        />
      </Form.Item>
      <Form.Item name="riskType" label={tc('riskType')}>
        <Select
          allowClear
          placeholder={tc('any')}
          style={{ width: 170 }}
          options={RISK_CODES.map((value) => ({
            value,
            label: riskLabel(value, language),
          }))}
        />
      </Form.Item>
      <Form.Item label={tc('area')}>
        <div style={{ width: 240 }}>
          <Form.Item name="orgCode" noStyle>
            <OrgUnitPicker allowedLevels={['county', 'township', 'village']} />
          </Form.Item>
        </div>
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {tc('search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange(DEFAULT_CLUE_FILTERS);
            }}
          >
            {tc('reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
