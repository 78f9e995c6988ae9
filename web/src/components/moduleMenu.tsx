import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  FundProjectionScreenOutlined,
  HeartOutlined,
  HomeOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Tooltip, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '../../../common/domain/roles.ts';
import type { MessageKey } from '../i18n/messages.zh.ts';

interface ModuleEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Built modules name the permission that shows them; modules still being built have none. */
  permission?: Permission;
}

// One entry per module, in the order county staff work through them.
const MODULES: ModuleEntry[] = [
  { path: '/org', label: 'menu.org', icon: <ApartmentOutlined />, permission: 'org:read' },
  { path: '/registry', label: 'menu.registry', icon: <HomeOutlined /> },
  { path: '/monitoring', label: 'menu.monitoring', icon: <AlertOutlined /> },
  { path: '/cases', label: 'menu.cases', icon: <FileSearchOutlined /> },
  { path: '/assistance', label: 'menu.assistance', icon: <HeartOutlined /> },
  { path: '/projects', label: 'menu.projects', icon: <FundProjectionScreenOutlined /> },
  { path: '/assets', label: 'menu.assets', icon: <DatabaseOutlined /> },
  { path: '/indicators', label: 'menu.indicators', icon: <BarChartOutlined /> },
  { path: '/users', label: 'menu.users', icon: <TeamOutlined />, permission: 'users:read' },
  { path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit:read' },
];

export function buildMenuItems(
  permissions: readonly string[],
  t: (key: MessageKey) => string,
): NonNullable<MenuProps['items']> {
  return MODULES.filter((entry) => !entry.permission || permissions.includes(entry.permission)).map((entry) =>
    entry.permission
      ? { key: entry.path, icon: entry.icon, label: t(entry.label) }
      : {
          key: entry.path,
          icon: entry.icon,
          disabled: true,
          label: (
            <Tooltip title={t('menu.underConstruction')} placement="right">
              <span data-module-status="under-construction">{t(entry.label)}</span>
            </Tooltip>
          ),
        },
  );
}

export function selectedMenuKey(pathname: string): string {
  return '/' + (pathname.split('/')[1] ?? '');
}
