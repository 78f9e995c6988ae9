import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { keys } from '#web/api/queryKeys.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import '#web/i18n/dayjsLocale.ts';
import { useCluesText } from './cluesText.ts';
import { fill, useCommonText } from './text.ts';

interface Props<V> {
  open: boolean;
  onClose: () => void;
  title: string;
  form: FormInstance<V>;
  initialValues: Partial<V>;
  /** Sends the form; answers the ids of the clues opened or joined. */
  send: (values: V) => Promise<{ clueIds: number[] }>;
  /** Above the form (a hint). */
  intro?: ReactNode;
  children: ReactNode;
}

/** An officer records a signal by hand (application, petition): one form, its clues announced, the list refreshed. */
export function ClueFormModal<V extends object>({
  open,
  onClose,
  title,
  form,
  initialValues,
  send,
  intro,
  children,
}: Props<V>) {
  const tx = useCluesText();
  const tc = useCommonText();

  const { mutation, errorAlert } = useFormMutation(form, send, {
    successMessage: ({ clueIds }) => fill(tx('created'), { ids: clueIds.map((id) => `#${id}`).join('、') }),
    invalidate: [keys.clues.all],
    onSuccess: () => {
      onClose();
      form.resetFields();
    },
  });

  return (
    <Modal
      open={open}
      title={title}
      okText={tc('submit')}
      cancelText={tc('cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => mutation.reset()}
      width={640}
      forceRender
    >
      {intro}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => mutation.mutate(values)}
      >
        {errorAlert}
        {children}
      </Form>
    </Modal>
  );
}
