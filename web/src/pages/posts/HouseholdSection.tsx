import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { EXIT_REASONS, POST_TYPES, zhOf } from '#common/domain/posts/codes.ts';
import {
  exitHire,
  fetchHouseholdPosts,
  fetchPosts,
  hirePerson,
  postKeys,
  recordMonth,
  type HouseholdPosts,
} from '#web/api/posts.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { FormModal } from '../projects/FormModal.tsx';
import { toFen, yuan } from '../projects/text.ts';
import { usePostsText } from './text.ts';

type Hire = HouseholdPosts['hires'][number];
type ModalState = { kind: 'hire' } | { kind: 'exit'; hire: Hire } | { kind: 'month'; hire: Hire } | null;

/** 公益岗位 on the household page: the members' posts (current and past), months paid, hire / exit / month. */
export function PostsHouseholdSection({ householdId, villageCode }: { householdId: number; villageCode: string }) {
  const t = usePostsText();
  const { data: actor } = useActor();
  const [modal, setModal] = useState<ModalState>(null);
  const query = useQuery({
    queryKey: postKeys.household(householdId),
    queryFn: () => fetchHouseholdPosts(householdId),
    enabled: hasPermission(actor, 'programmes:read'),
  });
  if (!hasPermission(actor, 'programmes:read')) return null;
  const canWrite = hasPermission(actor, 'programmes:write') && actor?.role !== 'auditor';
  const data = query.data;
  return (
    <Card
      title={t('sectionTitle')}
      data-testid="posts-section"
      extra={
        canWrite &&
        data && (
          <Button size="small" onClick={() => setModal({ kind: 'hire' })}>
            {t('hire')}
          </Button>
        )
      }
    >
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<Hire>
          rowKey="id"
          size="small"
          loading={query.isPending}
          pagination={false}
          dataSource={data?.hires ?? []}
          locale={{ emptyText: t('empty') }}
          scroll={{ x: 860 }}
          columns={[
            { title: t('name'), dataIndex: 'personName', width: 80, fixed: 'left' },
            { title: t('postName'), dataIndex: 'postName', width: 140 },
            { title: t('postType'), dataIndex: 'postType', width: 100, render: (v: string) => zhOf(POST_TYPES, v) },
            { title: t('hiredOn'), dataIndex: 'hiredOn', width: 110 },
            { title: t('months'), dataIndex: 'months', width: 80, align: 'right' },
            { title: t('paid'), dataIndex: 'paidFen', width: 110, align: 'right', render: (v: number) => yuan(v) },
            {
              title: t('status'),
              key: 'status',
              width: 240,
              render: (_, h) =>
                h.exitedOn ? (
                  <span>
                    <Tag>{t('exited')}</Tag>
                    {h.exitedOn} {zhOf(EXIT_REASONS, h.exitReason)}
                  </span>
                ) : (
                  <Space size={4} wrap>
                    <Tag color="green">{t('active')}</Tag>
                    {canWrite && (
                      <>
                        <Button size="small" type="link" onClick={() => setModal({ kind: 'month', hire: h })}>
                          {t('month')}
                        </Button>
                        <Button size="small" type="link" danger onClick={() => setModal({ kind: 'exit', hire: h })}>
                          {t('exit')}
                        </Button>
                      </>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      )}
      {data && modal?.kind === 'hire' && (
        <HireModal data={data} householdId={householdId} villageCode={villageCode} onClose={() => setModal(null)} />
      )}
      {modal?.kind === 'exit' && (
        <ExitModal householdId={householdId} hire={modal.hire} onClose={() => setModal(null)} />
      )}
      {modal?.kind === 'month' && (
        <MonthModal householdId={householdId} hire={modal.hire} onClose={() => setModal(null)} />
      )}
    </Card>
  );
}

function useDone(householdId: number, onClose: () => void) {
  const t = usePostsText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async () => {
    message.success(t('saved'));
    await queryClient.invalidateQueries({ queryKey: postKeys.all });
    await queryClient.invalidateQueries({ queryKey: postKeys.household(householdId) });
    onClose();
  };
}

interface HireValues {
  postId: number;
  personId: number;
  hiredOn: Dayjs;
  cadreFamily: boolean;
}

function HireModal(props: { data: HouseholdPosts; householdId: number; villageCode: string; onClose: () => void }) {
  const t = usePostsText();
  const [form] = Form.useForm<HireValues>();
  const done = useDone(props.householdId, props.onClose);
  const posts = useQuery({
    queryKey: [...postKeys.posts(), 'village', props.villageCode],
    queryFn: () => fetchPosts({ orgCode: props.villageCode, status: 'open', page: 1, pageSize: 200 }),
  });
  const required = { required: true, message: t('required') };
  const open = (posts.data?.items ?? []).filter((p) => p.orgCode === props.villageCode);
  return (
    <FormModal<HireValues, unknown>
      open
      onClose={props.onClose}
      title={t('hireTitle')}
      form={form}
      initialValues={{ hiredOn: dayjs(), cadreFamily: false }}
      send={(v) =>
        hirePerson(v.postId, {
          personId: v.personId,
          hiredOn: v.hiredOn.format('YYYY-MM-DD'),
          cadreFamily: v.cadreFamily,
        })
      }
      onDone={done}
    >
      <Form.Item
        name="postId"
        label={t('post')}
        rules={[required]}
        extra={open.length === 0 ? t('noOpenPost') : undefined}
      >
        <Select
          loading={posts.isPending}
          options={open.map((p) => ({ value: p.id, label: `${p.name}（${p.occupied}/${p.slots}）` }))}
        />
      </Form.Item>
      <Form.Item name="personId" label={t('person')} rules={[required]}>
        <Select options={props.data.members.map((m) => ({ value: m.personId, label: m.name }))} />
      </Form.Item>
      <Form.Item name="hiredOn" label={t('hiredOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="cadreFamily" label={t('cadreFamily')} rules={[required]}>
        <Radio.Group
          options={[
            { value: false, label: t('no') },
            { value: true, label: t('yes') },
          ]}
        />
      </Form.Item>
    </FormModal>
  );
}

interface ExitValues {
  exitedOn: Dayjs;
  reason: string;
  note?: string;
}

function ExitModal({ householdId, hire, onClose }: { householdId: number; hire: Hire; onClose: () => void }) {
  const t = usePostsText();
  const [form] = Form.useForm<ExitValues>();
  const done = useDone(householdId, onClose);
  const required = { required: true, message: t('required') };
  return (
    <FormModal<ExitValues, unknown>
      open
      onClose={onClose}
      title={`${t('exitTitle')}：${hire.personName}`}
      form={form}
      initialValues={{ exitedOn: dayjs() }}
      send={(v) => exitHire(hire.id, { exitedOn: v.exitedOn.format('YYYY-MM-DD'), reason: v.reason, note: v.note })}
      onDone={done}
    >
      <Form.Item name="exitedOn" label={t('exitedOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="reason" label={t('exitReason')} rules={[required]}>
        <Select options={EXIT_REASONS.map((r) => ({ value: r.code, label: r.zh }))} />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

interface MonthValues {
  period: Dayjs;
  daysWorked: number;
  subsidy: number;
  paidOn?: Dayjs;
}

function MonthModal({ householdId, hire, onClose }: { householdId: number; hire: Hire; onClose: () => void }) {
  const t = usePostsText();
  const [form] = Form.useForm<MonthValues>();
  const done = useDone(householdId, onClose);
  const required = { required: true, message: t('required') };
  return (
    <FormModal<MonthValues, unknown>
      open
      onClose={onClose}
      title={`${t('monthTitle')}：${hire.personName}`}
      form={form}
      initialValues={{ period: dayjs().subtract(1, 'month'), subsidy: hire.monthlySubsidyFen / 100 }}
      fieldMap={{ subsidyFen: 'subsidy' }}
      send={(v) =>
        recordMonth(hire.id, {
          period: v.period.format('YYYY-MM'),
          daysWorked: v.daysWorked,
          subsidyFen: toFen(v.subsidy),
          paidOn: v.paidOn ? v.paidOn.format('YYYY-MM-DD') : null,
        })
      }
      onDone={done}
    >
      <Form.Item name="period" label={t('period')} rules={[required]}>
        <DatePicker picker="month" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="daysWorked" label={t('daysWorked')} rules={[required]}>
          <InputNumber min={0} max={31} precision={0} />
        </Form.Item>
        <Form.Item name="subsidy" label={t('subsidyPaid')} rules={[required]}>
          <InputNumber min={0} precision={2} />
        </Form.Item>
      </Space>
      <Form.Item name="paidOn" label={t('paidOn')}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
