import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  OUTLET_CHANNELS,
  OUTLET_KINDS,
  PRODUCT_CATEGORIES,
  SUPPLIER_KINDS,
  zhOfCode,
} from '../../../../common/domain/village-economy/codes.ts';
import {
  closeOutlet,
  consumerKeys,
  createOutlet,
  createProduct,
  fetchConsumerSummary,
  fetchOutlets,
  fetchProducts,
  fetchSales,
  outletsExportUrl,
  recordSale,
  type OutletPage,
  type ProductPage,
  type SalePage,
} from '../../api/village-economy.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { chinaToday } from '../../components/chinaDay.ts';
import { HouseholdLink } from '../../components/HouseholdLink.tsx';
import { LedgerList, LedgerListCard } from '../../components/LedgerListCard.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { QueryState } from '../../components/states.tsx';
import { totalText, usePagedList } from '../../components/usePagedList.ts';
import { useI18n, useMessages } from '../../i18n/useI18n.ts';
import { HouseholdPicker } from '../monitoring/HouseholdPicker.tsx';
import { FormModal } from '../projects/FormModal.tsx';
import { toFen, yuan } from '../projects/text.ts';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { CONSUMER_TEXT } from './text.ts';

type OutletRow = OutletPage['items'][number];
type ProductRow = ProductPage['items'][number];
type SaleRow = SalePage['items'][number];
const options = (list: readonly { code: string; zh: string }[]) => list.map((x) => ({ value: x.code, label: x.zh }));

/** 消费帮扶: 专馆/专区/专柜 against the 2/2/20 target, outlets, products and suppliers, monthly sales. */
export default function ConsumerAssistancePage() {
  const t = useMessages(CONSUMER_TEXT);
  const { data: actor } = useActor();
  const canWrite = hasPermission(actor, 'programmes:write') && actor?.role !== 'auditor';
  const [dialog, setDialog] = useState<'outlet' | 'product' | 'sale' | null>(null);
  return (
    <LedgerListCard
      title={t('title')}
      testId="consumer-page"
      extra={
        canWrite && (
          <Space wrap>
            <Button type="primary" onClick={() => setDialog('outlet')}>
              {t('newOutlet')}
            </Button>
            <Button onClick={() => setDialog('product')}>{t('newProduct')}</Button>
            <Button onClick={() => setDialog('sale')}>{t('newSale')}</Button>
          </Space>
        )
      }
      intro={t('intro')}
      tabs={[
        { key: 'outlets', label: t('tabOutlets'), children: <OutletsTab canWrite={canWrite} /> },
        { key: 'products', label: t('tabProducts'), children: <ProductsTab /> },
        { key: 'sales', label: t('tabSales'), children: <SalesTab /> },
      ]}
    >
      <Summary />
      {dialog === 'outlet' && <OutletModal onClose={() => setDialog(null)} />}
      {dialog === 'product' && <ProductModal onClose={() => setDialog(null)} />}
      {dialog === 'sale' && <SaleModal onClose={() => setDialog(null)} />}
    </LedgerListCard>
  );
}

