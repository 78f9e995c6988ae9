import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  PETITION_CLOSURE_RESULTS,
  PETITION_EVENT_KINDS,
  PETITION_LEVELS,
  PETITION_LEVELS_NOTE,
  PETITION_SOURCES,
  PETITION_STEP_ACTIONS,
  zhOf,
} from '#common/domain/petitions/codes.ts';
import { fetchResolvedParams } from '#web/api/params.ts';
import {
  addPetitionHousehold,
  addPetitionStep,
  closePetition,
  createPetition,
  fetchPetition,
  fetchPetitions,
  petitionKeys,
  petitionsExportUrl,
  raisePetitionClue,
  type PetitionDetail,
  type PetitionPage,
} from '#web/api/petitions.ts';
import { keys } from '#web/api/queryKeys.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { HouseholdLink } from '#web/components/HouseholdLink.tsx';
import { LedgerList, LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { QueryState } from '#web/components/states.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { HouseholdPicker } from '../monitoring/HouseholdPicker.tsx';
import { riskLabel } from '../monitoring/labels.ts';
import { RiskTypeChecks } from '../monitoring/RiskTypeChecks.tsx';
import { FormModal } from '../projects/FormModal.tsx';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { usePetitionText } from './text.ts';

type Row = PetitionPage['items'][number];
const options = (list: readonly { code: string; zh: string }[]) => list.map((k) => ({ value: k.code, label: k.zh }));
const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const thisYear = Number(chinaToday().format('YYYY'));
const yearOptions = Array.from({ length: 6 }, (_, i) => ({ value: String(thisYear - i), label: String(thisYear - i) }));

function useCanWrite() {
  const { data: actor } = useActor();
  return hasPermission(actor, 'clues:write') && actor?.role !== 'auditor';
}

/** The handling status of a row: closed, overdue by N days, due today, or N days left (China day, from the server). */
function StatusTag({ row }: { row: Pick<Row, 'closedOn' | 'overdue' | 'daysLeft'> }) {
  const t = usePetitionText();
  if (row.closedOn) return <Tag>{t('statusClosed')}</Tag>;
  if (row.overdue) return <Tag color="red">{t('daysOver', { n: -(row.daysLeft ?? 0) })}</Tag>;
  if (row.daysLeft === 0) return <Tag color="orange">{t('dueToday')}</Tag>;
  return <Tag color="blue">{t('daysLeft', { n: row.daysLeft ?? 0 })}</Tag>;
}

/** 涉贫舆情信访登记: the register with the overdue list, an item's record, the households concerned and their clues. */
export default function PetitionsPage() {
  const t = usePetitionText();
  const canWrite = useCanWrite();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const period = chinaToday().format('YYYY-MM');
  const params = useQuery({ queryKey: keys.params.resolved(period), queryFn: () => fetchResolvedParams(period) });
  const handlingDays = params.data?.['petitions.handlingDays']?.value;
  const list = usePagedList({
    key: petitionKeys.list(),
    filterKeys: ['status', 'orgCode', 'kind', 'source', 'level', 'year', 'q'] as const,
    fetch: (f, p) => fetchPetitions({ ...f, ...p }),
    defaultSort: { sort: 'receivedOn', order: 'desc' },
  });
  const columns: TableColumnsType<Row> = [
    { title: t('eventTitle'), dataIndex: 'title', width: 200, fixed: 'left', ellipsis: true },
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('orgCode'), width: 100 },
    { title: t('township'), dataIndex: 'townshipName', width: 90 },
    { title: t('kind'), dataIndex: 'kind', width: 70, render: (v: string) => zhOf(PETITION_EVENT_KINDS, v) },
    { title: t('source'), dataIndex: 'source', width: 100, render: (v: string) => zhOf(PETITION_SOURCES, v) },
    {
      title: t('level'),
      dataIndex: 'level',
      width: 70,
      render: (v: string) => (
        <Tag color={v === 'major' ? 'red' : v === 'serious' ? 'orange' : undefined}>{zhOf(PETITION_LEVELS, v)}</Tag>
      ),
    },
    { title: t('receivedOn'), dataIndex: 'receivedOn', ...list.sortable('receivedOn'), width: 110 },
    { title: t('deadlineOn'), dataIndex: 'deadlineOn', ...list.sortable('deadlineOn'), width: 110 },
    { title: t('status'), key: 'status', width: 120, render: (_, r) => <StatusTag row={r} /> },
    {
      title: t('households'),
      key: 'households',
      width: 100,
      render: (_, r) =>
        r.households === 0 ? (
          '—'
        ) : (
          <span>
            {r.households}
            {r.atRiskHouseholds > 0 && (
              <Tag color="red" style={{ marginLeft: 4 }}>
                {t('atRisk')} {r.atRiskHouseholds}
              </Tag>
            )}
          </span>
        ),
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
      title={t('title')}
      testId="petitions-page"
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('newEvent')}
          </Button>
        )
      }
      intro={t('intro')}
    >
      {typeof handlingDays === 'number' && (
        <Typography.Paragraph type="secondary" data-testid="petition-deadline-note">
          {t('deadlineNote', { n: handlingDays })}
        </Typography.Paragraph>
      )}
      <LedgerList
        list={list}
        above={
          <Segmented
            style={{ marginBottom: 12 }}
            value={list.filters.status ?? ''}
            onChange={(v) => list.setFilter('status', String(v) || undefined)}
            options={[
              { value: '', label: t('statusAll') },
              { value: 'open', label: t('statusOpen') },
              { value: 'overdue', label: t('statusOverdue') },
              { value: 'closed', label: t('statusClosed') },
            ]}
            data-testid="petition-status"
          />
        }
        barStyle={{ display: 'flex' }}
        filters={[
          { kind: 'org' },
          { kind: 'select', key: 'kind', placeholder: t('kind'), width: 100, options: options(PETITION_EVENT_KINDS) },
          { kind: 'select', key: 'source', placeholder: t('source'), width: 130, options: options(PETITION_SOURCES) },
          { kind: 'select', key: 'level', placeholder: t('level'), width: 100, options: options(PETITION_LEVELS) },
          { kind: 'select', key: 'year', placeholder: t('year'), width: 110, options: yearOptions },
          { kind: 'search', key: 'q', placeholder: t('search'), width: 220 },
        ]}
        exportUrl={petitionsExportUrl(list.filters)}
        exportText={t('export')}
        rowKey="id"
        testId="petitions"
        columns={columns}
        table={{ onRow: (r) => ({ onDoubleClick: () => setOpenId(r.id) }) }}
        emptyText={t('empty')}
        scrollX={1150}
      />
      {creating && <EventModal onClose={() => setCreating(false)} onDone={setOpenId} />}
      {openId !== null && <EventDrawer id={openId} canWrite={canWrite} onClose={() => setOpenId(null)} />}
    </LedgerListCard>
  );
}

