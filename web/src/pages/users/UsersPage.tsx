import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../../common/domain/roles.ts';
import { fetchUsers, USERS_QUERY_KEY, type UserRow } from '../../api/users.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { formatDateTime } from '../../components/format.ts';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { UserFormModal } from './UserFormModal.tsx';

const PAGE_SIZE = 50;

export default function UsersPage() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { data: actor } = useActor();
  const canManage = hasPermission(actor, 'users:manage');
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [modal, setModal] = useState<{ open: boolean; editing: UserRow | null }>({ open: false, editing: null });

  // Keyset paging by id (afterId), never OFFSET, so a long list stays fast and stable.
  const usersQuery = useInfiniteQuery({
    queryKey: [...USERS_QUERY_KEY, search],
    queryFn: ({ pageParam }) => fetchUsers({ q: search || undefined, afterId: pageParam, limit: PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextAfterId ?? undefined,
  });
  const rows = usersQuery.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<UserRow> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 140,
      // A login name is Latin by nature (e2e/chinese-only.test.ts leaves data-latin-ok out).
      render: (username: string) => <span data-latin-ok="">{username}</span>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    {
      title: t('users.role'),
      dataIndex: 'role',
      width: 130,
      render: (role: UserRow['role']) => label(ROLE_LABELS[role]),
    },
    {
      title: t('users.org'),
      key: 'org',
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
      width: 90,
      render: (active: boolean) =>
        active ? <Tag color="green">{t('users.active')}</Tag> : <Tag color="default">{t('users.inactive')}</Tag>,
    },
    { title: t('users.createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
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
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            style={{ width: 240 }}
            onSearch={(value) => setSearch(value.trim())}
          />
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ open: true, editing: null })}>
              {t('users.create')}
            </Button>
          )}
        </Space>
      }
    >
      {!canManage && <Alert type="info" showIcon title={t('users.readOnly')} style={{ marginBottom: 12 }} />}
      {usersQuery.isError ? (
        <QueryErrorResult error={usersQuery.error} onRetry={() => usersQuery.refetch()} />
      ) : (
        <Table<UserRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={usersQuery.isPending}
          pagination={false}
        />
      )}
      <Flex justify="center" style={{ marginTop: 12 }}>
        {usersQuery.hasNextPage ? (
          <Button onClick={() => usersQuery.fetchNextPage()} loading={usersQuery.isFetchingNextPage}>
            {t('users.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('users.noMore')}</Typography.Text>
        )}
      </Flex>
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
