import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
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
import { PAIRING_KINDS, zhOf } from '#common/domain/village-support/codes.ts';
import {
  addContribution,
  createPairing,
  endPairing,
  fetchPairing,
  fetchPairings,
  fetchPairingTotals,
  pairingsExportUrl,
  socialPairingKeys,
  type PairingDetail,
  type PairingPage,
  type PairingTotals,
} from '#web/api/village-support.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { LedgerList, LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { QueryState } from '#web/components/states.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { toFen, yuan } from '../projects/text.ts';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { useVillageText } from './text.ts';

type PairingRowT = PairingPage['items'][number];
const kindOptions = PAIRING_KINDS.map((k) => ({ value: k.code, label: k.zh }));
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 社会力量帮扶: pairings by kind with what each brought, totals per kind and township, the ledger. */
export default function SocialPairingPage() {
  const t = useVillageText();
  const { data: actor } = useActor();
  const canWrite = hasPermission(actor, 'programmes:write') && actor?.role !== 'auditor';
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = usePagedList({
    key: socialPairingKeys.list(),
    filterKeys: ['orgCode', 'kind', 'status', 'q'] as const,
    fetch: (f, p) => fetchPairings({ ...f, ...p }),
  });
  const totals = useQuery({
    queryKey: socialPairingKeys.totals(list.filters),
    queryFn: () => fetchPairingTotals(list.filters),
  });
  const columns: TableColumnsType<PairingRowT> = [
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('orgCode'), width: 100, fixed: 'left' },
    { title: t('township'), dataIndex: 'townshipName', width: 90 },
    { title: t('kind'), dataIndex: 'kind', width: 120, render: (v: string) => zhOf(PAIRING_KINDS, v) },
    { title: t('partnerName'), dataIndex: 'partnerName', ...list.sortable('partnerName'), width: 180 },
    { title: t('leaderName'), dataIndex: 'leaderName', width: 100, render: (v: string | null) => v ?? '—' },
    { title: t('pairedOn'), dataIndex: 'startedOn', ...list.sortable('startedOn'), width: 110 },
    {
      title: t('funds'),
      dataIndex: 'fundsFen',
      ...list.sortable('fundsFen'),
      width: 130,
      align: 'right',
      render: (v: number) => yuan(v),
    },
    { title: t('projects'), dataIndex: 'projects', width: 90, align: 'right' },
    { title: t('jobs'), dataIndex: 'jobs', width: 90, align: 'right' },
    {
      title: t('status'),
      key: 'status',
      width: 100,
      render: (_, r) => (r.endedOn ? <Tag>{t('pairingEnded')}</Tag> : <Tag color="green">{t('pairingActive')}</Tag>),
    },
    {
      title: '',
      key: 'open',
      width: 70,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setOpenId(r.id)}>
          {t('view')}
        </Button>
      ),
    },
  ];
  return (
    <LedgerListCard
      title={t('pairingTitle')}
      testId="social-pairing-page"
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('newPairing')}
          </Button>
        )
      }
      intro={t('pairingIntro')}
    >
      <LedgerList
        list={list}
        filters={[
          { kind: 'org' },
          { kind: 'select', key: 'kind', placeholder: t('kind'), width: 150, options: kindOptions },
          {
            kind: 'select',
            key: 'status',
            placeholder: t('status'),
            width: 110,
            options: [
              { value: 'active', label: t('pairingActive') },
              { value: 'ended', label: t('pairingEnded') },
            ],
          },
          { kind: 'search', key: 'q', placeholder: t('searchPairing'), width: 200 },
        ]}
        exportUrl={pairingsExportUrl(list.filters)}
        exportText={t('export')}
        between={<QueryState query={totals}>{(data) => <Totals data={data} />}</QueryState>}
        rowKey="id"
        testId="social-pairings"
        columns={columns}
        emptyText={t('empty')}
        scrollX={1200}
      />
      {creating && <PairingModal onClose={() => setCreating(false)} onDone={setOpenId} />}
      {openId !== null && <PairingDrawer id={openId} canWrite={canWrite} onClose={() => setOpenId(null)} />}
    </LedgerListCard>
  );
}

