import { chinaToday } from '#web/components/chinaDay.ts';
import { Checkbox, DatePicker, Form, Input, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { recordApplication } from '#web/api/monitoring.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { useCluesText } from './cluesText.ts';
import { HouseholdPicker } from './HouseholdPicker.tsx';
import { CONSENT_METHOD_LABELS } from './labels.ts';
import { RiskTypesItem } from './RiskTypeChecks.tsx';
import { ClueFormModal } from './ClueFormModal.tsx';
import { useCommonText } from './text.ts';

interface Values {
  householdId: number;
  reason: string;
  riskTypes: string[];
  signed: boolean;
  signer: string;
  signedOn: Dayjs;
  method: 'signature' | 'fingerprint';
}

/** 登记农户申请: an application made in person or on paper, with the signed 承诺授权书. */
export function ApplicationModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { label } = useI18n();
  const tx = useCluesText();
  const tc = useCommonText();
  const [form] = Form.useForm<Values>();
  const required = { required: true, message: tc('required') };

  return (
    <ClueFormModal<Values>
      open={open}
      onClose={onClose}
      title={tx('applicationTitle')}
      form={form}
      initialValues={{ signedOn: chinaToday(), method: 'signature', riskTypes: [] }}
      intro={<Typography.Paragraph type="secondary">{tx('applicationHint')}</Typography.Paragraph>}
      send={(v) =>
        recordApplication({
          householdId: v.householdId,
          reason: v.reason,
          riskTypes: v.riskTypes,
          consent: {
            signed: true,
            signedOn: v.signedOn.format('YYYY-MM-DD'),
            signer: v.signer.trim(),
            method: v.method,
          },
        })
      }
    >
      <Form.Item name="householdId" label={tc('household')} rules={[required]}>
        <HouseholdPicker />
      </Form.Item>
      <RiskTypesItem label={tc('riskTypes')} />
      <Form.Item name="reason" label={tx('reason')} rules={[required, { min: 5, message: tx('reasonPlaceholder') }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder={tx('reasonPlaceholder')} />
      </Form.Item>
      <fieldset
        style={{
          border: '1px solid #d9d9d9',
          borderRadius: 4,
          padding: '8px 16px 0',
        }}
      >
        <legend
          style={{
            width: 'auto',
            padding: '0 6px',
            fontSize: 14,
            fontWeight: 600,
            border: 0,
            margin: 0,
          }}
        >
          {tx('consentBlock')}
        </legend>
        <Form.Item
          name="signed"
          valuePropName="checked"
          rules={[
            {
              validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(tx('consentRequired')))),
            },
          ]}
        >
          <Checkbox>{tx('consentSigned')}</Checkbox>
        </Form.Item>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: '1fr 1fr',
            columnGap: 16,
          }}
        >
          <Form.Item name="signer" label={tx('signer')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="signedOn" label={tx('signedOn')} rules={[required]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(chinaToday(), 'day')} />
          </Form.Item>
        </div>
        <Form.Item name="method" label={tx('method')} rules={[required]}>
          <Radio.Group
            options={(['signature', 'fingerprint'] as const).map((value) => ({
              value,
              label: label(CONSENT_METHOD_LABELS[value]),
            }))}
          />
        </Form.Item>
      </fieldset>
    </ClueFormModal>
  );
}
