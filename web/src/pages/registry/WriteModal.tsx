import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '#web/api/client.ts';
import { keys } from '#web/api/queryKeys.ts';
import type { HouseholdDetail } from '#web/api/registry.ts';
import type { NamePath } from '#web/components/fieldErrors.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { ReasonField } from './ReasonField.tsx';
import { useRegistryText } from './text.ts';

interface Props<V> {
  title: string;
  householdId: number;
  initialValues?: Partial<V>;
  width?: number;
  /** Sends the write; a returned household detail replaces the cached one. */
  submit: (values: V & { reason: string }) => Promise<unknown>;
  /** Called after the close animation; the parent unmounts the modal (a fresh form each time). */
  onClosed: () => void;
  /** Maps a server field path onto this form's, when they differ. */
  rename?: (path: NamePath) => NamePath;
  /** A warning to confirm before sending, or null; gets every value, hidden ones too. */
  confirm?: (values: V) => string | null;
  children: ReactNode;
}

const isDetail = (value: unknown): value is HouseholdDetail =>
  !!value && typeof value === 'object' && 'version' in value && 'members' in value;

/** A registry write in a modal: fields, a required 修改原因, server field errors under their inputs. */
export function WriteModal<V extends object>({
  title,
  householdId,
  initialValues,
  width = 640,
  submit,
  onClosed,
  rename,
  confirm,
  children,
}: Props<V>) {
  const { t } = useRegistryText();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<V & { reason: string }>();
  const [open, setOpen] = useState(true);
  const { mutation, errorAlert } = useFormMutation(form, submit, {
    successMessage: t('saved'),
    invalidate: [keys.registry.all],
    onSuccess: (result) => {
      if (isDetail(result)) queryClient.setQueryData(keys.registry.household(householdId), result);
      setOpen(false);
    },
    rename,
    onError: async (error) => {
      // Someone else saved first: fetch the new version so the next try can succeed.
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        await queryClient.invalidateQueries({ queryKey: keys.registry.household(householdId) });
      }
    },
  });

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={() => setOpen(false)}
      afterClose={onClosed}
      mask={{ closable: false }}
    >
      <Form<V & { reason: string }>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={() => {
          // Every value, hidden ones too (an existing member's personId is not an input).
          const values = form.getFieldsValue(true) as V & { reason: string };
          const send = () => mutation.mutate({ ...values, reason: values.reason.trim() });
          const warning = confirm?.(values);
          if (warning)
            modal.confirm({
              title: t('confirmTitle'),
              content: warning,
              okText: t('save'),
              cancelText: t('cancel'),
              onOk: send,
            });
          else send();
        }}
        scrollToFirstError={{ block: 'center' }}
      >
        {errorAlert}
        {children}
        <ReasonField />
      </Form>
    </Modal>
  );
}