interface EventValues {
  orgCode: string;
  kind: 'petition' | 'publicOpinion';
  source: string;
  level: string;
  receivedOn: Dayjs;
  deadlineOn?: Dayjs | null;
  title: string;
  summary: string;
  petitioner?: string;
  reference?: string;
}

function useDone() {
  const t = usePetitionText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async () => {
    message.success(t('saved'));
    await queryClient.invalidateQueries({ queryKey: petitionKeys.all });
  };
}

function EventModal({ onClose, onDone }: { onClose: () => void; onDone: (id: number) => void }) {
  const t = usePetitionText();
  const done = useDone();
  const [form] = Form.useForm<EventValues>();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<EventValues, PetitionDetail>
      open
      onClose={onClose}
      title={t('newEvent')}
      form={form}
      initialValues={{ kind: 'petition', source: 'visit', level: 'ordinary', receivedOn: chinaToday() }}
      send={(v) =>
        createPetition({
          orgCode: v.orgCode,
          kind: v.kind,
          source: v.source as 'visit',
          level: v.level as 'ordinary',
          receivedOn: day(v.receivedOn),
          deadlineOn: v.deadlineOn ? day(v.deadlineOn) : null,
          title: v.title,
          summary: v.summary,
          petitioner: v.petitioner || null,
          reference: v.reference || null,
        })
      }
      onDone={async (r) => {
        await done();
        onDone(r.id);
      }}
    >
      <Form.Item name="orgCode" label={t('village')} rules={[required]}>
        <RegistryOrgFilter />
      </Form.Item>
      <Space wrap>
        <Form.Item name="kind" label={t('kind')} rules={[required]}>
          <Select options={options(PETITION_EVENT_KINDS)} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="source" label={t('source')} rules={[required]}>
          <Select options={options(PETITION_SOURCES)} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="level" label={t('level')} rules={[required]} tooltip={PETITION_LEVELS_NOTE}>
          <Select options={options(PETITION_LEVELS)} style={{ width: 100 }} />
        </Form.Item>
      </Space>
      <Form.Item name="title" label={t('eventTitle')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="summary" label={t('summary')} rules={[required]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="receivedOn" label={t('receivedOn')} rules={[required]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="deadlineOn" label={t('deadlineOn')} extra={t('deadlineHint')}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="petitioner" label={t('petitioner')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="reference" label={t('reference')}>
          <Input maxLength={60} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

function EventDrawer({ id, canWrite, onClose }: { id: number; canWrite: boolean; onClose: () => void }) {
  const t = usePetitionText();
  const { language } = useI18n();
  const query = useQuery({ queryKey: petitionKeys.detail(id), queryFn: () => fetchPetition(id) });
  const [modal, setModal] = useState<null | 'step' | 'close' | 'household' | { clueFor: number }>(null);
  return (
    <Drawer open onClose={onClose} width="min(760px, 100vw)" title={t('title')} destroyOnHidden>
      <QueryState query={query}>
        {(p) => (
          <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="petition-detail">
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('eventTitle')}>{p.title}</Descriptions.Item>
              <Descriptions.Item label={t('village')}>
                {p.townshipName} {p.villageName}
              </Descriptions.Item>
              <Descriptions.Item label={t('kind')}>
                {zhOf(PETITION_EVENT_KINDS, p.kind)} · {zhOf(PETITION_SOURCES, p.source)} ·{' '}
                {zhOf(PETITION_LEVELS, p.level)}
              </Descriptions.Item>
              <Descriptions.Item label={t('summary')}>{p.summary}</Descriptions.Item>
              {p.petitioner && <Descriptions.Item label={t('petitioner')}>{p.petitioner}</Descriptions.Item>}
              {p.reference && <Descriptions.Item label={t('reference')}>{p.reference}</Descriptions.Item>}
              <Descriptions.Item label={t('receivedOn')}>{p.receivedOn}</Descriptions.Item>
              <Descriptions.Item label={t('deadlineOn')}>
                {p.deadlineOn} <StatusTag row={p} />
              </Descriptions.Item>
              {p.closedOn && (
                <Descriptions.Item label={t('closureResult')}>
                  {p.closedOn} · {zhOf(PETITION_CLOSURE_RESULTS, p.closureResult)}：{p.closureNote}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Title level={5}>{t('steps')}</Typography.Title>
            <Timeline
              data-testid="petition-steps"
              items={p.steps.map((s) => ({
                color: s.action === 'accept' ? 'blue' : 'green',
                children: (
                  <div>
                    <Typography.Text strong>{zhOf(PETITION_STEP_ACTIONS, s.action)}</Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {s.stepOn}
                      {s.actorName ? ` · ${s.actorName}` : ''}
                    </Typography.Text>
                    <div>{s.note}</div>
                  </div>
                ),
              }))}
            />
            {canWrite && !p.closedOn && (
              <Space wrap>
                <Button icon={<PlusOutlined />} onClick={() => setModal('step')}>
                  {t('addStep')}
                </Button>
                <Button type="primary" onClick={() => setModal('close')}>
                  {t('close')}
                </Button>
              </Space>
            )}
            <Typography.Title level={5}>{t('households')}</Typography.Title>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              data-testid="petition-households"
              dataSource={p.householdsConcerned}
              locale={{ emptyText: t('empty') }}
              scroll={{ x: 560 }}
              columns={[
                {
                  title: t('headName'),
                  dataIndex: 'headName',
                  width: 110,
                  render: (v: string | null, h) => (
                    <HouseholdLink id={h.householdId}>{v ?? h.householdNo}</HouseholdLink>
                  ),
                },
                { title: t('householdNo'), dataIndex: 'householdNo', width: 160 },
                {
                  title: t('risk'),
                  key: 'risk',
                  width: 180,
                  render: (_, h) =>
                    h.atRisk ? (
                      <span>
                        {h.riskTypes.map((r) => (
                          <Tag color="red" key={r}>
                            {riskLabel(r, language)}
                          </Tag>
                        ))}
                        <Typography.Text type="secondary">
                          {t('clues')} {h.clueIds.join('、')}
                        </Typography.Text>
                      </span>
                    ) : (
                      <Typography.Text type="secondary">{t('noRisk')}</Typography.Text>
                    ),
                },
                {
                  title: '',
                  key: 'clue',
                  width: 100,
                  render: (_, h) =>
                    canWrite && (
                      <Button size="small" danger onClick={() => setModal({ clueFor: h.householdId })}>
                        {t('raiseClue')}
                      </Button>
                    ),
                },
              ]}
            />
            {canWrite && !p.closedOn && (
              <Button icon={<PlusOutlined />} onClick={() => setModal('household')}>
                {t('addHousehold')}
              </Button>
            )}
            {modal === 'step' && <StepModal event={p} onClose={() => setModal(null)} />}
            {modal === 'close' && <CloseModal event={p} onClose={() => setModal(null)} />}
            {modal === 'household' && <HouseholdModal event={p} onClose={() => setModal(null)} />}
            {modal !== null && typeof modal === 'object' && (
              <ClueModal event={p} householdId={modal.clueFor} onClose={() => setModal(null)} />
            )}
          </Space>
        )}
      </QueryState>
    </Drawer>
  );
}

function StepModal({ event, onClose }: { event: PetitionDetail; onClose: () => void }) {
  const t = usePetitionText();
  const done = useDone();
  const [form] = Form.useForm<{ stepOn: Dayjs; action: string; note: string }>();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<{ stepOn: Dayjs; action: string; note: string }, PetitionDetail>
      open
      onClose={onClose}
      title={t('addStep')}
      form={form}
      initialValues={{ stepOn: chinaToday(), action: 'verify' }}
      send={(v) => addPetitionStep(event.id, { stepOn: day(v.stepOn), action: v.action as 'verify', note: v.note })}
      onDone={done}
    >
      <Space wrap>
        <Form.Item name="stepOn" label={t('stepOn')} rules={[required]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="action" label={t('action')} rules={[required]}>
          <Select options={options(PETITION_STEP_ACTIONS.filter((a) => a.code !== 'accept'))} style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={t('stepNote')} rules={[required]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

function CloseModal({ event, onClose }: { event: PetitionDetail; onClose: () => void }) {
  const t = usePetitionText();
  const done = useDone();
  type V = { closedOn: Dayjs; closureResult: string; closureNote: string };
  const [form] = Form.useForm<V>();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<V, PetitionDetail>
      open
      onClose={onClose}
      title={t('close')}
      form={form}
      initialValues={{ closedOn: chinaToday(), closureResult: 'resolved' }}
      send={(v) =>
        closePetition(event.id, {
          closedOn: day(v.closedOn),
          closureResult: v.closureResult as 'resolved',
          closureNote: v.closureNote,
        })
      }
      onDone={done}
    >
      <Space wrap>
        <Form.Item name="closedOn" label={t('closedOn')} rules={[required]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="closureResult" label={t('closureResult')} rules={[required]}>
          <Select options={options(PETITION_CLOSURE_RESULTS)} style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Form.Item name="closureNote" label={t('closureNote')} rules={[required]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

function HouseholdModal({ event, onClose }: { event: PetitionDetail; onClose: () => void }) {
  const t = usePetitionText();
  const done = useDone();
  type V = { householdId: number; note?: string };
  const [form] = Form.useForm<V>();
  return (
    <FormModal<V, PetitionDetail>
      open
      onClose={onClose}
      title={t('addHousehold')}
      form={form}
      send={(v) => addPetitionHousehold(event.id, { householdId: v.householdId, note: v.note || null })}
      onDone={done}
    >
      <Form.Item name="householdId" label={t('household')} rules={[{ required: true, message: t('required') }]}>
        <HouseholdPicker />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function ClueModal({
  event,
  householdId,
  onClose,
}: {
  event: PetitionDetail;
  householdId: number;
  onClose: () => void;
}) {
  const t = usePetitionText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ riskTypes: string[] }>();
  return (
    <FormModal<{ riskTypes: string[] }, { clueIds: number[] }>
      open
      onClose={onClose}
      title={t('raiseClueTitle')}
      form={form}
      okText={t('raiseClue')}
      send={(v) => raisePetitionClue(event.id, householdId, { riskTypes: v.riskTypes ?? [] })}
      onDone={async (r) => {
        message.success(t('clueRaised', { ids: r.clueIds.join('、') }));
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: petitionKeys.all }),
          queryClient.invalidateQueries({ queryKey: keys.clues.all }),
        ]);
      }}
    >
      <Alert type="info" showIcon message={t('raiseClueHint')} style={{ marginBottom: 12 }} />
      <Form.Item name="riskTypes" label={t('riskTypes')} rules={[{ required: true, message: t('required') }]}>
        <RiskTypeChecks />
      </Form.Item>
    </FormModal>
  );
}
