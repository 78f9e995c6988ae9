import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { fetchApplicationStatus } from '#web/api/monitoring.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { useApplyText } from './applyText.ts';

interface Values {
  receipt: string;
  idNumber: string;
}

/** 查询办理进度: the receipt and the applicant's ID number give one plain sentence about the application. */
export function ApplicationStatusCard({ receipt }: { receipt?: string }) {
  const { pick } = useI18n();
  const tx = useApplyText();
  const [form] = Form.useForm<Values>();
  const { mutation, errorAlert } = useFormMutation(form, (v: Values) =>
    fetchApplicationStatus({ receipt: v.receipt.trim().toUpperCase(), idNumber: v.idNumber.trim() }),
  );
  const status = mutation.data;
  return (
    <Card
      title={tx('statusTitle')}
      style={{ marginTop: 16 }}
      styles={{ body: { padding: 16 } }}
      data-testid="status-card"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ receipt: receipt ?? '' }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="receipt" label={tx('receipt')} rules={[{ required: true, message: tx('receiptRequired') }]}>
          <Input placeholder={tx('receiptPlaceholder')} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={tx('applicantId')}
          rules={[{ required: true, message: tx('applicantIdRequired') }]}
        >
          <Input maxLength={18} autoComplete="off" inputMode="text" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Button type="primary" ghost htmlType="submit" block loading={mutation.isPending}>
          {tx('check')}
        </Button>
      </Form>
      {errorAlert && <div style={{ marginTop: 12 }}>{errorAlert}</div>}
      {status && (
        <Alert
          type={status.progress === 'notIncluded' ? 'info' : 'success'}
          showIcon
          style={{ marginTop: 12 }}
          data-testid="status-result"
          title={<span style={{ fontSize: 16 }}>{pick(status.textZh, status.textEn)}</span>}
          description={
            <Typography.Text type="secondary">
              {tx('appliedOn', { d: status.appliedOn })}
              {status.noticeEndsOn ? tx('noticeEnds', { d: status.noticeEndsOn }) : ''}
            </Typography.Text>
          }
        />
      )}
    </Card>
  );
}
