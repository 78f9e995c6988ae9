import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { EXIT_REASONS, FUNDING_SOURCES, POST_TYPES, zhOf } from '#common/domain/posts/codes.ts';
import {
  createPost,
  fetchHires,
  fetchPosts,
  hiresExportUrl,
  importPostsFile,
  postKeys,
  type HirePage,
  type PostPage,
} from '#web/api/posts.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { HouseholdLink } from '#web/components/HouseholdLink.tsx';
import { LedgerList, LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { toFen, yuan } from '../projects/text.ts';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { usePostsText } from './text.ts';
import { XlsxImportButton } from '#web/components/XlsxImportButton.tsx';

type PostRowT = PostPage['items'][number];
type HireRowT = HirePage['items'][number];
const typeOptions = POST_TYPES.map((x) => ({ value: x.code, label: x.zh }));

/** 公益岗位: the posts of the villages in scope and the people on them (paged, filtered, exported). */
export default function PostsPage() {
  const t = usePostsText();
  const { data: actor } = useActor();
  const canWrite = hasPermission(actor, 'programmes:write') && actor?.role !== 'auditor';
  const [newPost, setNewPost] = useState(false);
  return (
    <LedgerListCard
      title={t('title')}
      testId="posts-page"
      intro={t('intro')}
      extra={
        canWrite && (
          <Space wrap>
            <Button type="primary" onClick={() => setNewPost(true)}>
              {t('newPost')}
            </Button>
            <ImportButton />
          </Space>
        )
      }
      tabs={[
        { key: 'hires', label: t('tabHires'), children: <HiresTab /> },
        { key: 'posts', label: t('tabPosts'), children: <PostsTab /> },
      ]}
    >
      {newPost && <NewPostModal onClose={() => setNewPost(false)} />}
    </LedgerListCard>
  );
}

function HiresTab() {
  const t = usePostsText();
  const list = usePagedList({
    key: postKeys.hires(),
    filterKeys: ['orgCode', 'postType', 'status', 'q'] as const,
    fetch: (f, p) => fetchHires({ ...f, ...p }),
    defaultSort: { sort: 'hiredOn', order: 'desc' },
  });
  const columns: TableColumnsType<HireRowT> = [
    { title: t('name'), dataIndex: 'personName', ...list.sortable('personName'), width: 90, fixed: 'left' },
    {
      title: t('householdNo'),
      dataIndex: 'householdNo',
      width: 170,
      render: (no: string | null, r) => (no ? <HouseholdLink id={r.householdId}>{no}</HouseholdLink> : '—'),
    },
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('orgCode'), width: 100 },
    { title: t('postName'), dataIndex: 'postName', width: 140 },
    { title: t('postType'), dataIndex: 'postType', width: 110, render: (v: string) => zhOf(POST_TYPES, v) },
    { title: t('hiredOn'), dataIndex: 'hiredOn', ...list.sortable('hiredOn'), width: 110 },
    { title: t('subsidy'), dataIndex: 'monthlySubsidyFen', width: 110, align: 'right', render: (v: number) => yuan(v) },
    { title: t('months'), dataIndex: 'months', width: 90, align: 'right' },
    {
      title: t('paid'),
      dataIndex: 'paidFen',
      ...list.sortable('paidFen'),
      width: 120,
      align: 'right',
      render: (v: number) => yuan(v),
    },
    {
      title: t('status'),
      key: 'status',
      width: 200,
      render: (_, r) =>
        r.exitedOn ? (
          <span>
            <Tag>{t('exited')}</Tag>
            {r.exitedOn} {zhOf(EXIT_REASONS, r.exitReason)}
          </span>
        ) : (
          <Tag color="green">{t('active')}</Tag>
        ),
    },
  ];
  return (
    <LedgerList
      list={list}
      filters={[
        { kind: 'org' },
        { kind: 'select', key: 'postType', placeholder: t('postType'), width: 140, options: typeOptions },
        {
          kind: 'select',
          key: 'status',
          placeholder: t('status'),
          width: 110,
          options: [
            { value: 'active', label: t('active') },
            { value: 'exited', label: t('exited') },
          ],
        },
        { kind: 'search', key: 'q', placeholder: t('search') },
      ]}
      exportUrl={hiresExportUrl(list.filters)}
      exportText={t('export')}
      rowKey="id"
      testId="posts-hires"
      columns={columns}
      emptyText={t('empty')}
      scrollX={1250}
    />
  );
}

