import { LogoutOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { logout } from '#web/api/auth.ts';
import { useActor } from '#web/auth/session.ts';
import { useCommonText } from './text.ts';

/**
 * A phone-sized frame for work done in the field (/visit): the signed-in person and a way out,
 * without the desktop menu and header that do not fit a 390 px screen.
 */
export function FieldShell({ children }: { children: ReactNode }) {
  const tc = useCommonText();
  const { data: actor } = useActor();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = async () => {
    try {
      await logout();
    } finally {
      queryClient.clear();
      navigate('/login', { replace: true });
    }
  };
  return (
    <div style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Flex
        justify="space-between"
        align="center"
        style={{ background: '#001529', color: '#fff', padding: '10px 12px' }}
      >
        <div style={{ lineHeight: 1.3, minWidth: 0 }}>
          <div style={{ fontWeight: 600 }}>{tc('fieldTitle')}</div>
          <Typography.Text ellipsis style={{ color: 'rgba(255,255,255,0.75)', fontSize: 12 }} data-testid="header-user">
            {actor ? `${actor.displayName} · ${actor.orgName}` : ''}
          </Typography.Text>
        </div>
        <Button size="small" ghost icon={<LogoutOutlined />} onClick={signOut}>
          {tc('logout')}
        </Button>
      </Flex>
      <div style={{ padding: 12 }}>{children}</div>
    </div>
  );
}
