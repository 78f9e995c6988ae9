import { chinaToday } from '#web/components/chinaDay.ts';
import { CheckCircleTwoTone, CloseCircleTwoTone, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  createDeliberation,
  fetchDeliberation,
  fetchDeliberations,
  recordDeliberationStep,
  type DeliberationDetail,
  type DeliberationRow,
} from '#web/api/projects.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { QueryState } from '#web/components/states.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { FormModal } from './FormModal.tsx';
import {
  DELIBERATION_STATUS_LABELS,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  PROPOSAL_ORIGIN_LABELS,
  PROPOSAL_ORIGINS,
  PURPOSE_LABELS,
  STEP_LABELS,
} from './labels.ts';
import { useProjectsText } from './text.ts';
import type { MeetingKind } from '#common/domain/deliberation/rules.ts';
import { keys } from '#web/api/queryKeys.ts';

const STATUS_COLOR: Record<string, string> = {
  inProgress: 'processing',
  failed: 'error',
  resolved: 'blue',
  published: 'green',
  completed: 'green',
};

/** 四议两公开 records of the villages in scope; each step is checked by the system as it is recorded. */
export default function DeliberationsPage() {
  const t = useProjectsText();
  const { label } = useI18n();
  const { data: actor } = useActor();
  const [params, setParams] = useSearchParams();
  const openId = params.get('open') ? Number(params.get('open')) : null;
  const [creating, setCreating] = useState(false);
  const query = useQuery({ queryKey: keys.projects.deliberations, queryFn: () => fetchDeliberations() });
  const canWrite = hasPermission(actor, 'deliberation:write');
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{
    villageCode: string;
    subject: string;
    purpose: 'project' | 'assetIncome' | 'assetDisposal' | 'other';
    oneShoulder: boolean;
  }>();
  const isVillage = actor?.orgCode && !actor.orgCode.endsWith('000');

  return (
    <Card
      title={t('deliberationsTitle')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('newDeliberation')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('deliberationsIntro')}</Typography.Paragraph>
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<DeliberationRow>
          rowKey="id"
          size="middle"
          loading={query.isPending}
          dataSource={query.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '#', dataIndex: 'id', width: 60 },
            {
              title: t('subject'),
              dataIndex: 'subject',
              render: (s: string, r) => (
                <Typography.Link onClick={() => setParams({ open: String(r.id) })}>{s}</Typography.Link>
              ),
            },
            { title: t('village'), dataIndex: 'villageName', width: 110 },
            { title: t('purpose'), dataIndex: 'purpose', width: 120, render: (p: string) => PURPOSE_LABELS[p] ?? p },
            {
              title: t('deliberationStatus'),
              dataIndex: 'status',
              width: 110,
              render: (s: string) => (
                <Tag color={STATUS_COLOR[s]}>
                  {label(DELIBERATION_STATUS_LABELS[s as keyof typeof DELIBERATION_STATUS_LABELS])}
                </Tag>
              ),
            },
          ]}
        />
      )}
      <FormModal
        open={creating}
        onClose={() => setCreating(false)}
        title={t('newDeliberation')}
        form={form}
        initialValues={{ villageCode: isVillage ? actor!.orgCode : undefined, purpose: 'project', oneShoulder: false }}
        send={(v) => createDeliberation(v)}
        onDone={async (d) => {
          await queryClient.invalidateQueries({ queryKey: keys.projects.deliberations });
          setParams({ open: String(d.id) });
        }}
      >
        <Form.Item name="villageCode" label={t('village')} rules={[{ required: true, message: t('required') }]}>
          {isVillage ? <Input disabled /> : <OrgUnitPicker allowedLevels={['village']} />}
        </Form.Item>
        <Form.Item name="subject" label={t('subject')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="purpose" label={t('purpose')}>
          <Select options={Object.entries(PURPOSE_LABELS).map(([value, zh]) => ({ value, label: zh }))} />
        </Form.Item>
        <Form.Item name="oneShoulder" valuePropName="checked">
          <Checkbox>{t('oneShoulder')}</Checkbox>
        </Form.Item>
      </FormModal>
      <DeliberationDrawer id={openId} canWrite={canWrite} onClose={() => setParams({})} />
    </Card>
  );
}

interface StepValues {
  heldOn: Dayjs;
  content: string;
  expected?: number;
  present?: number;
  votesFor?: number;
  votesAgainst?: number;
  meetingKind?: MeetingKind;
  origin?: (typeof PROPOSAL_ORIGINS)[number];
  townshipAttendee?: string;
}

