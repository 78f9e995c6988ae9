import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { fetchPendingReviews, registryKeys, reviewChange, type PendingChange } from '../../api/registry.ts';
import { errorMessage } from '../../components/errorMessage.ts';
import { formatDateTime } from '../../components/format.ts';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { CHANGE_ACTION_LABELS } from './changeDiff.ts';
import { ChangeDiffTable } from './ChangeDiffTable.tsx';
import { useRegistryText } from './text.ts';
import { useOrgNames } from './useOrgNames.ts';

type Decision = 'confirmed' | 'rejected';

/** 待审核变更: village officers' edits (already applied) for the township to confirm or reject. */
export default function ReviewsPage() {
  const { t, label, language } = useRegistryText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { nameOf } = useOrgNames();
  const [deciding, setDeciding] = useState<{ change: PendingChange; decision: Decision } | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  const query = useQuery({ queryKey: registryKeys.reviews, queryFn: fetchPendingReviews });

  const mutation = useMutation({
    mutationFn: ({ change, decision, note }: { change: PendingChange; decision: Decision; note?: string }) =>
      reviewChange(change.id, decision, note?.trim()),
    onSuccess: async () => {
      setDeciding(null);
      message.success(t('reviewed'));
      await queryClient.invalidateQueries({ queryKey: registryKeys.all });
    },
  });
  const open = (change: PendingChange, decision: Decision) => {
    mutation.reset();
    form.resetFields();
    setDeciding({ change, decision });
  };

  const columns: TableColumnsType<PendingChange> = [
    { title: t('time'), dataIndex: 'at', width: 140, render: formatDateTime },
    {
      title: t('householdNo'),
      key: 'household',
      width: 190,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/registry/households/${row.householdId}`} style={{ fontFamily: 'monospace' }}>
            {row.householdNo}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {nameOf(row.villageCode)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('by'), dataIndex: 'actorName', width: 150, render: (name: string | null) => name ?? '—' },
    {
      title: t('change'),
      dataIndex: 'action',
      width: 130,
      render: (action: string) => (CHANGE_ACTION_LABELS[action] ? label(CHANGE_ACTION_LABELS[action]) : action),
    },
    { title: t('reason'), dataIndex: 'reason' },
    {
      title: t('actions'),
      key: 'actions',
      width: 170,
      render: (_, row) => (
        <Space>
          <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => open(row, 'confirmed')}>
            {t('approve')}
          </Button>
          <Button size="small" danger icon={<RollbackOutlined />} onClick={() => open(row, 'rejected')}>
            {t('reject')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('reviews')}>
      <Alert type="info" showIcon title={t('reviewsHint')} style={{ marginBottom: 12 }} />
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<PendingChange>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data ?? []}
          loading={query.isPending}
          pagination={false}
          locale={{ emptyText: t('noPending') }}
          expandable={{
            expandedRowRender: (row) => <ChangeDiffTable before={row.before} after={row.after} />,
            rowExpandable: () => true,
          }}
        />
      )}
      <Modal
        open={deciding !== null}
        title={deciding?.decision === 'rejected' ? t('rejectTitle') : t('approveTitle')}
        okText={deciding?.decision === 'rejected' ? t('reject') : t('approve')}
        okButtonProps={{ danger: deciding?.decision === 'rejected' }}
        cancelText={t('cancel')}
        confirmLoading={mutation.isPending}
        onOk={() => form.submit()}
        onCancel={() => setDeciding(null)}
        width={720}
        forceRender
      >
        {mutation.isError && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(mutation.error, language).message}
            style={{ marginBottom: 12 }}
          />
        )}
        {deciding && (
          <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <Typography.Text>
              {deciding.change.householdNo} ·{' '}
              {label(
                CHANGE_ACTION_LABELS[deciding.change.action] ?? {
                  zh: deciding.change.action,
                  en: deciding.change.action,
                },
              )}{' '}
              · {t('reason')}：{deciding.change.reason}
            </Typography.Text>
            <ChangeDiffTable before={deciding.change.before} after={deciding.change.after} />
          </Space>
        )}
        <Form form={form} layout="vertical" onFinish={({ note }) => deciding && mutation.mutate({ ...deciding, note })}>
          <Form.Item
            name="note"
            label={t('reviewNote')}
            rules={
              deciding?.decision === 'rejected'
                ? [{ required: true, whitespace: true, message: t('noteRequired') }]
                : []
            }
          >
            <Input.TextArea
              rows={2}
              maxLength={500}
              placeholder={deciding?.decision === 'rejected' ? t('noteRequired') : t('notePlaceholder')}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
