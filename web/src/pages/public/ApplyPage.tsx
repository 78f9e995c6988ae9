import { Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { validateIdNumber } from '#common/domain/id-card.ts';
import { submitPublicApplication } from '#web/api/monitoring.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { RiskTypeChecks } from '../monitoring/RiskTypeChecks.tsx';
import { ApplicationStatusCard } from './ApplicationStatusCard.tsx';
import { ApplyReceipt } from './ApplyReceipt.tsx';
import { ConsentText } from './ConsentText.tsx';
import { VillageSelect } from './VillageSelect.tsx';
import { useApplyText } from './applyText.ts';
import { useI18n } from '#web/i18n/useI18n.ts';

interface Values {
  villageCode: string;
  applicantName: string;
  idNumber: string;
  phone: string;
  riskTypes: string[];
  reason: string;
  agree: boolean;
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

// The public page is for families: Chinese unless the visitor switched to English (words in applyText.ts).

/** 农户自主申请: phone-first, no login, no menu. */
export default function ApplyPage() {
  const { pick } = useI18n();
  const tx = useApplyText();
  const [form] = Form.useForm<Values>();
  const [receipt, setReceipt] = useState<string | null>(null);
  const { mutation, errorAlert } = useFormMutation(
    form,
    (v: Values) =>
      submitPublicApplication({
        villageCode: v.villageCode,
        applicantName: v.applicantName.trim(),
        idNumber: v.idNumber.trim(),
        phone: v.phone.trim(),
        reason: v.reason.trim(),
        riskTypes: v.riskTypes,
        agree: true,
      }),
    {
      onSuccess: ({ receipt: number }) => {
        setReceipt(number);
        window.scrollTo(0, 0);
      },
    },
  );

  return (
    <div
      style={{
        minHeight: '100vh',
        background: '#f0f5ff',
        padding: '16px 12px 32px',
      }}
    >
      <div style={{ maxWidth: 520, margin: '0 auto' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {tx('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 15 }}>
          {tx('intro')}
        </Typography.Paragraph>
        {receipt ? (
          <ApplyReceipt
            receipt={receipt}
            onAgain={() => {
              form.resetFields();
              mutation.reset();
              setReceipt(null);
            }}
          />
        ) : (
          <Card styles={{ body: { padding: 16 } }}>
            {errorAlert}
            <Form<Values>
              form={form}
              layout="vertical"
              size="large"
              initialValues={{ riskTypes: [] }}
              onFinish={(v) => mutation.mutate(v)}
              scrollToFirstError
            >
              <Form.Item
                name="villageCode"
                label={tx('village')}
                rules={[{ required: true, message: tx('villageRequired') }]}
              >
                <VillageSelect />
              </Form.Item>
              <Form.Item
                name="applicantName"
                label={tx('name')}
                rules={[
                  { required: true, whitespace: true, message: tx('nameRequired') },
                  { min: 2, message: tx('nameFull') },
                ]}
              >
                <Input maxLength={40} autoComplete="name" />
              </Form.Item>
              <Form.Item
                name="idNumber"
                label={tx('idNumber')}
                extra={tx('idExtra')}
                rules={[
                  { required: true, message: tx('idRequired') },
                  {
                    validator: (_, raw?: string) => {
                      if (!raw) return Promise.resolve();
                      const check = validateIdNumber(raw, today());
                      return check.ok
                        ? Promise.resolve()
                        : Promise.reject(new Error(pick(check.messageZh, check.messageEn)));
                    },
                  },
                ]}
              >
                <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
              </Form.Item>
              <Form.Item
                name="phone"
                label={tx('phone')}
                rules={[
                  { required: true, message: tx('phoneRequired') },
                  { pattern: /^1\d{10}$/, message: tx('phoneFormat') },
                ]}
              >
                <Input inputMode="numeric" maxLength={11} autoComplete="tel" />
              </Form.Item>
              <Form.Item
                name="riskTypes"
                label={tx('risks')}
                rules={[
                  {
                    required: true,
                    type: 'array',
                    min: 1,
                    message: tx('risksRequired'),
                  },
                ]}
              >
                <RiskTypeChecks plain />
              </Form.Item>
              <Form.Item
                name="reason"
                label={tx('reason')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: tx('reasonRequired'),
                  },
                  { min: 5, message: tx('reasonMin') },
                ]}
              >
                <Input.TextArea rows={4} maxLength={1000} showCount placeholder={tx('reasonPlaceholder')} />
              </Form.Item>
              <ConsentText />
              <Form.Item
                name="agree"
                valuePropName="checked"
                style={{ marginTop: 12 }}
                rules={[
                  {
                    validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(tx('agreeRequired')))),
                  },
                ]}
              >
                <Checkbox style={{ fontSize: 16 }}>{tx('agree')}</Checkbox>
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={mutation.isPending}
                style={{ height: 48, fontSize: 17 }}
              >
                {tx('submit')}
              </Button>
            </Form>
          </Card>
        )}
        <ApplicationStatusCard key={receipt ?? ''} receipt={receipt ?? undefined} />
      </div>
    </div>
  );
}
