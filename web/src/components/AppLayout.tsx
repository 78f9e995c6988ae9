import { useQueryClient } from '@tanstack/react-query';
import {
  KeyOutlined,
  LogoutOutlined,
  BankOutlined,
  MenuOutlined,
  QuestionCircleOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '#common/domain/roles.ts';
import { logout } from '../api/auth.ts';
import { CHANGE_PASSWORD_PATH } from '../auth/RequireAuth.tsx';
import { useActor } from '../auth/session.ts';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useI18n } from '../i18n/useI18n.ts';
import { buildMenuItems, openMenuKey, selectedMenuKey } from './moduleMenu.tsx';
import { PageLoading } from './PageLoading.tsx';

const { Header, Sider, Content } = Layout;

export default function AppLayout() {
  const { t, label } = useI18n();
  const { data: actor } = useActor();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  // Phones (village officers in the field): icons only in the header, the unit name shortened, and the
  // menu in a drawer opened from the header's first button (nothing floats over the page title).
  const wide = Grid.useBreakpoint().md ?? true;
  const [menuOpen, setMenuOpen] = useState(false);

  if (!actor) return null;
  const open = openMenuKey(location.pathname);
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selectedMenuKey(location.pathname)]}
      defaultOpenKeys={open ? [open] : []}
      items={buildMenuItems(actor.permissions, t)}
      onClick={({ key }) => {
        setMenuOpen(false);
        navigate(key);
      }}
    />
  );
  const brand = (
    <div style={{ color: '#fff', padding: '16px 16px 12px', lineHeight: 1.3 }}>
      <div style={{ fontSize: 16, fontWeight: 600 }}>Guardline</div>
      <div style={{ fontSize: 12, opacity: 0.75 }}>{t('app.shortTitle')}</div>
    </div>
  );

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
      {wide ? (
        <Sider width={208} theme="dark" breakpoint="lg" collapsedWidth={64}>
          {brand}
          {menu}
        </Sider>
      ) : (
        <Drawer
          placement="left"
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          size={256}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
          data-testid="menu-drawer"
        >
          {brand}
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: wide ? '0 20px' : '0 8px',
            borderBottom: '1px solid #f0f0f0',
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Flex justify="space-between" align="center" gap={8} style={{ height: '100%', minWidth: 0 }}>
            <Space
              size={wide ? 8 : 4}
              align="center"
              aria-label={t('header.unit')}
              style={{ minWidth: 0, lineHeight: '22px', flexWrap: 'nowrap' }}
            >
              {!wide && (
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('header.menu')}
                  data-testid="menu-button"
                  onClick={() => setMenuOpen(true)}
                />
              )}
              {wide && <BankOutlined />}
              <Typography.Text strong ellipsis style={{ maxWidth: wide ? 360 : 110 }} data-testid="header-unit">
                {actor.orgName}
              </Typography.Text>
            </Space>
            <Space size={wide ? 16 : 0} style={{ flexWrap: 'nowrap' }}>
              <Space size={6} align="center" style={{ lineHeight: '22px' }}>
                {wide && <UserOutlined />}
                <Typography.Text ellipsis style={{ maxWidth: wide ? 200 : 64 }} data-testid="header-user">
                  {actor.displayName}
                </Typography.Text>
                {wide && (
                  <Tag color="blue" variant="outlined" data-testid="header-role">
                    {label(ROLE_LABELS[actor.role])}
                  </Tag>
                )}
              </Space>
              <LanguageSwitch />
              <Tooltip title={wide ? undefined : t('header.help')}>
                <Button
                  type="text"
                  icon={<QuestionCircleOutlined />}
                  aria-label={t('header.help')}
                  data-testid="header-help"
                  onClick={() => navigate('/help')}
                >
                  {wide && t('header.help')}
                </Button>
              </Tooltip>
              <Tooltip title={wide ? undefined : t('header.changePassword')}>
                <Button
                  type="text"
                  icon={<KeyOutlined />}
                  aria-label={t('header.changePassword')}
                  onClick={() => navigate(CHANGE_PASSWORD_PATH)}
                >
                  {wide && t('header.changePassword')}
                </Button>
              </Tooltip>
              <Tooltip title={wide ? undefined : t('header.logout')}>
                <Button type="text" icon={<LogoutOutlined />} aria-label={t('header.logout')} onClick={signOut}>
                  {wide && t('header.logout')}
                </Button>
              </Tooltip>
            </Space>
          </Flex>
        </Header>
        <Content style={{ margin: wide ? 16 : 8, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
