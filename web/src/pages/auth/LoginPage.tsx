import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { login, type LoginRequest } from '#web/api/auth.ts';
import { keys } from '#web/api/queryKeys.ts';
import { useActor } from '#web/auth/session.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { LanguageSwitch } from '#web/i18n/LanguageSwitch.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';

function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export default function LoginPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<LoginRequest>();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { data: actor } = useActor();

  const { mutation, errorAlert } = useFormMutation(form, login, {
    testId: 'login-error',
    onSuccess: (signedIn) => {
      queryClient.setQueryData(keys.auth.me, signedIn);
      navigate(returnPath(location.state), { replace: true });
    },
    onError: () => form.setFieldValue('password', ''),
  });

  if (actor && !mutation.isPending) return <Navigate to={returnPath(location.state)} replace />;

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: 'linear-gradient(180deg, #e8f0fb 0%, #f5f7fa 60%)' }}
    >
      <div style={{ position: 'absolute', top: 16, right: 20 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 400, maxWidth: 'calc(100vw - 16px)', boxShadow: '0 6px 24px rgba(0,0,0,0.08)' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {errorAlert}
        <Form<LoginRequest> form={form} layout="vertical" size="large" onFinish={(values) => mutation.mutate(values)}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
