import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditFilterKey } from '#web/api/audit.ts';
import { fetchUsers } from '#web/api/users.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import '#web/i18n/dayjsLocale.ts';
import { AUDIT_ENTITY_LABELS } from './auditLabels.ts';
import { keys } from '#web/api/queryKeys.ts';

interface FilterValues {
  entity?: string;
  entityId?: string;
  actorId?: number;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const ISO_DATE = 'YYYY-MM-DD';

type AddressFilters = Partial<Record<AuditFilterKey, string>>;

function toFilters(values: FilterValues): Record<AuditFilterKey, string | undefined> {
  const [from, to] = values.range ?? [];
  return {
    entity: values.entity || undefined,
    entityId: values.entityId?.trim() || undefined,
    actorId: values.actorId == null ? undefined : String(values.actorId),
    from: from?.format(ISO_DATE),
    to: to?.format(ISO_DATE),
  };
}

function toValues(filters: AddressFilters): FilterValues {
  return {
    entity: filters.entity,
    entityId: filters.entityId,
    actorId: filters.actorId ? Number(filters.actorId) : undefined,
    range:
      filters.from || filters.to
        ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
        : null,
  };
}

/** The audit log's filters; they stand in the address (the page reads them back on load and "back"). */
export function AuditFilterBar({
  filters,
  onChange,
  onReset,
}: {
  filters: AddressFilters;
  onChange: (filters: Record<AuditFilterKey, string | undefined>) => void;
  onReset: () => void;
}) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const { data: actor } = useActor();
  const canListUsers = hasPermission(actor, 'users:read');
  // Actors are picked by name; 200 covers a county's staff. Without users:read an id is typed instead.
  const usersQuery = useQuery({
    queryKey: keys.users.auditActorOptions,
    queryFn: () => fetchUsers({ limit: 200 }),
    enabled: canListUsers,
    staleTime: 5 * 60_000,
  });

  return (
    <Form<FilterValues>
      form={form}
      initialValues={toValues(filters)}
      layout="inline"
      onFinish={(values) => onChange(toFilters(values))}
      style={{ rowGap: 12 }}
    >
      <Form.Item name="entity" label={t('audit.entity')}>
        <Select
          allowClear
          placeholder={t('audit.any')}
          style={{ width: 140 }}
          options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, pair]) => ({ value, label: label(pair) }))}
        />
      </Form.Item>
      <Form.Item name="entityId" label={t('audit.entityId')}>
        <Input allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="actorId" label={t('audit.actor')}>
        {canListUsers ? (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.any')}
            style={{ width: 220 }}
            loading={usersQuery.isPending}
            options={usersQuery.data?.items.map((user) => ({
              value: user.id,
              label: `${user.displayName}（${user.username}）`,
            }))}
          />
        ) : (
          <InputNumber min={1} style={{ width: 120 }} />
        )}
      </Form.Item>
      <Form.Item name="range" label={t('audit.dateRange')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('audit.search')}
          </Button>
          <Button
            onClick={() => {
              form.setFieldsValue({ entity: undefined, entityId: undefined, actorId: undefined, range: null });
              onReset();
            }}
          >
            {t('audit.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
