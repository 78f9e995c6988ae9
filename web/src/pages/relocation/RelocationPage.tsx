import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  createSite,
  fetchRelocated,
  fetchSites,
  relocatedExportUrl,
  relocationKeys,
  type RelocatedPage,
  type SitePage,
} from '../../api/relocation.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { HouseholdLink } from '../../components/HouseholdLink.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { usePagedList } from '../../components/usePagedList.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { useRelocationText } from './text.ts';

type Row = RelocatedPage['items'][number];
type Site = SitePage['items'][number];
const FILTER_KEYS = ['orgCode', 'siteId', 'short'] as const;
const STATUS_COLOR = { met: 'green', short: 'red', noLabour: 'default' } as const;

/** 易地扶贫搬迁后续扶持 (沁发〔2021〕17号 §二(一)4): the stable-employment check of relocated households, and the sites. */
export default function RelocationPage() {
  const t = useRelocationText();
  const { data: actor } = useActor();
  const [adding, setAdding] = useState(false);
  const sites = useQuery({
    queryKey: [...relocationKeys.sites(), 'all'],
    queryFn: () => fetchSites({ page: 1, pageSize: 200 }),
  });
  const list = usePagedList({
    key: relocationKeys.households(),
    filterKeys: FILTER_KEYS,
    fetch: (f, p) => fetchRelocated({ ...f, ...p }),
    unit: 'households',
  });
  const status = { met: t('met'), short: t('short'), noLabour: t('noLabour') };
  const columns: TableColumnsType<Row> = [
    {
      title: t('householdNo'),
      dataIndex: 'householdNo',
      ...list.sortable('householdNo'),
      width: 170,
      fixed: 'left',
      render: (no: string, r) => <HouseholdLink id={r.householdId}>{no}</HouseholdLink>,
    },
    { title: t('head'), dataIndex: 'headName', width: 90, render: (v: string | null) => v ?? '—' },
    {
      title: t('status'),
      dataIndex: 'status',
      width: 110,
      render: (v: Row['status']) => <Tag color={STATUS_COLOR[v]}>{status[v]}</Tag>,
    },
    { title: t('site'), dataIndex: 'siteName', ...list.sortable('site'), width: 180 },
    { title: t('village'), dataIndex: 'villageName', width: 110, render: (v: string | null, r) => v ?? r.villageCode },
    { title: t('movedOn'), dataIndex: 'movedOn', ...list.sortable('movedOn'), width: 120 },
    { title: t('members'), dataIndex: 'members', width: 70, align: 'right' },
    { title: t('labourers'), dataIndex: 'labourers', width: 80, align: 'right' },
    { title: t('stable'), dataIndex: 'stablyEmployed', width: 90, align: 'right' },
  ];
  const siteColumns: TableColumnsType<Site> = [
    { title: t('siteName'), dataIndex: 'name', width: 180, fixed: 'left' },
    { title: t('siteVillage'), dataIndex: 'orgName', width: 110, render: (v: string | null, s) => v ?? s.orgCode },
    {
      title: t('planned'),
      key: 'planned',
      width: 130,
      render: (_, s) => `${s.plannedHouseholds} / ${s.plannedPeople ?? '—'}`,
    },
    { title: t('completedOn'), dataIndex: 'completedOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('relocated'), dataIndex: 'households', width: 120, align: 'right' },
    {
      title: t('shortCount'),
      dataIndex: 'short',
      width: 90,
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n),
    },
  ];
  const data = list.query.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('householdsTitle')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={relocatedExportUrl({ ...list.filters })}
            download
            data-testid="relocation-export"
          >
            {t('export')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          {t('intro', { months: data?.stableMonths ?? 6, window: data?.stableWindowMonths ?? 12 })}
        </Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <RegistryOrgFilter
            value={list.filters.orgCode}
            onChange={(v) => list.setFilter('orgCode', v)}
            style={{ width: 200 }}
          />
          <Select
            allowClear
            placeholder={t('allSites')}
            style={{ width: 220 }}
            value={list.filters.siteId ? Number(list.filters.siteId) : undefined}
            onChange={(v?: number) => list.setFilter('siteId', v ? String(v) : undefined)}
            options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
          <Space>
            <Switch
              data-testid="relocation-short-only"
              checked={list.filters.short === '1'}
              onChange={(on) => list.setFilter('short', on ? '1' : undefined)}
            />
            {t('onlyShort')}
          </Space>
        </Space>
        {list.query.isError ? (
          <QueryErrorResult error={list.query.error} onRetry={() => list.query.refetch()} />
        ) : (
          <Table<Row>
            rowKey="id"
            size="middle"
            columns={columns}
            {...list.tableProps}
            locale={{ emptyText: t('empty') }}
            scroll={{ x: 1040 }}
          />
        )}
      </Card>
      <Card
        title={t('sitesTitle')}
        extra={
          hasPermission(actor, 'programmes:write') && (
            <Button onClick={() => setAdding(true)} data-testid="relocation-new-site">
              {t('newSite')}
            </Button>
          )
        }
      >
        {sites.isError ? (
          <QueryErrorResult error={sites.error} onRetry={() => sites.refetch()} />
        ) : (
          <>
            <Table<Site>
              rowKey="id"
              size="small"
              loading={sites.isPending}
              columns={siteColumns}
              dataSource={sites.data?.items ?? []}
              pagination={false}
              locale={{ emptyText: t('empty') }}
              scroll={{ x: 740 }}
            />
            <Typography.Text type="secondary">{t('sitesTotal', { n: sites.data?.total ?? 0 })}</Typography.Text>
          </>
        )}
      </Card>
      {adding && <SiteModal onClose={() => setAdding(false)} />}
    </Space>
  );
}

interface SiteValues {
  orgCode: string;
  name: string;
  plannedHouseholds: number;
  plannedPeople?: number | null;
  completedOn?: Dayjs | null;
  note?: string;
}

function SiteModal({ onClose }: { onClose: () => void }) {
  const t = useRelocationText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SiteValues>();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<SiteValues, unknown>
      open
      onClose={onClose}
      title={t('newSite')}
      form={form}
      send={(v) =>
        createSite({
          orgCode: v.orgCode,
          name: v.name,
          plannedHouseholds: v.plannedHouseholds,
          plannedPeople: v.plannedPeople ?? null,
          completedOn: v.completedOn ? v.completedOn.format('YYYY-MM-DD') : null,
          note: v.note || null,
        })
      }
      onDone={async () => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: relocationKeys.all });
      }}
    >
      <Form.Item name="name" label={t('siteName')} rules={[required]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="orgCode" label={t('orgCode')} rules={[required]}>
        <RegistryOrgFilter style={{ width: '100%' }} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="plannedHouseholds" label={t('plannedHouseholds')} rules={[required]}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="plannedPeople" label={t('plannedPeople')}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="completedOn" label={t('completedOn')}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
