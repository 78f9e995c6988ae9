import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { applyFieldErrors, errorMessage } from '../../components/errorMessage.ts';
import '../../i18n/dayjsLocale.ts';
import { useI18n } from '../../i18n/useI18n.ts';
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
  const { language } = useI18n();
  const tx = useCluesText();
  const tc = useCommonText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const mutation = useMutation({
    mutationFn: send,
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
      {failure && <Alert type="error" showIcon title={failure.message} style={{ marginBottom: 16 }} />}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => mutation.mutate(values)}
      >
        {children}
      </Form>
    </Modal>
  );
}
