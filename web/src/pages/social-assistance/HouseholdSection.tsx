import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  addBenefit,
  endBenefit,
  fetchHouseholdBenefits,
  socialKeys,
  type HouseholdBenefits,
} from '#web/api/social-assistance.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { toFen, yuan } from '../projects/text.ts';
import { KIND_LABELS, useSocialText } from './text.ts';

type Member = HouseholdBenefits['members'][number];
type Benefit = Member['benefits'][number];

/** 兜底保障 on the household page: what each member receives, and the flag of a household without labour. */
export function SocialAssistanceHouseholdSection({ householdId }: { householdId: number }) {
  const t = useSocialText();
  const { language } = useI18n();
  const { data: actor } = useActor();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Benefit | null>(null);
  const canWrite = hasPermission(actor, 'assistance:write');
  const query = useQuery({
    queryKey: socialKeys.household(householdId),
    queryFn: () => fetchHouseholdBenefits(householdId),
  });
  if (!hasPermission(actor, 'assistance:read')) return null;
  const data = query.data;
  const source = { registry: t('fromRegistry'), feed: t('fromFeed'), manual: t('fromManual') };
  return (
    <Card
      title={t('sectionTitle')}
      data-testid="social-assistance-section"
      extra={
        canWrite &&
        data && (
          <Button size="small" onClick={() => setAdding(true)}>
            {t('add')}
          </Button>
        )
      }
    >
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {data?.uncovered && <Alert type="warning" showIcon title={t('uncoveredAlert')} />}
          <Table<Member>
            rowKey="personId"
            size="small"
            loading={query.isPending}
            pagination={false}
            dataSource={data?.members ?? []}
            scroll={{ x: 520 }}
            columns={[
              { title: t('member'), dataIndex: 'name', width: 90, fixed: 'left' },
              {
                title: t('labour'),
                dataIndex: 'hasLabour',
                width: 80,
                render: (v: boolean) => (v ? t('hasLabour') : t('noLabour')),
              },
              {
                title: t('benefits'),
                key: 'benefits',
                render: (_, m) =>
                  m.benefits.length === 0 ? (
                    t('none')
                  ) : (
                    <Space size={4} wrap>
                      {m.benefits.map((b, i) => (
                        <Tag
                          key={`${b.source}-${b.id ?? i}`}
                          color={b.endOn && b.endOn < data!.day ? 'default' : 'green'}
                        >
                          {KIND_LABELS[b.kind][language === 'en' ? 1 : 0]}（{source[b.source]}
                          {b.startOn ? ` ${b.startOn}` : ''}
                          {b.endOn ? `～${b.endOn}` : ''}
                          {b.amountFen !== null ? ` ${yuan(b.amountFen)}${t('yuanUnit')}` : ''}）
                          {canWrite && b.source === 'manual' && b.id !== null && !b.endOn && (
                            <Button type="link" size="small" onClick={() => setEnding(b)}>
                              {t('end')}
                            </Button>
                          )}
                        </Tag>
                      ))}
                    </Space>
                  ),
              },
            ]}
          />
        </Space>
      )}
      {adding && data && <AddModal data={data} onClose={() => setAdding(false)} />}
      {ending && <EndModal benefit={ending} onClose={() => setEnding(null)} />}
    </Card>
  );
}

interface Values {
  personId: number;
  kind: keyof typeof KIND_LABELS;
  startOn: Dayjs;
  amount?: number;
  department?: string;
}

function AddModal({ data, onClose }: { data: HouseholdBenefits; onClose: () => void }) {
  const t = useSocialText();
  const { language } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<Values, unknown>
      open
      onClose={onClose}
      title={t('add')}
      form={form}
      initialValues={{ startOn: chinaToday(), kind: 'minimumLiving' }}
      fieldMap={{ amountFen: 'amount' }}
      send={(v) =>
        addBenefit({
          personId: v.personId,
          kind: v.kind,
          startOn: v.startOn.format('YYYY-MM-DD'),
          amountFen: v.amount === undefined || v.amount === null ? null : toFen(v.amount),
          department: v.department || null,
        })
      }
      onDone={async () => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: socialKeys.all });
      }}
    >
      <Form.Item name="personId" label={t('person')} rules={[required]}>
        <Select options={data.members.map((m) => ({ value: m.personId, label: m.name }))} />
      </Form.Item>
      <Form.Item name="kind" label={t('kind')} rules={[required]}>
        <Select
          options={Object.entries(KIND_LABELS).map(([value, pair]) => ({
            value,
            label: pair[language === 'en' ? 1 : 0],
          }))}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item name="startOn" label={t('startOn')} rules={[required]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="amount" label={t('amount')}>
          <InputNumber min={0} precision={2} />
        </Form.Item>
      </Space>
      <Form.Item name="department" label={t('department')}>
        <Input maxLength={60} />
      </Form.Item>
    </FormModal>
  );
}

interface EndValues {
  endOn: Dayjs;
  reason: string;
}

/** Ends an entered benefit (history kept: the row is end-dated, never deleted). */
function EndModal({ benefit, onClose }: { benefit: Benefit; onClose: () => void }) {
  const t = useSocialText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EndValues>();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<EndValues, unknown>
      open
      onClose={onClose}
      title={t('end')}
      form={form}
      initialValues={{ endOn: chinaToday() }}
      send={(v) =>
        endBenefit(benefit.id!, { endOn: v.endOn.format('YYYY-MM-DD'), reason: v.reason, version: benefit.version! })
      }
      onDone={async () => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: socialKeys.all });
      }}
    >
      <Form.Item name="endOn" label={t('endOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
