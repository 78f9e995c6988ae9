import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  addFollowUp,
  createJob,
  createTraining,
  employmentKeys,
  fetchHouseholdEmployment,
  type HouseholdEmployment,
} from '#web/api/employment.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { toFen, yuan } from '../projects/text.ts';
import {
  CERTIFICATE_LABELS,
  FOLLOW_UP_LABELS,
  LABOUR_LABELS,
  PLACE_LABELS,
  TRAINING_LABELS,
  pick,
  useEmploymentText,
} from './text.ts';

type Member = HouseholdEmployment['members'][number];
type Job = HouseholdEmployment['jobs'][number];
type Modal = { kind: 'job' } | { kind: 'training' } | { kind: 'followUp'; job: Job } | null;

/** 就业与培训 on the household page: each member's labour and work, the jobs with follow-ups, the training. */
export function EmploymentHouseholdSection({ householdId }: { householdId: number }) {
  const t = useEmploymentText();
  const { language } = useI18n();
  const { data: actor } = useActor();
  const [modal, setModal] = useState<Modal>(null);
  const query = useQuery({
    queryKey: employmentKeys.household(householdId),
    queryFn: () => fetchHouseholdEmployment(householdId),
  });
  if (!hasPermission(actor, 'assistance:read')) return null;
  const canWrite = hasPermission(actor, 'assistance:write');
  const data = query.data;
  const yesNo = (v: boolean, good = true) =>
    v ? <Tag color={good ? 'green' : 'red'}>{t('yes')}</Tag> : <Tag>{t('no')}</Tag>;

  return (
    <Card
      title={t('sectionTitle')}
      data-testid="employment-section"
      extra={
        canWrite &&
        data && (
          <Space wrap>
            <Button size="small" onClick={() => setModal({ kind: 'job' })}>
              {t('addJob')}
            </Button>
            <Button size="small" onClick={() => setModal({ kind: 'training' })}>
              {t('addTraining')}
            </Button>
          </Space>
        )
      }
    >
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {data && (
            <Typography.Text type="secondary">
              {t('stableHint')
                .replace('{window}', String(data.stableWindowMonths))
                .replace('{months}', String(data.stableMonths))}
            </Typography.Text>
          )}
          <Table<Member>
            rowKey="personId"
            size="small"
            loading={query.isPending}
            pagination={false}
            dataSource={data?.members ?? []}
            scroll={{ x: 640 }}
            columns={[
              { title: t('member'), dataIndex: 'name', width: 90, fixed: 'left' },
              {
                title: t('labour'),
                dataIndex: 'labourSkill',
                width: 150,
                render: (v: string | null) => pick(v ? LABOUR_LABELS[v] : undefined, language),
              },
              { title: t('employedNow'), dataIndex: 'employedThisMonth', width: 90, render: (v: boolean) => yesNo(v) },
              { title: t('monthsEmployed'), dataIndex: 'monthsEmployed', width: 120, align: 'right' },
              {
                title: t('stable'),
                dataIndex: 'stable',
                width: 90,
                render: (v: boolean, m) => (m.labourer ? yesNo(v) : '—'),
              },
              { title: t('certified'), dataIndex: 'certified', width: 70, render: (v: boolean) => yesNo(v) },
            ]}
          />
          <Typography.Text strong>{t('jobs')}</Typography.Text>
          <Table<Job>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data?.jobs ?? []}
            locale={{ emptyText: t('empty') }}
            scroll={{ x: 900 }}
            columns={[
              { title: t('name'), dataIndex: 'personName', width: 80, fixed: 'left' },
              {
                title: t('placeKind'),
                dataIndex: 'placeKind',
                width: 100,
                render: (k: Job['placeKind']) => pick(PLACE_LABELS[k], language),
              },
              { title: t('place'), dataIndex: 'place', width: 140 },
              { title: t('startOn'), dataIndex: 'startOn', width: 110 },
              { title: t('endOn'), dataIndex: 'endOn', width: 110, render: (v: string | null) => v ?? '—' },
              {
                title: t('income'),
                dataIndex: 'monthlyIncomeFen',
                width: 120,
                align: 'right',
                render: (v: number) => yuan(v),
              },
              {
                title: t('followUp'),
                key: 'followUps',
                width: 200,
                render: (_, j) => (
                  <Space size={4} wrap>
                    {j.followUps.slice(0, 2).map((f) => (
                      <Tag key={f.id} color={f.status === 'left' ? 'red' : 'green'}>
                        {f.on} {pick(FOLLOW_UP_LABELS[f.status], language)}
                      </Tag>
                    ))}
                    {canWrite && (
                      <Button size="small" type="link" onClick={() => setModal({ kind: 'followUp', job: j })}>
                        {t('addFollowUp')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
          <Typography.Text strong>{t('trainings')}</Typography.Text>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data?.trainings ?? []}
            locale={{ emptyText: t('empty') }}
            scroll={{ x: 700 }}
            columns={[
              { title: t('name'), dataIndex: 'personName', width: 80, fixed: 'left' },
              {
                title: t('kind'),
                dataIndex: 'kind',
                width: 150,
                render: (k: keyof typeof TRAINING_LABELS) => pick(TRAINING_LABELS[k], language),
              },
              { title: t('course'), dataIndex: 'course', width: 120 },
              { title: t('endOn'), dataIndex: 'endOn', width: 110 },
              {
                title: t('certificate'),
                dataIndex: 'certificateKind',
                width: 160,
                render: (k: keyof typeof CERTIFICATE_LABELS | null) =>
                  k ? (
                    <Tag color="green">{pick(CERTIFICATE_LABELS[k], language)}</Tag>
                  ) : (
                    <Tag>{t('noCertificate')}</Tag>
                  ),
              },
            ]}
          />
        </Space>
      )}
      {data && modal?.kind === 'job' && <JobModal data={data} onClose={() => setModal(null)} />}
      {data && modal?.kind === 'training' && <TrainingModal data={data} onClose={() => setModal(null)} />}
      {data && modal?.kind === 'followUp' && (
        <FollowUpModal householdId={householdId} job={modal.job} onClose={() => setModal(null)} />
      )}
    </Card>
  );
}

function useDone(householdId: number) {
  const t = useEmploymentText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async () => {
    message.success(t('saved'));
    await queryClient.invalidateQueries({ queryKey: employmentKeys.all });
    await queryClient.invalidateQueries({ queryKey: employmentKeys.household(householdId) });
  };
}

interface JobValues {
  personId: number;
  placeKind: 'county' | 'province' | 'outOfProvince';
  place: string;
  employer?: string;
  startOn: Dayjs;
  income?: number;
}

function JobModal({ data, onClose }: { data: HouseholdEmployment; onClose: () => void }) {
  const t = useEmploymentText();
  const { language } = useI18n();
  const [form] = Form.useForm<JobValues>();
  const done = useDone(data.householdId);
  const required = { required: true, message: t('required') };
  return (
    <FormModal<JobValues, unknown>
      open
      onClose={onClose}
      title={t('addJob')}
      form={form}
      initialValues={{ placeKind: 'county', startOn: dayjs() }}
      fieldMap={{ monthlyIncomeFen: 'income' }}
      send={(v) =>
        createJob({
          personId: v.personId,
          placeKind: v.placeKind,
          place: v.place,
          employer: v.employer || null,
          startOn: v.startOn.format('YYYY-MM-DD'),
          monthlyIncomeFen: toFen(v.income),
        })
      }
      onDone={done}
    >
      <Form.Item name="personId" label={t('person')} rules={[required]}>
        <Select options={data.members.map((m) => ({ value: m.personId, label: m.name }))} />
      </Form.Item>
      <Form.Item name="placeKind" label={t('placeKind')} rules={[required]}>
        <Select
          options={Object.entries(PLACE_LABELS).map(([value, pair]) => ({ value, label: pick(pair, language) }))}
        />
      </Form.Item>
      <Form.Item name="place" label={t('place')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="employer" label={t('employer')}>
        <Input maxLength={100} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="startOn" label={t('startOn')} rules={[required]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="income" label={t('income')}>
          <InputNumber min={0} precision={2} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

interface TrainingValues {
  personId: number;
  kind: keyof typeof TRAINING_LABELS;
  course: string;
  startOn: Dayjs;
  endOn: Dayjs;
  certificateKind?: keyof typeof CERTIFICATE_LABELS;
  certificateNo?: string;
  certifiedOn?: Dayjs;
}

function TrainingModal({ data, onClose }: { data: HouseholdEmployment; onClose: () => void }) {
  const t = useEmploymentText();
  const { language } = useI18n();
  const [form] = Form.useForm<TrainingValues>();
  const done = useDone(data.householdId);
  const required = { required: true, message: t('required') };
  return (
    <FormModal<TrainingValues, unknown>
      open
      onClose={onClose}
      title={t('addTraining')}
      form={form}
      initialValues={{ kind: 'employmentSkill' }}
      send={(v) =>
        createTraining({
          personId: v.personId,
          kind: v.kind,
          course: v.course,
          startOn: v.startOn.format('YYYY-MM-DD'),
          endOn: v.endOn.format('YYYY-MM-DD'),
          certificateKind: v.certificateKind ?? null,
          certificateNo: v.certificateNo || null,
          certifiedOn: v.certifiedOn?.format('YYYY-MM-DD') ?? null,
        })
      }
      onDone={done}
    >
      <Form.Item name="personId" label={t('person')} rules={[required]}>
        <Select options={data.members.map((m) => ({ value: m.personId, label: m.name }))} />
      </Form.Item>
      <Form.Item name="kind" label={t('kind')} rules={[required]}>
        <Select
          options={Object.entries(TRAINING_LABELS).map(([value, pair]) => ({ value, label: pick(pair, language) }))}
        />
      </Form.Item>
      <Form.Item name="course" label={t('course')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="startOn" label={t('startOn')} rules={[required]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="endOn" label={t('endOn')} rules={[required]}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item name="certificateKind" label={t('certificate')}>
        <Select
          allowClear
          options={Object.entries(CERTIFICATE_LABELS).map(([value, pair]) => ({
            value,
            label: pick(pair, language),
          }))}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item name="certificateNo" label={t('certificateNo')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="certifiedOn" label={t('certifiedOn')}>
          <DatePicker />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

interface FollowUpValues {
  on: Dayjs;
  status: keyof typeof FOLLOW_UP_LABELS;
  note?: string;
}

function FollowUpModal({ householdId, job, onClose }: { householdId: number; job: Job; onClose: () => void }) {
  const t = useEmploymentText();
  const { language } = useI18n();
  const [form] = Form.useForm<FollowUpValues>();
  const done = useDone(householdId);
  const required = { required: true, message: t('required') };
  return (
    <FormModal<FollowUpValues, unknown>
      open
      onClose={onClose}
      title={`${t('followUp')}：${job.personName} ${job.place}`}
      form={form}
      initialValues={{ on: dayjs(), status: 'working' }}
      send={(v) => addFollowUp(job.id, { on: v.on.format('YYYY-MM-DD'), status: v.status, note: v.note || null })}
      onDone={done}
    >
      <Form.Item name="on" label={t('followUpOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="status" label={t('followUpStatus')} rules={[required]}>
        <Select
          options={Object.entries(FOLLOW_UP_LABELS).map(([value, pair]) => ({ value, label: pick(pair, language) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
