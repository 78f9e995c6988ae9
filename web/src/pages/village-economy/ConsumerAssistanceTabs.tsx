import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  OUTLET_CHANNELS,
  OUTLET_KINDS,
  PRODUCT_CATEGORIES,
  SUPPLIER_KINDS,
  zhOfCode,
} from '#common/domain/village-economy/codes.ts';
import {
  closeOutlet,
  consumerKeys,
  fetchOutlets,
  fetchProducts,
  fetchSales,
  outletsExportUrl,
} from '#web/api/village-economy.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { HouseholdLink } from '#web/components/HouseholdLink.tsx';
import { LedgerList } from '#web/components/LedgerListCard.tsx';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { totalText, usePagedList } from '#web/components/usePagedList.ts';
import { useI18n, useMessages } from '#web/i18n/useI18n.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { yuan } from '../projects/text.ts';
import { CONSUMER_TEXT } from './text.ts';
import { OutletRow, ProductRow, SaleRow, options } from './consumerAssistanceShared.ts';

export function OutletsTab({ canWrite }: { canWrite: boolean }) {
  const t = useMessages(CONSUMER_TEXT);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = usePagedList({
    key: consumerKeys.outlets(),
    filterKeys: ['orgCode', 'kind', 'status', 'q'] as const,
    fetch: (f, p) => fetchOutlets({ ...f, ...p }),
  });
  const [closing, setClosing] = useState<OutletRow | null>(null);
  const columns: TableColumnsType<OutletRow> = [
    { title: t('name'), dataIndex: 'name', width: 170, fixed: 'left' },
    {
      title: t('kind'),
      dataIndex: 'kind',
      ...list.sortable('kind'),
      width: 80,
      render: (v: string) => zhOfCode(OUTLET_KINDS, v),
    },
    { title: t('channel'), dataIndex: 'channel', width: 90, render: (v: string) => zhOfCode(OUTLET_CHANNELS, v) },
    { title: t('unit'), dataIndex: 'orgName', ...list.sortable('orgCode'), width: 110 },
    { title: t('location'), dataIndex: 'location', width: 180 },
    { title: t('operator'), dataIndex: 'operator', width: 150 },
    { title: t('openedOn'), dataIndex: 'openedOn', ...list.sortable('openedOn'), width: 110 },
    {
      title: t('salesYearCol'),
      dataIndex: 'salesYearFen',
      ...list.sortable('salesYearFen'),
      width: 130,
      align: 'right',
      render: (v: number) => yuan(v),
    },
    { title: t('salesTotal'), dataIndex: 'salesTotalFen', width: 130, align: 'right', render: (v: number) => yuan(v) },
    {
      title: t('status'),
      key: 'status',
      width: 170,
      render: (_, r) =>
        r.closedOn ? (
          <span>
            <Tag>{t('closed')}</Tag>
            {r.closedOn}
          </span>
        ) : (
          <Space size="small">
            <Tag color="green">{t('open')}</Tag>
            {canWrite && (
              <Button size="small" type="link" onClick={() => setClosing(r)}>
                {t('close')}
              </Button>
            )}
          </Space>
        ),
    },
  ];
  const [closeForm] = Form.useForm<{ closedOn: Dayjs; note?: string }>();
  return (
    <LedgerList
      list={list}
      filters={[
        { kind: 'org' },
        { kind: 'select', key: 'kind', placeholder: t('kind'), width: 100, options: options(OUTLET_KINDS) },
        {
          kind: 'select',
          key: 'status',
          placeholder: t('status'),
          width: 110,
          options: [
            { value: 'open', label: t('open') },
            { value: 'closed', label: t('closed') },
          ],
        },
        { kind: 'search', key: 'q', placeholder: t('search'), width: 200 },
      ]}
      exportUrl={outletsExportUrl(list.filters)}
      exportText={t('export')}
      rowKey="id"
      testId="consumer-outlets"
      columns={columns}
      emptyText={t('empty')}
      scrollX={1350}
    >
      {closing && (
        <FormModal<{ closedOn: Dayjs; note?: string }, unknown>
          open
          onClose={() => setClosing(null)}
          title={`${t('closeTitle')}：${closing.name}`}
          form={closeForm}
          initialValues={{ closedOn: chinaToday() }}
          send={(v) =>
            closeOutlet(closing.id, { closedOn: v.closedOn.format('YYYY-MM-DD'), note: v.note?.trim() || undefined })
          }
          onDone={async () => {
            message.success(t('saved'));
            await queryClient.invalidateQueries({ queryKey: consumerKeys.all });
          }}
        >
          <Form.Item name="closedOn" label={t('closedOn')} rules={[{ required: true, message: t('required') }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label={t('closeNote')}>
            <Input maxLength={200} />
          </Form.Item>
        </FormModal>
      )}
    </LedgerList>
  );
}

/** A list paged in the component (the outlets tab owns the page's address). */
function useLocalPage<T>(key: readonly unknown[], load: (q: { page: number; pageSize: number }) => Promise<T>) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = useQuery({
    queryKey: [...key, page, pageSize],
    queryFn: () => load({ page, pageSize }),
    placeholderData: keepPreviousData,
  });
  return { query, page, pageSize, setPage, setPageSize };
}

export function ProductsTab() {
  const t = useMessages(CONSUMER_TEXT);
  const { language } = useI18n();
  const { query, page, pageSize, setPage, setPageSize } = useLocalPage(consumerKeys.products(), (q) =>
    fetchProducts({ ...q, sort: 'salesTotalFen', order: 'desc' }),
  );
  const columns: TableColumnsType<ProductRow> = [
    { title: t('product'), dataIndex: 'name', width: 130, fixed: 'left' },
    { title: t('category'), dataIndex: 'category', width: 100, render: (v: string) => zhOfCode(PRODUCT_CATEGORIES, v) },
    {
      title: t('supplierKind'),
      dataIndex: 'supplierKind',
      width: 100,
      render: (v: string) => zhOfCode(SUPPLIER_KINDS, v),
    },
    {
      title: t('supplier'),
      key: 'supplier',
      width: 220,
      render: (_, r) =>
        r.householdId ? (
          <HouseholdLink id={r.householdId}>
            {r.supplierName ?? '—'} {r.householdNo}
          </HouseholdLink>
        ) : (
          r.supplierName
        ),
    },
    { title: t('unit'), dataIndex: 'orgName', width: 110 },
    { title: t('salesTotal'), dataIndex: 'salesTotalFen', width: 130, align: 'right', render: (v: number) => yuan(v) },
  ];
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Table<ProductRow>
      rowKey="id"
      size="middle"
      data-testid="consumer-products"
      columns={columns}
      loading={query.isFetching}
      dataSource={query.data?.items}
      locale={{ emptyText: t('empty') }}
      scroll={{ x: 800 }}
      pagination={{
        current: page,
        pageSize,
        total: query.data?.total ?? 0,
        showTotal: (n) => totalText(language, n, 'items'),
        onChange: (p, s) => {
          setPage(p);
          setPageSize(s);
        },
      }}
    />
  );
}

