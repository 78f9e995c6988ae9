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
  importRelocationFile,
  relocatedExportUrl,
  relocationKeys,
  relocationTemplateUrl,
  type RelocatedPage,
  type RelocationImportReport,
  type SitePage,
} from '#web/api/relocation.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { HouseholdLink } from '#web/components/HouseholdLink.tsx';
import { LedgerList, LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { XlsxImportButton } from '#web/components/XlsxImportButton.tsx';
import { FormModal } from '../projects/FormModal.tsx';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { CorrectEntryModal, EndEntryModal, type EntryRef } from './EntryModals.tsx';
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
  const [acting, setActing] = useState<{ kind: 'end' | 'correct'; entry: EntryRef } | null>(null);
  const canWrite = hasPermission(actor, 'programmes:write');
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
    ...(canWrite
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, r: Row) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  data-testid={`relocation-end-${r.id}`}
                  onClick={() => setActing({ kind: 'end', entry: r })}
                >
                  {t('end')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  data-testid={`relocation-correct-${r.id}`}
                  onClick={() => setActing({ kind: 'correct', entry: r })}
                >
                  {t('correct')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
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
      <LedgerListCard
        title={t('householdsTitle')}
        extra={
          <Space wrap>
            {canWrite && <ImportButton />}
            <Button
              icon={<DownloadOutlined />}
              href={relocatedExportUrl({ ...list.filters })}
              download
              data-testid="relocation-export"
            >
              {t('export')}
            </Button>
          </Space>
        }
        intro={t('intro', { months: data?.stableMonths ?? 6, window: data?.stableWindowMonths ?? 12 })}
      >
        <LedgerList
          list={list}
          filters={[
            { kind: 'org' },
            {
              kind: 'node',
              node: (
                <Select
                  allowClear
                  placeholder={t('allSites')}
                  style={{ width: 220 }}
                  value={list.filters.siteId ? Number(list.filters.siteId) : undefined}
                  onChange={(v?: number) => list.setFilter('siteId', v ? String(v) : undefined)}
                  options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
                />
              ),
            },
            {
              kind: 'node',
              node: (
                <Space>
                  <Switch
                    data-testid="relocation-short-only"
                    checked={list.filters.short === '1'}
                    onChange={(on) => list.setFilter('short', on ? '1' : undefined)}
                  />
                  {t('onlyShort')}
                </Space>
              ),
            },
          ]}
          rowKey="id"
          columns={columns}
          emptyText={t('empty')}
          scrollX={canWrite ? 1160 : 1040}
        />
      </LedgerListCard>
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
      {acting?.kind === 'end' && <EndEntryModal entry={acting.entry} onClose={() => setActing(null)} />}
      {acting?.kind === 'correct' && <CorrectEntryModal entry={acting.entry} onClose={() => setActing(null)} />}
    </Space>
  );
}

const OUTCOME_COLOR = { add: 'green', present: 'default', error: 'red' } as const;
type ImportResult = RelocationImportReport['results'][number];

/** 导入搬迁户名单 .xlsx: a dry run first (每行：将登记 / 已登记跳过 / 有误及原因), then the import of a clean list. */
function ImportButton() {
  const t = useRelocationText();
  const outcome = (r: RelocationImportReport, o: ImportResult['outcome']) =>
    o === 'add'
      ? r.dryRun
        ? t('importWillAdd')
        : t('importAdded')
      : o === 'present'
        ? t('importPresent')
        : t('importError');
  return (
    <XlsxImportButton<RelocationImportReport>
      label={t('import')}
      title={t('importTitle')}
      importFile={importRelocationFile}
      invalidate={relocationKeys.all}
      errorsOf={(r) => r.errors.map((e) => ({ row: e.row, column: e.field, message: e.message }))}
      doneText={(r) => t('importDone', { created: r.created, present: r.present })}
      template={{ href: relocationTemplateUrl, label: t('template') }}
      details={(r) => (
        <>
          {r.dryRun && (
            <Typography.Text data-testid="relocation-import-summary">
              {t('importSummary', { created: r.created, present: r.present })}
            </Typography.Text>
          )}
          <Table<ImportResult>
            size="small"
            rowKey="row"
            data-testid="relocation-import-rows"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={r.results}
            scroll={{ x: 560 }}
            columns={[
              { title: t('importRow'), dataIndex: 'row', width: 60 },
              { title: t('importName'), dataIndex: 'name', width: 80 },
              {
                title: t('importResult'),
                dataIndex: 'outcome',
                width: 110,
                render: (o: ImportResult['outcome']) => <Tag color={OUTCOME_COLOR[o]}>{outcome(r, o)}</Tag>,
              },
              { title: t('site'), dataIndex: 'siteName', width: 170 },
              { title: t('importWhy'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    />
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