function Summary() {
  const t = useMessages(CONSUMER_TEXT);
  const { data: actor } = useActor();
  const countyWide = !actor || actor.orgCode.endsWith('000000');
  const year = chinaToday().year();
  const query = useQuery({ queryKey: consumerKeys.summary(year), queryFn: () => fetchConsumerSummary(year) });
  return (
    <QueryState query={query}>
      {(s) => (
        <div data-testid="consumer-summary" style={{ marginBottom: 16 }}>
          <Row gutter={[16, 16]}>
            {s.progress.map((p) => (
              <Col key={p.kind} xs={24} sm={8}>
                <Card size="small" title={`${zhOfCode(OUTLET_KINDS, p.kind)} · ${t('target')}`}>
                  <Progress percent={p.target ? Math.min(100, Math.round((p.built / p.target) * 100)) : 100} />
                  <div>{t('built', { built: p.built, target: p.target })}</div>
                  {p.met ? (
                    <Tag color="green">{t('met')}</Tag>
                  ) : (
                    <Tag color="orange">{t('short', { n: p.shortfall })}</Tag>
                  )}
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {s.targetSource}
            {!countyWide && t('scopeNote')}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('salesYear', { year: s.year })}：{yuan(s.salesYearFen)} 元 ·{' '}
            {t('suppliers', { households: s.suppliers.households, cooperatives: s.suppliers.cooperatives })}
          </Typography.Paragraph>
        </div>
      )}
    </QueryState>
  );
}

function OutletsTab({ canWrite }: { canWrite: boolean }) {
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

function ProductsTab() {
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

function SalesTab() {
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

interface OutletValues {
  orgCode: string;
  kind: string;
  channel: string;
  name: string;
  location: string;
  operator: string;
  openedOn: Dayjs;
}

function OutletModal({ onClose }: { onClose: () => void }) {
  const t = useMessages(CONSUMER_TEXT);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OutletValues>();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<OutletValues, unknown>
      open
      onClose={onClose}
      title={t('newOutlet')}
      form={form}
      initialValues={{ kind: 'counter', channel: 'offline', openedOn: chinaToday() }}
      send={(v) =>
        createOutlet({
          orgCode: v.orgCode,
          kind: v.kind as 'counter',
          channel: v.channel as 'offline',
          name: v.name,
          location: v.location,
          operator: v.operator,
          openedOn: v.openedOn.format('YYYY-MM-DD'),
        })
      }
      onDone={async () => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: consumerKeys.all });
      }}
    >
      <Form.Item name="orgCode" label={t('unit')} rules={[required]}>
        <RegistryOrgFilter />
      </Form.Item>
      <Space wrap>
        <Form.Item name="kind" label={t('kind')} rules={[required]}>
          <Radio.Group options={options(OUTLET_KINDS)} />
        </Form.Item>
        <Form.Item name="channel" label={t('channel')} rules={[required]}>
          <Radio.Group options={options(OUTLET_CHANNELS)} />
        </Form.Item>
      </Space>
      <Form.Item name="name" label={t('name')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="location" label={t('location')} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="operator" label={t('operator')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="openedOn" label={t('openedOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}

interface ProductValues {
  name: string;
  category: string;
  supplierKind: 'household' | 'cooperative';
  householdId?: number;
  supplierName?: string;
  orgCode?: string;
}

function ProductModal({ onClose }: { onClose: () => void }) {
  const t = useMessages(CONSUMER_TEXT);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProductValues>();
  const kind = Form.useWatch('supplierKind', form);
  const required = { required: true, message: t('required') };
  return (
    <FormModal<ProductValues, unknown>
      open
      onClose={onClose}
      title={t('newProduct')}
      form={form}
      initialValues={{ supplierKind: 'household', category: 'mountain' }}
      send={(v) =>
        createProduct({
          name: v.name,
          category: v.category,
          supplierKind: v.supplierKind,
          householdId: v.supplierKind === 'household' ? (v.householdId ?? null) : null,
          supplierName: v.supplierKind === 'cooperative' ? (v.supplierName ?? null) : null,
          orgCode: v.supplierKind === 'cooperative' ? (v.orgCode ?? null) : null,
        })
      }
      onDone={async () => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: consumerKeys.all });
      }}
    >
      <Form.Item name="name" label={t('product')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="category" label={t('category')} rules={[required]}>
        <Select options={options(PRODUCT_CATEGORIES)} />
      </Form.Item>
      <Form.Item name="supplierKind" label={t('supplierKind')} rules={[required]}>
        <Radio.Group options={options(SUPPLIER_KINDS)} />
      </Form.Item>
      {kind === 'cooperative' ? (
        <>
          <Form.Item name="supplierName" label={t('cooperative')} rules={[required]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="orgCode" label={t('coopUnit')} rules={[required]}>
            <RegistryOrgFilter />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="householdId" label={t('household')} rules={[required]}>
          <HouseholdPicker />
        </Form.Item>
      )}
    </FormModal>
  );
}

interface SaleValues {
  outletId: number;
  productId: number;
  period: Dayjs;
  amount: number;
}

function SaleModal({ onClose }: { onClose: () => void }) {
  const t = useMessages(CONSUMER_TEXT);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SaleValues>();
  const required = { required: true, message: t('required') };
  const outlets = useQuery({
    queryKey: consumerKeys.outletOptions(),
    queryFn: () => fetchOutlets({ status: 'open', page: 1, pageSize: 200 }),
  });
  const products = useQuery({
    queryKey: consumerKeys.productOptions(),
    queryFn: () => fetchProducts({ page: 1, pageSize: 200 }),
  });
  return (
    <FormModal<SaleValues, unknown>
      open
      onClose={onClose}
      title={t('newSale')}
      form={form}
      initialValues={{ period: chinaToday().subtract(1, 'month') }}
      fieldMap={{ amountFen: 'amount' }}
      send={(v) =>
        recordSale({
          outletId: v.outletId,
          productId: v.productId,
          period: v.period.format('YYYY-MM'),
          amountFen: toFen(v.amount),
        })
      }
      onDone={async () => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: consumerKeys.all });
      }}
    >
      <Form.Item name="outletId" label={t('outlet')} rules={[required]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={outlets.isLoading}
          options={(outlets.data?.items ?? []).map((o) => ({
            value: o.id,
            label: `${zhOfCode(OUTLET_KINDS, o.kind)} · ${o.name}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="productId" label={t('product')} rules={[required]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={products.isLoading}
          options={(products.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name} · ${p.supplierName ?? ''}`,
          }))}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item name="period" label={t('period')} rules={[required]}>
          <DatePicker picker="month" />
        </Form.Item>
        <Form.Item name="amount" label={t('amount')} rules={[required]}>
          <InputNumber min={0} precision={2} style={{ width: 160 }} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
