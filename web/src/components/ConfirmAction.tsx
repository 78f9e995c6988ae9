import { App as AntApp, Button, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/useI18n.ts';
import { useFormMutation } from './useFormMutation.tsx';

// The one confirmation of a state change (乡镇审核, 县级审定, 开工实施, 提交申报, 办结本环节…): a dialog that says
// what will happen, takes an opinion (意见) and, on success, a toast naming what happened ("已提交县级审定").
// The opinion input is named after the API field that stores it, so the server's field error lands under it.
// Test ids: the button `testId`, the dialog's `<testId>-opinion` and `<testId>-ok`.

export interface ConfirmActionProps {
  /** The button's own label. */
  label: ReactNode;
  /** The dialog's question, e.g. 确认提交县级审定？ */
  title: string;
  description?: ReactNode;
  /** required: the server refuses an empty opinion too; optional: kept when given; none: no field. */
  opinion?: 'required' | 'optional' | 'none';
  opinionLabel?: string;
  /** The request field that carries the opinion (reason, opinion…). */
  opinionField?: string;
  /** Toast after success: what happened. */
  success: string;
  /** Resolves false when the caller handled a refusal itself (e.g. marked its own form): closed, no toast. */
  onConfirm: (opinion: string) => Promise<unknown>;
  /** Checked before the dialog opens (e.g. the stage form validates); false keeps it closed. */
  beforeOpen?: () => Promise<boolean> | boolean;
  /** Why the button is disabled now (shown beside it). */
  disabledReason?: ReactNode;
  buttonProps?: ButtonProps;
  testId?: string;
}

export function ConfirmAction({
  label,
  title,
  description,
  opinion = 'optional',
  opinionLabel,
  opinionField = 'reason',
  success,
  onConfirm,
  beforeOpen,
  disabledReason,
  buttonProps,
  testId,
}: ConfirmActionProps) {
  const { pick } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const fieldLabel = opinionLabel ?? pick('意见', 'Opinion');
  // Field errors land under the opinion, any other refusal in the dialog's banner; the dialog stays open.
  const { mutation, errorAlert } = useFormMutation(form, onConfirm, {
    onSuccess: (done) => {
      setOpen(false);
      if (done !== false) void message.success(success);
    },
  });

  async function openDialog() {
    if (beforeOpen && !(await beforeOpen())) return;
    form.resetFields();
    mutation.reset();
    setOpen(true);
  }

  async function confirm() {
    const values = (await form.validateFields()) as Record<string, string | undefined>;
    mutation.mutate((values[opinionField] ?? '').trim());
  }

  return (
    <>
      <Button
        {...buttonProps}
        disabled={buttonProps?.disabled || Boolean(disabledReason)}
        onClick={openDialog}
        data-testid={testId}
      >
        {label}
      </Button>
      {disabledReason && (
        <Typography.Text type="secondary" data-testid={testId ? `${testId}-disabled-reason` : undefined}>
          {disabledReason}
        </Typography.Text>
      )}
      <Modal
        open={open}
        title={title}
        onCancel={() => setOpen(false)}
        onOk={() => void confirm().catch(() => undefined)}
        okText={pick('确认', 'Confirm')}
        cancelText={pick('取消', 'Cancel')}
        confirmLoading={mutation.isPending}
        okButtonProps={{ 'data-testid': `${testId ?? 'confirm'}-ok` } as ButtonProps}
        forceRender
      >
        {description && <Typography.Paragraph>{description}</Typography.Paragraph>}
        <Form form={form} layout="vertical">
          {errorAlert}
          {opinion !== 'none' && (
            <Form.Item
              name={opinionField}
              label={fieldLabel}
              rules={
                opinion === 'required'
                  ? [
                      {
                        required: true,
                        whitespace: true,
                        message: pick(`请填写${fieldLabel}`, `Give the ${fieldLabel}`),
                      },
                    ]
                  : []
              }
            >
              <Input.TextArea rows={3} maxLength={500} showCount data-testid={`${testId ?? 'confirm'}-opinion`} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
