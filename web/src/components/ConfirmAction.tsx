import { App as AntApp, Button, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from './errorMessage.ts';
import { applyServerFieldErrors } from './fieldErrors.ts';

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
  const { language } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const en = language === 'en';
  const fieldLabel = opinionLabel ?? (en ? 'Opinion' : '意见');

  async function openDialog() {
    if (beforeOpen && !(await beforeOpen())) return;
    form.resetFields();
    setOpen(true);
  }

  async function confirm() {
    const values = (await form.validateFields()) as Record<string, string | undefined>;
    setBusy(true);
    try {
      const done = await onConfirm((values[opinionField] ?? '').trim());
      setOpen(false);
      if (done !== false) message.success(success);
    } catch (e) {
      // Its opinion field marked, or the refusal as a toast (the dialog holds no banner).
      const placed = e instanceof ApiError && applyServerFieldErrors(form, e, language).length < e.fields.length;
      if (!placed) message.error(errorMessage(e, language).message);
    } finally {
      setBusy(false);
    }
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
        okText={en ? 'Confirm' : '确认'}
        cancelText={en ? 'Cancel' : '取消'}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': `${testId ?? 'confirm'}-ok` } as ButtonProps}
        forceRender
      >
        {description && <Typography.Paragraph>{description}</Typography.Paragraph>}
        <Form form={form} layout="vertical">
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
                        message: en ? `Give the ${fieldLabel}` : `请填写${fieldLabel}`,
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
