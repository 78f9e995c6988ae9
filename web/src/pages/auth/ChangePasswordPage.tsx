import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { changePassword } from '#web/api/auth.ts';
import { keys } from '#web/api/queryKeys.ts';
import { useActor } from '#web/auth/session.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const MIN_LENGTH = 10;

export default function ChangePasswordPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<PasswordForm>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: actor } = useActor();

  const { mutation, errorAlert } = useFormMutation(
    form,
    (values: PasswordForm) =>
      changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    {
      successMessage: t('password.done'),
      onSuccess: async () => {
        form.resetFields();
        // The refreshed session no longer asks for a new password; then the home page opens.
        await queryClient.invalidateQueries({ queryKey: keys.auth.me });
        navigate('/', { replace: true });
      },
    },
  );

  return (
    <Card title={t('password.title')} style={{ maxWidth: 520 }}>
      {actor?.mustChangePassword && (
        <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
      )}
      <Form<PasswordForm> form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        {errorAlert}
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.newHint')}
          rules={[
            { required: true, message: t('password.required') },
            { min: MIN_LENGTH, message: t('password.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
