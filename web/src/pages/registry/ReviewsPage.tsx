import { CheckOutlined, DownloadOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { listExportUrl } from '#web/api/monitoring.ts';
import {
  fetchReviewPage,
  registryKeys,
  REVIEW_FILTER_KEYS,
  reviewChange,
  REVIEWS_EXPORT_PATH,
  type PendingChange,
} from '#web/api/registry.ts';
import { usePagedList } from '#web/components/usePagedList.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { formatDateTime } from '#web/components/format.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { CHANGE_ACTION_LABELS } from './changeDiff.ts';
import { ChangeDiffTable } from './ChangeDiffTable.tsx';
import { useRegistryText } from './text.ts';
import { useOrgNames } from './useOrgNames.ts';
import { RegistryOrgFilter } from './RegistryOrgFilter.tsx';

type Decision = 'confirmed' | 'rejected';

/** 待审核变更: village officers' edits (already applied) for the township to confirm or reject. */
export default function ReviewsPage() {
  const { t, label } = useRegistryText();
  const { nameOf } = useOrgNames();
  const [deciding, setDeciding] = useState<{ change: PendingChange; decision: Decision } | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  // Filters (乡镇/村, status), page and sort in the address; the oldest waiting change first.
  const list = usePagedList({
    key: registryKeys.reviews,
    filterKeys: REVIEW_FILTER_KEYS,
    fetch: fetchReviewPage,
    unit: 'items',
  });
  const { query } = list;
  const status = list.filters.status ?? 'pending';

  const { mutation, errorAlert } = useFormMutation(
    form,
    ({ change, decision, note }: { change: PendingChange; decision: Decision; note?: string }) =>
      reviewChange(change.id, decision, note?.trim()),
    { successMessage: t('reviewed'), invalidate: [registryKeys.all], onSuccess: () => setDeciding(null) },
  );
  const open = (change: PendingChange, decision: Decision) => {
    mutation.reset();
    form.resetFields();
    setDeciding({ change, decision });
  };

  const columns: TableColumnsType<PendingChange> = [
    { title: t('time'), dataIndex: 'at', width: 140, render: formatDateTime, ...list.sortable('at') },
    {
      title: t('householdNo'),
      ...list.sortable('householdNo'),
      width: 190,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/registry/households/${row.householdId}`} style={{ fontFamily: 'monospace' }}>
            {row.householdNo}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.villageName ?? nameOf(row.villageCode)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('by'),
      dataIndex: 'actorName',
      ...list.sortable('actor'),
      width: 150,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('change'),
      dataIndex: 'action',
      ...list.sortable('action'),
      width: 130,
      render: (action: string) => (CHANGE_ACTION_LABELS[action] ? label(CHANGE_ACTION_LABELS[action]) : action),
    },
    { title: t('reason'), dataIndex: 'reason' },
    {
      title: t('actions'),
      key: 'actions',
      width: 170,
      render: (_, row) =>
        row.reviewStatus !== 'pending' ? (
          <Typography.Text type="secondary">
            {row.reviewedBy ?? '—'}
            {row.reviewNote ? `：${row.reviewNote}` : ''}
          </Typography.Text>
        ) : (
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
    <Card
      title={t('reviews')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          href={listExportUrl(REVIEWS_EXPORT_PATH, list.filters, list.request)}
          data-testid="reviews-export"
        >
          {label({ zh: '导出 Excel', en: 'Export .xlsx' })}
        </Button>
      }
    >
      <Alert type="info" showIcon title={t('reviewsHint')} style={{ marginBottom: 12 }} />
      <Form layout="inline" style={{ rowGap: 12, marginBottom: 12 }}>
        <Form.Item label={t('orgFilter')}>
          <RegistryOrgFilter
            value={list.filters.orgCode}
            onChange={(code) => list.setFilter('orgCode', code)}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item label={label({ zh: '审核状态', en: 'Review status' })}>
          <Select
            style={{ width: 130 }}
            value={status}
            onChange={(v: string) => list.setFilter('status', v === 'pending' ? undefined : v)}
            options={[
              { value: 'pending', label: label({ zh: '待审核', en: 'Pending' }) },
              { value: 'confirmed', label: label({ zh: '已确认', en: 'Confirmed' }) },
              { value: 'rejected', label: label({ zh: '已退回', en: 'Rejected' }) },
            ]}
          />
        </Form.Item>
      </Form>
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<PendingChange>
          rowKey="id"
          size="middle"
          columns={columns}
          {...list.tableProps}
          scroll={{ x: 900 }}
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
        {errorAlert}
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