function Totals({ data }: { data: PairingTotals }) {
  const t = useVillageText();
  const numbers = [
    { title: t('pairingCount'), dataIndex: 'pairings', width: 70, align: 'right' as const },
    { title: t('funds'), dataIndex: 'fundsFen', width: 120, align: 'right' as const, render: (v: number) => yuan(v) },
    { title: t('projects'), dataIndex: 'projects', width: 70, align: 'right' as const },
    { title: t('jobs'), dataIndex: 'jobs', width: 70, align: 'right' as const },
  ];
  const totalRow = { key: 'total', ...data.total };
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="pairing-totals">
      <Col xs={24} lg={12}>
        <Typography.Text strong>{t('byKind')}</Typography.Text>
        <Table
          size="small"
          pagination={false}
          scroll={{ x: 420 }}
          dataSource={[
            ...data.byKind.map((k) => ({ key: k.kind, name: zhOf(PAIRING_KINDS, k.kind), ...k })),
            { ...totalRow, name: t('total') },
          ]}
          columns={[{ title: t('kind'), dataIndex: 'name', width: 110 }, ...numbers]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Typography.Text strong>{t('byTownship')}</Typography.Text>
        <Table
          size="small"
          pagination={false}
          scroll={{ x: 420 }}
          dataSource={[
            ...data.byTownship.map((k) => ({ key: k.townshipCode, name: k.townshipName ?? k.townshipCode, ...k })),
            { ...totalRow, name: t('total') },
          ]}
          columns={[{ title: t('township'), dataIndex: 'name', width: 110 }, ...numbers]}
        />
      </Col>
    </Row>
  );
}

interface PairingValues {
  orgCode: string;
  kind: string;
  partnerName: string;
  leaderName?: string;
  startedOn: Dayjs;
  note?: string;
}

