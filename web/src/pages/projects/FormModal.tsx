import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { namePathOf, type NamePath } from '#web/components/fieldErrors.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';

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
  // Server field names that sit under another input (amountFen → amount) are renamed before placing.
  const rename = fieldMap
    ? (path: NamePath) => {
        const mapped = fieldMap[path.join('.')];
        return mapped ? namePathOf(mapped) : path;
      }
    : undefined;
  // Field errors with no input of their own (budget, …) are listed in the banner above the form.
  const { mutation, errorAlert } = useFormMutation(form, send, {
    rename,
    onSuccess: (result) => {
      onDone(result);
      form.resetFields();
      onClose();
    },
  });
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
      {errorAlert}
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}
