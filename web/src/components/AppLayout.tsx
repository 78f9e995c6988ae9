import { useQueryClient } from '@tanstack/react-query';
import { KeyOutlined, LogoutOutlined, BankOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../../common/domain/roles.ts';
import { logout } from '../api/auth.ts';
import { CHANGE_PASSWORD_PATH } from '../auth/RequireAuth.tsx';
import { useActor } from '../auth/session.ts';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useI18n } from '../i18n/useI18n.ts';
import { buildMenuItems, selectedMenuKey } from './moduleMenu.tsx';
import { PageLoading } from './PageLoading.tsx';

const { Header, Sider, Content } = Layout;

export default function AppLayout() {
  const { t, label } = useI18n();
  const { data: actor } = useActor();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();

  if (!actor) return null;

  const signOut = async () => {
    try {
      await logout();
    } finally {
      // Drop every cached answer: the next person at this desk must not see them.
      queryClient.clear();
      navigate('/login', { replace: true });
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div style={{ color: '#fff', padding: '16px 16px 12px', lineHeight: 1.3 }}>
          <div style={{ fontSize: 16, fontWeight: 600 }}>Guardline</div>
          <div style={{ fontSize: 12, opacity: 0.75 }}>{t('app.shortTitle')}</div>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedMenuKey(location.pathname)]}
          items={buildMenuItems(actor.permissions, t)}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
        <Header
          style={{ background: '#fff', padding: '0 20px', borderBottom: '1px solid #f0f0f0', height: 56, lineHeight: '56px' }}
        >
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Space size={8} aria-label={t('header.unit')}>
              <BankOutlined />
              <Typography.Text strong data-testid="header-unit">
                {actor.orgName}
              </Typography.Text>
            </Space>
            <Space size={16}>
              <Space size={6}>
                <UserOutlined />
                <span data-testid="header-user">{actor.displayName}</span>
                <Tag color="blue" variant="outlined" data-testid="header-role">
                  {label(ROLE_LABELS[actor.role])}
                </Tag>
              </Space>
              <LanguageSwitch />
              <Button type="text" icon={<KeyOutlined />} onClick={() => navigate(CHANGE_PASSWORD_PATH)}>
                {t('header.changePassword')}
              </Button>
              <Button type="text" icon={<LogoutOutlined />} onClick={signOut}>
                {t('header.logout')}
              </Button>
            </Space>
          </Flex>
        </Header>
        <Content style={{ margin: 16 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