function PostsTab() {
  const t = usePostsText();
  const list = usePagedList({
    key: postKeys.posts(),
    prefix: 'posts', // its own page and sort in the address (the first tab has the plain names)
    filterKeys: ['orgCode', 'postType', 'q'] as const,
    fetch: (f, p) => fetchPosts({ ...f, ...p }),
  });
  const columns: TableColumnsType<PostRowT> = [
    { title: t('postName'), dataIndex: 'name', ...list.sortable('name'), width: 150, fixed: 'left' },
    { title: t('township'), dataIndex: 'townshipName', width: 90 },
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('orgCode'), width: 100 },
    {
      title: t('postType'),
      dataIndex: 'postType',
      ...list.sortable('postType'),
      width: 110,
      render: (v: string) => zhOf(POST_TYPES, v),
    },
    { title: t('funding'), dataIndex: 'funding', width: 120, render: (v: string) => zhOf(FUNDING_SOURCES, v) },
    { title: t('asset'), dataIndex: 'assetName', width: 160, render: (v: string | null) => v ?? '—' },
    {
      title: t('subsidy'),
      dataIndex: 'monthlySubsidyFen',
      ...list.sortable('monthlySubsidyFen'),
      width: 110,
      align: 'right',
      render: (v: number) => yuan(v),
    },
    { title: t('occupied'), key: 'occupied', width: 90, render: (_, r) => `${r.occupied} / ${r.slots}` },
  ];
  return (
    <LedgerList
      list={list}
      filters={[
        { kind: 'org' },
        { kind: 'select', key: 'postType', placeholder: t('postType'), width: 140, options: typeOptions },
        { kind: 'search', key: 'q', placeholder: t('searchPost') },
      ]}
      rowKey="id"
      columns={columns}
      emptyText={t('empty')}
      scrollX={950}
    />
  );
}

interface PostValues {
  orgCode: string;
  name: string;
  postType: string;
  funding: string;
  assetId?: number;
  subsidy: number;
  slots: number;
}

function NewPostModal({ onClose }: { onClose: () => void }) {
  const t = usePostsText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PostValues>();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<PostValues, unknown>
      open
      onClose={onClose}
      title={t('newPost')}
      form={form}
      initialValues={{ slots: 1, postType: 'cleaner', funding: 'photovoltaic' }}
      fieldMap={{ monthlySubsidyFen: 'subsidy' }}
      send={(v) =>
        createPost({
          orgCode: v.orgCode,
          name: v.name,
          postType: v.postType as never,
          funding: v.funding as never,
          assetId: v.assetId ?? null,
          monthlySubsidyFen: toFen(v.subsidy),
          slots: v.slots,
        })
      }
      onDone={async () => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: postKeys.all });
        onClose();
      }}
    >
      <Form.Item name="orgCode" label={t('village')} rules={[required]}>
        <RegistryOrgFilter />
      </Form.Item>
      <Form.Item name="name" label={t('postName')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="postType" label={t('postType')} rules={[required]}>
          <Select style={{ width: 150 }} options={typeOptions} />
        </Form.Item>
        <Form.Item name="funding" label={t('funding')} rules={[required]}>
          <Select style={{ width: 150 }} options={FUNDING_SOURCES.map((x) => ({ value: x.code, label: x.zh }))} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="subsidy" label={t('subsidy')} rules={[required]}>
          <InputNumber min={0} precision={2} />
        </Form.Item>
        <Form.Item name="slots" label={t('slots')} rules={[required]}>
          <InputNumber min={1} max={100} precision={0} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

/** 导入 .xlsx: a dry run first (rows and per-row errors), then the import of a clean file. */
function ImportButton() {
  const t = usePostsText();
  return (
    <XlsxImportButton
      label={t('import')}
      title={t('importTitle')}
      importFile={importPostsFile}
      invalidate={postKeys.all}
      errorsOf={(r) => r.errors.map((e) => ({ row: e.row, column: e.field, message: e.message }))}
      doneText={(r) => t('importDone', { created: r.created })}
    />
  );
}
