import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  addRelocated,
  fetchHouseholdRelocation,
  fetchSites,
  relocationKeys,
  type HouseholdRelocation,
} from '#web/api/relocation.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { FormModal } from '../projects/FormModal.tsx';
import { CorrectEntryModal, EndEntryModal, useEndReasonLabel, type EntryRef } from './EntryModals.tsx';
import { useRelocationText } from './text.ts';

type Member = HouseholdRelocation['members'][number];
type Entry = HouseholdRelocation['history'][number];
const STATUS_COLOR = { met: 'green', short: 'red', noLabour: 'default' } as const;

/** 易地搬迁 on the household page: the site and move-in date, each member's stable employment, the household's check. */
export function RelocationHouseholdSection({ householdId }: { householdId: number }) {
  const t = useRelocationText();
  const { data: actor } = useActor();
  const [adding, setAdding] = useState(false);
  const [acting, setActing] = useState<{ kind: 'end' | 'correct'; entry: EntryRef } | null>(null);
  const reasonLabel = useEndReasonLabel();
  const canWrite = hasPermission(actor, 'programmes:write');
  const canRead = hasPermission(actor, 'programmes:read');
  const query = useQuery({
    queryKey: relocationKeys.household(householdId),
    queryFn: () => fetchHouseholdRelocation(householdId),
    enabled: canRead,
  });
  if (!canRead) return null;
  const data = query.data;
  const status = { met: t('met'), short: t('short'), noLabour: t('noLabour') };
  return (
    <Card
      title={t('sectionTitle')}
      data-testid="relocation-section"
      extra={
        canWrite &&
        data &&
        (!data.relocation ? (
          <Button size="small" onClick={() => setAdding(true)}>
            {t('register')}
          </Button>
        ) : (
          <Space size={4} wrap>
            <Button
              size="small"
              data-testid="relocation-section-end"
              onClick={() => data.relocation && setActing({ kind: 'end', entry: data.relocation })}
            >
              {t('end')}
            </Button>
            <Button
              size="small"
              data-testid="relocation-section-correct"
              onClick={() => data.relocation && setActing({ kind: 'correct', entry: data.relocation })}
            >
              {t('correct')}
            </Button>
          </Space>
        ))
      }
    >
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : !data ? null : !data.relocation ? (
        <Typography.Text type="secondary">{t('notRelocated')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text>
              {t('siteAt', { site: data.relocation.siteName, date: data.relocation.movedOn })}
            </Typography.Text>
            {data.status && <Tag color={STATUS_COLOR[data.status]}>{status[data.status]}</Tag>}
          </Space>
          <Table<Member>
            rowKey="personId"
            size="small"
            pagination={false}
            dataSource={data.members}
            scroll={{ x: 360 }}
            columns={[
              { title: t('member'), dataIndex: 'name', width: 90, fixed: 'left' },
              {
                title: t('labourer'),
                dataIndex: 'labourer',
                width: 70,
                render: (v: boolean) => (v ? t('yes') : t('no')),
              },
              {
                title: t('monthsEmployed'),
                dataIndex: 'monthsEmployed',
                width: 110,
                align: 'right',
                render: (n: number) => `${n} / ${data.stableWindowMonths}`,
              },
              {
                title: t('stable'),
                dataIndex: 'stable',
                width: 90,
                render: (v: boolean) => (v ? <Tag color="green">{t('yes')}</Tag> : t('no')),
              },
            ]}
          />
        </Space>
      )}
      {data && data.history.some((h) => h.endedOn !== null) && (
        <div style={{ marginTop: 16 }} data-testid="relocation-history">
          <Typography.Text strong>{t('historyTitle')}</Typography.Text>
          <Table<Entry>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.history}
            scroll={{ x: 520 }}
            onRow={(e) => (e.endedOn ? { style: { color: 'rgba(0, 0, 0, 0.45)' } } : {})}
            columns={[
              { title: t('site'), dataIndex: 'siteName', width: 170, fixed: 'left' },
              {
                title: t('period'),
                key: 'period',
                width: 200,
                render: (_, e) =>
                  e.endedOn
                    ? t('periodEnded', { from: e.movedOn, to: e.endedOn })
                    : t('periodOpen', { from: e.movedOn }),
              },
              {
                title: t('reason'),
                key: 'reason',
                width: 220,
                render: (_, e) =>
                  e.endedOn ? (
                    <span>
                      <Tag>{t('ended')}</Tag>
                      {reasonLabel(e.endReason)}
                      {e.endNote ? `：${e.endNote}` : ''}
                    </span>
                  ) : (
                    <Tag color="blue">{t('current')}</Tag>
                  ),
              },
            ]}
          />
        </div>
      )}
      {adding && <RegisterModal householdId={householdId} onClose={() => setAdding(false)} />}
      {acting?.kind === 'end' && <EndEntryModal entry={acting.entry} onClose={() => setActing(null)} />}
      {acting?.kind === 'correct' && <CorrectEntryModal entry={acting.entry} onClose={() => setActing(null)} />}
    </Card>
  );
}

interface Values {
  siteId: number;
  movedOn: Dayjs;
}

function RegisterModal({ householdId, onClose }: { householdId: number; onClose: () => void }) {
  const t = useRelocationText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const sites = useQuery({
    queryKey: [...relocationKeys.sites(), 'all'],
    queryFn: () => fetchSites({ page: 1, pageSize: 200 }),
  });
  const required = { required: true, message: t('required') };
  return (
    <FormModal<Values, unknown>
      open
      onClose={onClose}
      title={t('register')}
      form={form}
      send={(v) => addRelocated({ householdId, siteId: v.siteId, movedOn: v.movedOn.format('YYYY-MM-DD') })}
      onDone={async () => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: relocationKeys.all });
      }}
    >
      <Form.Item name="siteId" label={t('site')} rules={[required]}>
        <Select
          loading={sites.isPending}
          options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
      </Form.Item>
      <Form.Item name="movedOn" label={t('movedOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
