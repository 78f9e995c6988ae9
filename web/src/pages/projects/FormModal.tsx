import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import { applyFieldErrors, errorMessage } from '../../components/errorMessage.ts';
import { useI18n } from '../../i18n/useI18n.ts';

interface Props<V, R> {
  open: boolean;
  onClose: () => void;
  title: string;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  send: (values: V) => Promise<R>;
  onDone: (result: R) => void;
  width?: number;
  okText?: string;
  /** Server field names that sit under another input (amountFen → amount). */
  fieldMap?: Record<string, string>;
  children: ReactNode;
}

/** A form in a modal: server field errors go under their inputs, anything else above the form. */
export function FormModal<V extends object, R>({
  open,
  onClose,
  title,
  form,
  initialValues,
  send,
  onDone,
  width,
  okText,
  fieldMap,
  children,
}: Props<V, R>) {
  const { language } = useI18n();
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: (result) => {
      onDone(result);
      form.resetFields();
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && fieldMap) {
        for (const f of error.fields) f.field = fieldMap[f.field] ?? f.field;
      }
      applyFieldErrors(form, error, language);
    },
  });
  // Field errors with no input of their own (budget, …) are listed above the form.
  const unplaced = (error: unknown): string[] => {
    if (!(error instanceof ApiError)) return [];
    const registered = new Set(Object.keys(form.getFieldsValue() as object));
    return error.fields
      .filter((f) => !registered.has(f.field) && !registered.has(f.field.split('.').pop() ?? ''))
      .map((f) => (language === 'en' ? f.messageEn : f.messageZh));
  };
  return (
    <Modal
      open={open}
      title={title}
      width={width ?? 640}
      okText={okText}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      onOk={() => form.validateFields().then((v) => mutation.mutate(v))}
      destroyOnHidden
    >
      {mutation.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={errorMessage(mutation.error, language).message}
          description={unplaced(mutation.error).join('；') || undefined}
        />
      )}
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}
