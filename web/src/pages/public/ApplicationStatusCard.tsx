import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { fetchApplicationStatus } from '../../api/monitoring.ts';
import { applyFieldErrors, errorMessage } from '../../components/errorMessage.ts';

interface Values {
  receipt: string;
  idNumber: string;
}

/** 查询办理进度: the receipt and the applicant's ID number give one plain sentence about the application. */
export function ApplicationStatusCard({ receipt }: { receipt?: string }) {
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      fetchApplicationStatus({ receipt: v.receipt.trim().toUpperCase(), idNumber: v.idNumber.trim() }),
    onError: (error) => applyFieldErrors(form, error, 'zh-CN'),
  });
  const status = mutation.data;
  const failure = mutation.isError ? errorMessage(mutation.error, 'zh-CN') : null;
  return (
    <Card title="查询办理进度" style={{ marginTop: 16 }} styles={{ body: { padding: 16 } }} data-testid="status-card">
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ receipt: receipt ?? '' }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="receipt" label="回执号" rules={[{ required: true, message: '请填写回执号' }]}>
          <Input placeholder="如 SQ00000123" autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label="申请人身份证号"
          rules={[{ required: true, message: '请填写申请时的身份证号' }]}
        >
          <Input maxLength={18} autoComplete="off" inputMode="text" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Button type="primary" ghost htmlType="submit" block loading={mutation.isPending}>
          查询
        </Button>
      </Form>
      {failure && <Alert type="warning" showIcon title={failure.message} style={{ marginTop: 12 }} />}
      {status && (
        <Alert
          type={status.progress === 'notIncluded' ? 'info' : 'success'}
          showIcon
          style={{ marginTop: 12 }}
          data-testid="status-result"
          title={<span style={{ fontSize: 16 }}>{status.textZh}</span>}
          description={
            <Typography.Text type="secondary">
              {status.appliedOn} 提交的申请{status.noticeEndsOn ? `；公示至 ${status.noticeEndsOn}` : ''}
            </Typography.Text>
          }
        />
      )}
    </Card>
  );
}
