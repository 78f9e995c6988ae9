import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { validateIdNumber } from '../../../../common/domain/id-card.ts';
import { submitPublicApplication } from '../../api/monitoring.ts';
import { applyFieldErrors, errorMessage } from '../../components/errorMessage.ts';
import { RiskTypeChecks } from '../monitoring/RiskTypeChecks.tsx';
import { ApplicationStatusCard } from './ApplicationStatusCard.tsx';
import { ApplyReceipt } from './ApplyReceipt.tsx';
import { ConsentText } from './ConsentText.tsx';
import { VillageSelect } from './VillageSelect.tsx';

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

// The public page is for families, in Chinese; API errors are shown in Chinese whatever the stored UI language.
const ZH = 'zh-CN' as const;

/** 农户自主申请: phone-first, no login, no menu. */
export default function ApplyPage() {
  const [form] = Form.useForm<Values>();
  const [receipt, setReceipt] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      submitPublicApplication({
        villageCode: v.villageCode,
        applicantName: v.applicantName.trim(),
        idNumber: v.idNumber.trim(),
        phone: v.phone.trim(),
        reason: v.reason.trim(),
        riskTypes: v.riskTypes,
        agree: true,
      }),
    onSuccess: ({ receipt: number }) => {
      setReceipt(number);
      window.scrollTo(0, 0);
    },
    onError: (error) => applyFieldErrors(form, error, ZH),
  });
  const failure = mutation.isError ? errorMessage(mutation.error, ZH) : null;

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
          防返贫监测 · 农户申请
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 15 }}>
          家里遇到生病、受灾、失业等困难，担心生活过不去的，可以在这里申请，村干部会上门了解情况。
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
            {failure && (
              <Alert
                type="error"
                showIcon
                title={failure.message}
                style={{ marginBottom: 16 }}
                data-testid="apply-error"
              />
            )}
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
                label="您家所在的村"
                rules={[{ required: true, message: '请选择乡镇和村' }]}
              >
                <VillageSelect />
              </Form.Item>
              <Form.Item
                name="applicantName"
                label="申请人姓名"
                rules={[
                  { required: true, whitespace: true, message: '请填写姓名' },
                  { min: 2, message: '请填写完整姓名' },
                ]}
              >
                <Input maxLength={40} autoComplete="name" />
              </Form.Item>
              <Form.Item
                name="idNumber"
                label="身份证号"
                extra="18位，最后一位可能是 X"
                rules={[
                  { required: true, message: '请填写身份证号' },
                  {
                    validator: (_, raw?: string) => {
                      if (!raw) return Promise.resolve();
                      const check = validateIdNumber(raw, today());
                      return check.ok ? Promise.resolve() : Promise.reject(new Error(check.messageZh));
                    },
                  },
                ]}
              >
                <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
              </Form.Item>
              <Form.Item
                name="phone"
                label="手机号"
                rules={[
                  { required: true, message: '请填写手机号' },
                  { pattern: /^1\d{10}$/, message: '请填写11位手机号' },
                ]}
              >
                <Input inputMode="numeric" maxLength={11} autoComplete="tel" />
              </Form.Item>
              <Form.Item
                name="riskTypes"
                label="家里遇到了什么困难（可多选）"
                rules={[
                  {
                    required: true,
                    type: 'array',
                    min: 1,
                    message: '请至少选择一项困难',
                  },
                ]}
              >
                <RiskTypeChecks plain />
              </Form.Item>
              <Form.Item
                name="reason"
                label="请简单说说情况"
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: '请说明家里遇到的困难',
                  },
                  { min: 5, message: '请至少写5个字' },
                ]}
              >
                <Input.TextArea
                  rows={4}
                  maxLength={1000}
                  showCount
                  placeholder="例如：今年3月我爱人住院做手术，自己花了两万多元，家里没有别的收入"
                />
              </Form.Item>
              <ConsentText />
              <Form.Item
                name="agree"
                valuePropName="checked"
                style={{ marginTop: 12 }}
                rules={[
                  {
                    validator: (_, v) =>
                      v ? Promise.resolve() : Promise.reject(new Error('请先阅读承诺授权书并勾选同意')),
                  },
                ]}
              >
                <Checkbox style={{ fontSize: 16 }}>我已阅读并同意《承诺授权书》</Checkbox>
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={mutation.isPending}
                style={{ height: 48, fontSize: 17 }}
              >
                提交申请
              </Button>
            </Form>
          </Card>
        )}
        <ApplicationStatusCard key={receipt ?? ''} receipt={receipt ?? undefined} />
      </div>
    </div>
  );
}
