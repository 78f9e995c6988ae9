import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { recordApplication } from '../../api/monitoring.ts';
import { applyFieldErrors, errorMessage } from '../../components/errorMessage.ts';
import '../../i18n/dayjsLocale.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useCluesText } from './cluesText.ts';
import { HouseholdPicker } from './HouseholdPicker.tsx';
import { CONSENT_METHOD_LABELS } from './labels.ts';
import { RiskTypeChecks } from './RiskTypeChecks.tsx';
import { fill, useCommonText } from './text.ts';

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
  const { language, label } = useI18n();
  const tx = useCluesText();
  const tc = useCommonText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const required = { required: true, message: tc('required') };

  const mutation = useMutation({
    mutationFn: (v: Values) =>
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
      }),
    onSuccess: async ({ clueIds }) => {
      message.success(fill(tx('created'), { ids: clueIds.map((id) => `#${id}`).join('、') }));
      onClose();
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['clues'] });
    },
    onError: (error) => applyFieldErrors(form, error, language),
  });
  const failure = mutation.isError ? errorMessage(mutation.error, language) : null;

  return (
    <Modal
      open={open}
      title={tx('applicationTitle')}
      okText={tc('submit')}
      cancelText={tc('cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => mutation.reset()}
      width={640}
      forceRender
    >
      <Typography.Paragraph type="secondary">{tx('applicationHint')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure.message} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          signedOn: dayjs(),
          method: 'signature',
          riskTypes: [],
        }}
        onFinish={(values) => mutation.mutate(values)}
      >
        <Form.Item name="householdId" label={tc('household')} rules={[required]}>
          <HouseholdPicker />
        </Form.Item>
        <Form.Item
          name="riskTypes"
          label={tc('riskTypes')}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              message: tc('chooseRisk'),
            },
          ]}
        >
          <RiskTypeChecks />
        </Form.Item>
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
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
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
      </Form>
    </Modal>
  );
}
