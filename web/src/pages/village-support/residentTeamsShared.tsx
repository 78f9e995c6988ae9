import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { levelOfCode } from '#common/domain/org-code.ts';
import { RESIDENT_ROLES } from '#common/domain/village-support/codes.ts';
import { residentTeamKeys, type TeamPage, type VillagePage } from '#web/api/village-support.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { useVillageText } from './text.ts';

export type TeamRowT = TeamPage['items'][number];

export type VillageRowT = VillagePage['items'][number];

export const roleOptions = RESIDENT_ROLES.map((r) => ({ value: r.code, label: r.zh }));

export const day = (d: Dayjs) => d.format('YYYY-MM-DD');

export const DRAWER_WIDTH = 'min(760px, 100vw)';

export function useCanWrite() {
  const { data: actor } = useActor();
  return {
    canWrite: hasPermission(actor, 'programmes:write') && actor?.role !== 'auditor',
    isCounty: !!actor && hasPermission(actor, 'programmes:write') && levelOfCode(actor.orgCode) === 'county',
  };
}

export interface MemberValues {
  name: string;
  role: string;
  unit?: string;
}

/** The team's member rows (name, role, unit), under `name` of the form ('members' by default). */
export function MembersFields({ name = 'members' }: { name?: string | string[] }) {
  const t = useVillageText();
  const required = { required: true, message: t('required') };
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} wrap align="baseline">
              <Form.Item name={[f.name, 'name']} rules={[required]}>
                <Input placeholder={t('name')} style={{ width: 100 }} maxLength={50} />
              </Form.Item>
              <Form.Item name={[f.name, 'role']} rules={[required]}>
                <Select options={roleOptions} style={{ width: 110 }} placeholder={t('role')} />
              </Form.Item>
              <Form.Item name={[f.name, 'unit']}>
                <Input placeholder={t('unit')} style={{ width: 150 }} maxLength={100} />
              </Form.Item>
              <MinusCircleOutlined aria-label={t('remove')} onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'member' })}>
            {t('addMemberRow')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export const toMembers = (ms: MemberValues[] | undefined) =>
  (ms ?? []).map((m) => ({ name: m.name, role: m.role as 'member', unit: m.unit || null }));

export function useDone() {
  const t = useVillageText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async () => {
    message.success(t('saved'));
    await queryClient.invalidateQueries({ queryKey: residentTeamKeys.all });
  };
}
