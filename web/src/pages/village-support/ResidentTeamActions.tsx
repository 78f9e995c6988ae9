import { DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { RESIDENT_ROLES, zhOf } from '#common/domain/village-support/codes.ts';
import {
  addTeamLog,
  addTeamMember,
  endTeam,
  recordAttendance,
  rotateTeam,
  type TeamDetail,
} from '#web/api/village-support.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { useVillageText } from './text.ts';
import { MemberValues, MembersFields, day, roleOptions, toMembers, useDone } from './residentTeamsShared.tsx';

export function MemberModal({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
  const t = useVillageText();
  const [form] = Form.useForm<MemberValues & { joinedOn: Dayjs }>();
  const done = useDone();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<MemberValues & { joinedOn: Dayjs }, TeamDetail>
      open
      onClose={onClose}
      title={t('addMember')}
      form={form}
      initialValues={{ role: 'member', joinedOn: chinaToday() }}
      send={(v) =>
        addTeamMember(team.id, {
          name: v.name,
          role: v.role as 'member',
          unit: v.unit || null,
          joinedOn: day(v.joinedOn),
        })
      }
      onDone={done}
    >
      <Form.Item name="name" label={t('name')} rules={[required]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="role" label={t('role')} rules={[required]}>
        <Select options={roleOptions} />
      </Form.Item>
      <Form.Item name="unit" label={t('unit')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="joinedOn" label={t('joinedOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}

export function AttendanceModal({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
  const t = useVillageText();
  const [form] = Form.useForm<{ memberId: number; period: Dayjs; daysInVillage: number }>();
  const done = useDone();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<{ memberId: number; period: Dayjs; daysInVillage: number }, TeamDetail>
      open
      onClose={onClose}
      title={t('recordAttendance')}
      form={form}
      initialValues={{ period: chinaToday().subtract(1, 'month') }}
      send={(v) =>
        recordAttendance(team.id, {
          memberId: v.memberId,
          period: v.period.format('YYYY-MM'),
          daysInVillage: v.daysInVillage,
        })
      }
      onDone={done}
    >
      <Form.Item name="memberId" label={t('name')} rules={[required]}>
        <Select
          options={team.memberList.map((m) => ({ value: m.id, label: `${m.name}（${zhOf(RESIDENT_ROLES, m.role)}）` }))}
        />
      </Form.Item>
      <Form.Item name="period" label={t('period')} rules={[required]}>
        <DatePicker picker="month" />
      </Form.Item>
      <Form.Item name="daysInVillage" label={t('daysInVillage')} rules={[required]}>
        <InputNumber min={0} max={31} precision={0} />
      </Form.Item>
    </FormModal>
  );
}

export function LogModal({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
  const t = useVillageText();
  const [form] = Form.useForm<{ loggedOn: Dayjs; content: string }>();
  const done = useDone();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<{ loggedOn: Dayjs; content: string }, TeamDetail>
      open
      onClose={onClose}
      title={t('addLog')}
      form={form}
      initialValues={{ loggedOn: chinaToday() }}
      send={(v) => addTeamLog(team.id, { loggedOn: day(v.loggedOn), content: v.content })}
      onDone={done}
    >
      <Form.Item name="loggedOn" label={t('loggedOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="content" label={t('content')} rules={[required]}>
        <Input.TextArea rows={4} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

export function EndModal({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
  const t = useVillageText();
  const [form] = Form.useForm<{ endedOn: Dayjs; endNote?: string }>();
  const done = useDone();
  return (
    <FormModal<{ endedOn: Dayjs; endNote?: string }, TeamDetail>
      open
      onClose={onClose}
      title={t('endTitle')}
      form={form}
      initialValues={{ endedOn: chinaToday() }}
      send={(v) => endTeam(team.id, { endedOn: day(v.endedOn), endNote: v.endNote || undefined })}
      onDone={done}
    >
      <Form.Item name="endedOn" label={t('endedOn')} rules={[{ required: true, message: t('required') }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="endNote" label={t('endNote')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

interface RotateValues {
  endedOn: Dayjs;
  endNote?: string;
  next: { sendingUnit: string; startedOn: Dayjs; members: MemberValues[] };
}

export function RotateModal({
  team,
  onClose,
  onDone,
}: {
  team: TeamDetail;
  onClose: () => void;
  onDone: (nextId: number) => void;
}) {
  const t = useVillageText();
  const [form] = Form.useForm<RotateValues>();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<RotateValues, TeamDetail>
      open
      onClose={onClose}
      title={t('rotateTitle')}
      form={form}
      initialValues={{
        endedOn: chinaToday(),
        next: { sendingUnit: '', startedOn: chinaToday(), members: [{ name: '', role: 'firstSecretary' }] },
      }}
      send={(v) =>
        rotateTeam(team.id, {
          endedOn: day(v.endedOn),
          endNote: v.endNote || undefined,
          next: {
            sendingUnit: v.next.sendingUnit,
            startedOn: day(v.next.startedOn),
            members: toMembers(v.next.members),
          },
        })
      }
      onDone={(r) => onDone(r.id)}
    >
      <Space wrap>
        <Form.Item name="endedOn" label={t('endedOn')} rules={[required]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="endNote" label={t('endNote')}>
          <Input maxLength={200} style={{ width: 200 }} />
        </Form.Item>
      </Space>
      <Typography.Title level={5}>{t('nextTeam')}</Typography.Title>
      <Form.Item name={['next', 'sendingUnit']} label={t('sendingUnit')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name={['next', 'startedOn']} label={t('startedOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
      <Typography.Text strong>{t('members')}</Typography.Text>
      <MembersFields name={['next', 'members']} />
    </FormModal>
  );
}
