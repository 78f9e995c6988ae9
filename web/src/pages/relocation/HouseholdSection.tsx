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
} from '../../api/relocation.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { FormModal } from '../projects/FormModal.tsx';
import { useRelocationText } from './text.ts';

type Member = HouseholdRelocation['members'][number];
const STATUS_COLOR = { met: 'green', short: 'red', noLabour: 'default' } as const;

/** 易地搬迁 on the household page: the site and move-in date, each member's stable employment, the household's check. */
export function RelocationHouseholdSection({ householdId }: { householdId: number }) {
  const t = useRelocationText();
  const { data: actor } = useActor();
  const [adding, setAdding] = useState(false);
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
        hasPermission(actor, 'programmes:write') &&
        data &&
        !data.relocation && (
          <Button size="small" onClick={() => setAdding(true)}>
            {t('register')}
          </Button>
        )
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
      {adding && <RegisterModal householdId={householdId} onClose={() => setAdding(false)} />}
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