export function SalesTab() {
  const t = useMessages(CONSUMER_TEXT);
  const { language } = useI18n();
  const { query, page, pageSize, setPage, setPageSize } = useLocalPage(consumerKeys.sales(), (q) =>
    fetchSales({ ...q, sort: 'period', order: 'desc' }),
  );
  const columns: TableColumnsType<SaleRow> = [
    { title: t('period'), dataIndex: 'period', width: 90, fixed: 'left' },
    { title: t('outlet'), dataIndex: 'outletName', width: 180 },
    { title: t('kind'), dataIndex: 'outletKind', width: 70, render: (v: string) => zhOfCode(OUTLET_KINDS, v) },
    { title: t('product'), dataIndex: 'productName', width: 120 },
    { title: t('supplier'), dataIndex: 'supplierName', width: 160 },
    { title: t('amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number) => yuan(v) },
  ];
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />;
  return (
    <>
      {query.data && (
        <Typography.Paragraph>{t('salesSum', { amount: yuan(query.data.totalFen) })}</Typography.Paragraph>
      )}
      <Table<SaleRow>
        rowKey="id"
        size="middle"
        data-testid="consumer-sales"
        columns={columns}
        loading={query.isFetching}
        dataSource={query.data?.items}
        locale={{ emptyText: t('empty') }}
        scroll={{ x: 760 }}
        pagination={{
          current: page,
          pageSize,
          total: query.data?.total ?? 0,
          showTotal: (n) => totalText(language, n, 'items'),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
    </>
  );
}
