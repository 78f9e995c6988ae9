import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { createTeam, residentTeamKeys, type TeamDetail } from '#web/api/village-support.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { useVillageText } from './text.ts';
import { MemberValues, MembersFields, day, toMembers } from './residentTeamsShared.tsx';

interface TeamValues {
  orgCode: string;
  sendingUnit: string;
  startedOn: Dayjs;
  members: MemberValues[];
}

export function TeamModal({ onClose, onDone }: { onClose: () => void; onDone: (id: number) => void }) {
  const t = useVillageText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TeamValues>();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<TeamValues, TeamDetail>
      open
      onClose={onClose}
      title={t('newTeam')}
      form={form}
      initialValues={{ startedOn: chinaToday(), members: [{ name: '', role: 'firstSecretary' }] }}
      send={(v) =>
        createTeam({
          orgCode: v.orgCode,
          sendingUnit: v.sendingUnit,
          startedOn: day(v.startedOn),
          members: toMembers(v.members),
        })
      }
      onDone={async (r) => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: residentTeamKeys.all });
        onDone(r.id);
      }}
    >
      <Form.Item name="orgCode" label={t('village')} rules={[required]}>
        <RegistryOrgFilter />
      </Form.Item>
      <Form.Item name="sendingUnit" label={t('sendingUnit')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="startedOn" label={t('startedOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
      <Typography.Text strong>{t('members')}</Typography.Text>
      <MembersFields />
    </FormModal>
  );
}