function PairingModal({ onClose, onDone }: { onClose: () => void; onDone: (id: number) => void }) {
  const t = useVillageText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PairingValues>();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<PairingValues, PairingDetail>
      open
      onClose={onClose}
      title={t('newPairing')}
      form={form}
      initialValues={{ kind: 'unitVillage', startedOn: chinaToday() }}
      send={(v) =>
        createPairing({
          orgCode: v.orgCode,
          kind: v.kind as 'unitVillage',
          partnerName: v.partnerName,
          leaderName: v.leaderName || null,
          startedOn: day(v.startedOn),
          note: v.note || null,
        })
      }
      onDone={async (r) => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: socialPairingKeys.all });
        onDone(r.id);
      }}
    >
      <Form.Item name="orgCode" label={t('village')} rules={[required]}>
        <RegistryOrgFilter />
      </Form.Item>
      <Form.Item name="kind" label={t('kind')} rules={[required]}>
        <Select options={kindOptions} />
      </Form.Item>
      <Form.Item name="partnerName" label={t('partnerName')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="leaderName" label={t('leaderName')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="startedOn" label={t('pairedOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function PairingDrawer({ id, canWrite, onClose }: { id: number; canWrite: boolean; onClose: () => void }) {
  const t = useVillageText();
  const query = useQuery({ queryKey: socialPairingKeys.detail(id), queryFn: () => fetchPairing(id) });
  const [modal, setModal] = useState<null | 'contribution' | 'end'>(null);
  return (
    <Drawer open onClose={onClose} width="min(720px, 100vw)" title={t('pairingTitle')} destroyOnHidden>
      <QueryState query={query}>
        {(p) => (
          <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="pairing-detail">
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('village')}>
                {p.townshipName} {p.villageName}
              </Descriptions.Item>
              <Descriptions.Item label={t('kind')}>{zhOf(PAIRING_KINDS, p.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('partnerName')}>{p.partnerName}</Descriptions.Item>
              <Descriptions.Item label={t('leaderName')}>{p.leaderName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('pairedOn')}>
                {p.startedOn}
                {p.endedOn ? ` — ${p.endedOn}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('funds')}>{yuan(p.fundsFen)}</Descriptions.Item>
              <Descriptions.Item label={t('projects')}>{p.projects}</Descriptions.Item>
              <Descriptions.Item label={t('jobs')}>{p.jobs}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t('contributions')}</Typography.Title>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.contributions}
              locale={{ emptyText: t('empty') }}
              scroll={{ x: 520 }}
              columns={[
                { title: t('contributedOn'), dataIndex: 'contributedOn', width: 110 },
                {
                  title: t('funds'),
                  dataIndex: 'fundsFen',
                  width: 120,
                  align: 'right',
                  render: (v: number) => yuan(v),
                },
                {
                  title: t('projectName'),
                  dataIndex: 'projectName',
                  width: 140,
                  render: (v: string | null) => v ?? '—',
                },
                { title: t('jobs'), dataIndex: 'jobs', width: 80, align: 'right' },
                { title: t('note'), dataIndex: 'note', width: 140, render: (v: string | null) => v ?? '—' },
              ]}
            />
            {canWrite && !p.endedOn && (
              <Space wrap>
                <Button icon={<PlusOutlined />} onClick={() => setModal('contribution')}>
                  {t('addContribution')}
                </Button>
                <Button danger onClick={() => setModal('end')}>
                  {t('endPairing')}
                </Button>
              </Space>
            )}
            {modal === 'contribution' && <ContributionModal pairing={p} onClose={() => setModal(null)} />}
            {modal === 'end' && <EndPairingModal pairing={p} onClose={() => setModal(null)} />}
          </Space>
        )}
      </QueryState>
    </Drawer>
  );
}

function useDone() {
  const t = useVillageText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async () => {
    message.success(t('saved'));
    await queryClient.invalidateQueries({ queryKey: socialPairingKeys.all });
  };
}

interface ContributionValues {
  contributedOn: Dayjs;
  funds?: number;
  projectName?: string;
  jobs?: number;
  note?: string;
}

function ContributionModal({ pairing, onClose }: { pairing: PairingDetail; onClose: () => void }) {
  const t = useVillageText();
  const [form] = Form.useForm<ContributionValues>();
  const done = useDone();
  return (
    <FormModal<ContributionValues, PairingDetail>
      open
      onClose={onClose}
      title={t('addContribution')}
      form={form}
      initialValues={{ contributedOn: chinaToday() }}
      fieldMap={{ fundsFen: 'funds' }}
      send={(v) =>
        addContribution(pairing.id, {
          contributedOn: day(v.contributedOn),
          fundsFen: toFen(v.funds),
          projectName: v.projectName || null,
          jobs: v.jobs ?? 0,
          note: v.note || null,
        })
      }
      onDone={done}
    >
      <Form.Item name="contributedOn" label={t('contributedOn')} rules={[{ required: true, message: t('required') }]}>
        <DatePicker />
      </Form.Item>
      <Space wrap>
        <Form.Item name="funds" label={t('funds')}>
          <InputNumber min={0} precision={2} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="jobs" label={t('jobs')}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
      </Space>
      <Form.Item name="projectName" label={t('projectName')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function EndPairingModal({ pairing, onClose }: { pairing: PairingDetail; onClose: () => void }) {
  const t = useVillageText();
  const [form] = Form.useForm<{ endedOn: Dayjs }>();
  const done = useDone();
  return (
    <FormModal<{ endedOn: Dayjs }, PairingDetail>
      open
      onClose={onClose}
      title={t('endPairing')}
      form={form}
      initialValues={{ endedOn: chinaToday() }}
      send={(v) => endPairing(pairing.id, { endedOn: day(v.endedOn) })}
      onDone={done}
    >
      <Form.Item name="endedOn" label={t('endedOn')} rules={[{ required: true, message: t('required') }]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