function DeliberationDrawer({ id, canWrite, onClose }: { id: number | null; canWrite: boolean; onClose: () => void }) {
  const t = useProjectsText();
  const { label } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [recording, setRecording] = useState(false);
  const [form] = Form.useForm<StepValues>();
  const query = useQuery({
    queryKey: keys.projects.deliberation(id),
    queryFn: () => fetchDeliberation(id!),
    enabled: id !== null,
  });
  const d = query.data;
  const next = d?.nextStep;
  const meeting = next === 'partyMeeting' || next === 'villagersMeeting';
  const meetingKind = Form.useWatch('meetingKind', form) ?? 'representatives';
  const ok = (v: boolean) =>
    v ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={760}
      title={d ? `${t('deliberationsTitle')} #${d.id}：${d.subject}` : t('deliberationsTitle')}
    >
      <QueryState query={query}>
        {(d) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" bordered column={2}>
              <Descriptions.Item label={t('village')}>{d.villageName}</Descriptions.Item>
              <Descriptions.Item label={t('deliberationStatus')}>
                <Tag color={STATUS_COLOR[d.status]}>{label(DELIBERATION_STATUS_LABELS[d.status])}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('purpose')}>{PURPOSE_LABELS[d.purpose]}</Descriptions.Item>
              <Descriptions.Item label={t('nextStep')}>
                {next ? label(STEP_LABELS[next]) : t('finished')}
              </Descriptions.Item>
            </Descriptions>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.steps}
              columns={[
                {
                  title: t('step'),
                  dataIndex: 'step',
                  render: (s: keyof typeof STEP_LABELS, r) =>
                    r.meetingKind
                      ? `${label(STEP_LABELS[s])}（${label(MEETING_KIND_LABELS[r.meetingKind])}）`
                      : label(STEP_LABELS[s]),
                },
                { title: t('heldOn'), dataIndex: 'heldOn', width: 100 },
                { title: t('content'), dataIndex: 'content' },
                {
                  title: `${t('expected')}/${t('present')}/${t('votesFor')}`,
                  key: 'votes',
                  width: 150,
                  render: (_, s) => (s.expected != null ? `${s.expected} / ${s.present} / ${s.votesFor}` : '—'),
                },
                {
                  title: t('passed'),
                  key: 'passed',
                  width: 120,
                  render: (_, s) =>
                    s.expected != null ? (
                      <Space size={4}>
                        {t('attendance')}
                        {ok(s.attendanceMet)} {t('majority')}
                        {ok(s.majorityMet)}
                      </Space>
                    ) : (
                      ok(s.passed)
                    ),
                },
              ]}
            />
            {canWrite && next && (
              <Button type="primary" onClick={() => setRecording(true)} data-testid="record-step">
                {t('recordStep')}：{label(STEP_LABELS[next])}
              </Button>
            )}
            <FormModal<StepValues, DeliberationDetail>
              open={recording}
              onClose={() => setRecording(false)}
              title={next ? label(STEP_LABELS[next]) : ''}
              form={form}
              initialValues={{ heldOn: chinaToday(), meetingKind: 'representatives', origin: 'masses' }}
              send={(v) =>
                recordDeliberationStep(d.id, {
                  step: next!,
                  heldOn: v.heldOn.format('YYYY-MM-DD'),
                  content: v.content,
                  expected: v.expected ?? null,
                  present: v.present ?? null,
                  votesFor: v.votesFor ?? null,
                  votesAgainst: v.votesAgainst ?? null,
                  meetingKind: next === 'villagersMeeting' ? v.meetingKind : null,
                  origin: next === 'proposal' ? v.origin : null,
                  townshipAttendee: v.townshipAttendee || null,
                })
              }
              onDone={async (nd) => {
                queryClient.setQueryData([...keys.projects.deliberations, nd.id], nd);
                await queryClient.invalidateQueries({ queryKey: keys.projects.deliberations });
                message.success(label(DELIBERATION_STATUS_LABELS[nd.status]));
              }}
            >
              <Form.Item name="heldOn" label={t('heldOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              {next === 'proposal' && (
                <Form.Item name="origin" label={t('origin')}>
                  <Radio.Group
                    options={PROPOSAL_ORIGINS.map((o) => ({ value: o, label: PROPOSAL_ORIGIN_LABELS[o] }))}
                  />
                </Form.Item>
              )}
              {next === 'villagersMeeting' && (
                <Form.Item name="meetingKind" label={t('meetingKind')}>
                  <Radio.Group
                    options={[...MEETING_KINDS]
                      .reverse()
                      .map((k) => ({ value: k, label: label(MEETING_KIND_LABELS[k]) }))}
                  />
                </Form.Item>
              )}
              <Form.Item name="content" label={t('content')} rules={[{ required: true, message: t('required') }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
              {meeting && (
                <Space wrap>
                  {(['expected', 'present', 'votesFor', 'votesAgainst'] as const).map((k) => (
                    <Form.Item
                      key={k}
                      name={k}
                      label={
                        k === 'expected' && next === 'villagersMeeting'
                          ? `${t(k)}（${MEETING_KIND_LABELS[meetingKind].expectedZh}）`
                          : t(k)
                      }
                      rules={k === 'votesAgainst' ? [] : [{ required: true, message: t('required') }]}
                    >
                      <InputNumber min={0} style={{ width: 110 }} />
                    </Form.Item>
                  ))}
                </Space>
              )}
              <Form.Item name="townshipAttendee" label={t('townshipAttendee')}>
                <Input />
              </Form.Item>
            </FormModal>
          </Space>
        )}
      </QueryState>
    </Drawer>
  );
}
