import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, ROLES } from '#common/domain/roles.ts';
import { fetchUserPage, USER_FILTER_KEYS, USERS_QUERY_KEY, type UserRow } from '#web/api/users.ts';
import { usePagedList } from '#web/components/usePagedList.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { formatDateTime } from '#web/components/format.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { UserFormModal } from './UserFormModal.tsx';

export default function UsersPage() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { data: actor } = useActor();
  const canManage = hasPermission(actor, 'users:manage');
  const queryClient = useQueryClient();
  const [modal, setModal] = useState<{ open: boolean; editing: UserRow | null }>({ open: false, editing: null });

  // Filters (search, role, status), page and sort in the address; the server answers one page and the total.
  const list = usePagedList({
    key: [...USERS_QUERY_KEY, 'page'],
    filterKeys: USER_FILTER_KEYS,
    fetch: fetchUserPage,
    unit: 'items',
  });
  const usersQuery = list.query;

  const columns: TableColumnsType<UserRow> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      ...list.sortable('username'),
      width: 140,
      // A login name is Latin by nature (the every-page walk leaves data-latin-ok out).
      render: (username: string) => <span data-latin-ok="">{username}</span>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName', ...list.sortable('displayName'), width: 120 },
    {
      title: t('users.role'),
      dataIndex: 'role',
      ...list.sortable('role'),
      width: 130,
      render: (role: UserRow['role']) => label(ROLE_LABELS[role]),
    },
    {
      title: t('users.org'),
      ...list.sortable('org'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span>{row.orgName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
            {row.orgCode}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('users.phone'), dataIndex: 'phoneMasked', width: 130, render: (phone: string | null) => phone ?? '—' },
    {
      title: t('users.status'),
      dataIndex: 'active',
      ...list.sortable('active'),
      width: 90,
      render: (active: boolean) =>
        active ? <Tag color="green">{t('users.active')}</Tag> : <Tag color="default">{t('users.inactive')}</Tag>,
    },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      ...list.sortable('createdAt'),
      width: 150,
      render: formatDateTime,
    },
    ...(canManage
      ? [
          {
            title: t('users.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, row: UserRow) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setModal({ open: true, editing: row })}>
                {t('users.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('users.title')}
      extra={
        <Space>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ open: true, editing: null })}>
              {t('users.create')}
            </Button>
          )}
        </Space>
      }
    >
      {!canManage && <Alert type="info" showIcon title={t('users.readOnly')} style={{ marginBottom: 12 }} />}
      <Form layout="inline" style={{ rowGap: 12, marginBottom: 12 }}>
        <Form.Item>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            style={{ width: 240 }}
            defaultValue={list.filters.q}
            onSearch={(value) => list.setFilter('q', value.trim() || undefined)}
          />
        </Form.Item>
        <Form.Item label={t('users.role')}>
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={label({ zh: '全部', en: 'Any' })}
            value={list.filters.role}
            onChange={(v?: string) => list.setFilter('role', v)}
            options={ROLES.map((role) => ({ value: role, label: label(ROLE_LABELS[role]) }))}
          />
        </Form.Item>
        <Form.Item label={t('users.status')}>
          <Select
            allowClear
            style={{ width: 110 }}
            placeholder={label({ zh: '全部', en: 'Any' })}
            value={list.filters.active}
            onChange={(v?: string) => list.setFilter('active', v)}
            options={[
              { value: 'true', label: t('users.active') },
              { value: 'false', label: t('users.inactive') },
            ]}
          />
        </Form.Item>
      </Form>
      {usersQuery.isError ? (
        <QueryErrorResult error={usersQuery.error} onRetry={() => usersQuery.refetch()} />
      ) : (
        <Table<UserRow> rowKey="id" size="middle" columns={columns} {...list.tableProps} scroll={{ x: 1000 }} />
      )}
      {canManage && (
        <UserFormModal
          open={modal.open}
          editing={modal.editing}
          onClose={() => setModal((previous) => ({ ...previous, open: false }))}
          onSaved={async () => {
            setModal((previous) => ({ ...previous, open: false }));
            message.success(t('users.saved'));
            await queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
          }}
        />
      )}
    </Card>
  );
}
