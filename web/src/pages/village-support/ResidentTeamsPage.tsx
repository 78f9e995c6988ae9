import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { levelOfCode } from '../../../../common/domain/org-code.ts';
import { RESIDENT_ROLES, TEAM_REQUIREMENTS, zhOf } from '../../../../common/domain/village-support/codes.ts';
import {
  addTeamLog,
  addTeamMember,
  createTeam,
  endTeam,
  fetchTeam,
  fetchTeams,
  fetchTeamVillages,
  memberLeaves,
  recordAttendance,
  residentTeamKeys,
  rotateTeam,
  setVillageFlags,
  teamsExportUrl,
  type TeamDetail,
  type TeamPage,
  type VillagePage,
  type VillageRow,
} from '../../api/village-support.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { chinaToday } from '../../components/chinaDay.ts';
import { LedgerList, LedgerListCard } from '../../components/LedgerListCard.tsx';
import { QueryState } from '../../components/states.tsx';
import { usePagedList } from '../../components/usePagedList.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { useVillageText } from './text.ts';

type TeamRowT = TeamPage['items'][number];
type VillageRowT = VillagePage['items'][number];
const roleOptions = RESIDENT_ROLES.map((r) => ({ value: r.code, label: r.zh }));
const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const DRAWER_WIDTH = 'min(760px, 100vw)';

function useCanWrite() {
  const { data: actor } = useActor();
  return {
    canWrite: hasPermission(actor, 'programmes:write') && actor?.role !== 'auditor',
    isCounty: !!actor && hasPermission(actor, 'programmes:write') && levelOfCode(actor.orgCode) === 'county',
  };
}

/** 驻村工作队 and 第一书记: teams by village, the villages the plan requires a team for, a team's record. */
export default function ResidentTeamsPage() {
  const t = useVillageText();
  const { canWrite } = useCanWrite();
  const [newTeam, setNewTeam] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <LedgerListCard
      title={t('teamsTitle')}
      testId="resident-teams-page"
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setNewTeam(true)}>
            {t('newTeam')}
          </Button>
        )
      }
      intro={t('teamsIntro')}
      tabs={[
        { key: 'teams', label: t('tabTeams'), children: <TeamsTab onOpen={setOpenId} /> },
        { key: 'villages', label: t('tabVillages'), children: <VillagesTab onOpen={setOpenId} /> },
      ]}
    >
      {newTeam && <TeamModal onClose={() => setNewTeam(false)} onDone={(id) => setOpenId(id)} />}
      {openId !== null && <TeamDrawer id={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />}
    </LedgerListCard>
  );
}

function TeamsTab({ onOpen }: { onOpen: (id: number) => void }) {
  const t = useVillageText();
  const list = usePagedList({
    key: residentTeamKeys.teams(),
    filterKeys: ['orgCode', 'status', 'q'] as const,
    fetch: (f, p) => fetchTeams({ ...f, ...p }),
  });
  const columns: TableColumnsType<TeamRowT> = [
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('orgCode'), width: 100, fixed: 'left' },
    { title: t('township'), dataIndex: 'townshipName', width: 90 },
    { title: t('sendingUnit'), dataIndex: 'sendingUnit', ...list.sortable('sendingUnit'), width: 180 },
    { title: t('firstSecretary'), dataIndex: 'firstSecretary', width: 100, render: (v: string | null) => v ?? '—' },
    { title: t('leader'), dataIndex: 'leader', width: 90, render: (v: string | null) => v ?? '—' },
    { title: t('memberCount'), dataIndex: 'members', width: 90, align: 'right' },
    { title: t('startedOn'), dataIndex: 'startedOn', ...list.sortable('startedOn'), width: 110 },
    {
      title: t('status'),
      key: 'status',
      width: 150,
      render: (_, r) =>
        r.endedOn ? (
          <span>
            <Tag>{t('ended')}</Tag>
            {r.endedOn}
          </span>
        ) : (
          <Tag color="green">{t('active')}</Tag>
        ),
    },
    {
      title: '',
      key: 'open',
      width: 70,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => onOpen(r.id)}>
          {t('view')}
        </Button>
      ),
    },
  ];
  return (
    <LedgerList
      list={list}
      filters={[
        { kind: 'org' },
        {
          kind: 'select',
          key: 'status',
          placeholder: t('status'),
          width: 110,
          options: [
            { value: 'active', label: t('active') },
            { value: 'ended', label: t('ended') },
          ],
        },
        { kind: 'search', key: 'q', placeholder: t('search'), width: 200 },
      ]}
      exportUrl={teamsExportUrl(list.filters)}
      exportText={t('export')}
      rowKey="id"
      testId="resident-teams"
      columns={columns}
      emptyText={t('empty')}
      scrollX={1000}
    />
  );
}

function VillagesTab({ onOpen }: { onOpen: (id: number) => void }) {
  const t = useVillageText();
  const { isCounty } = useCanWrite();
  const [editing, setEditing] = useState<VillageRow | null>(null);
  const list = usePagedList({
    key: residentTeamKeys.villages(),
    prefix: 'villages', // its own page and sort in the address (the first tab has the plain names)
    filterKeys: ['orgCode', 'scope'] as const,
    fetch: (f, p) =>
      fetchTeamVillages({
        orgCode: f.orgCode,
        required: f.scope === 'all' ? undefined : 'true',
        lacking: f.scope === 'lacking' ? 'true' : undefined,
        ...p,
      }),
  });
  const columns: TableColumnsType<VillageRowT> = [
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('orgCode'), width: 100, fixed: 'left' },
    { title: t('township'), dataIndex: 'townshipName', width: 90 },
    {
      title: t('requirements'),
      key: 'requirements',
      width: 200,
      render: (_, r) =>
        r.requirements.length ? r.requirements.map((x) => <Tag key={x}>{zhOf(TEAM_REQUIREMENTS, x)}</Tag>) : '—',
    },
    {
      title: t('teamState'),
      key: 'team',
      width: 230,
      render: (_, r) =>
        r.teamId ? (
          <Button type="link" size="small" onClick={() => onOpen(r.teamId!)}>
            {r.sendingUnit}
            {r.firstSecretary ? `（${r.firstSecretary}）` : ''}
          </Button>
        ) : r.lacking ? (
          <Tag color="red">{t('lacking')}</Tag>
        ) : (
          '—'
        ),
    },
    ...(isCounty
      ? [
          {
            title: '',
            key: 'flags',
            width: 70,
            render: (_: unknown, r: VillageRowT) => (
              <Button type="link" size="small" onClick={() => setEditing(r)}>
                {t('flags')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <LedgerList
      list={list}
      filters={[
        { kind: 'org' },
        {
          kind: 'select',
          key: 'scope',
          width: 150,
          clearable: false,
          fallback: 'required',
          testId: 'villages-scope',
          options: [
            { value: 'required', label: t('onlyRequired') },
            { value: 'lacking', label: t('onlyLacking') },
            { value: 'all', label: t('allVillages') },
          ],
        },
      ]}
      rowKey="orgCode"
      testId="resident-villages"
      columns={columns}
      emptyText={t('empty')}
      scrollX={700}
    >
      {editing && <FlagsModal village={editing} onClose={() => setEditing(null)} />}
    </LedgerList>
  );
}

function FlagsModal({ village, onClose }: { village: VillageRow; onClose: () => void }) {
  const t = useVillageText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ flags: string[] }>();
  return (
    <FormModal<{ flags: string[] }, unknown>
      open
      onClose={onClose}
      title={`${t('flagsTitle')}：${village.villageName ?? village.orgCode}`}
      form={form}
      initialValues={{ flags: TEAM_REQUIREMENTS.map((r) => r.code).filter((c) => village[c]) }}
      send={(v) =>
        setVillageFlags(village.orgCode, {
          keyVillage: v.flags.includes('keyVillage'),
          relocationSite: v.flags.includes('relocationSite'),
          weakParty: v.flags.includes('weakParty'),
        })
      }
      onDone={async () => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: residentTeamKeys.all });
      }}
    >
      <Form.Item name="flags">
        <Checkbox.Group options={TEAM_REQUIREMENTS.map((r) => ({ value: r.code, label: r.zh }))} />
      </Form.Item>
    </FormModal>
  );
}

interface MemberValues {
  name: string;
  role: string;
  unit?: string;
}

function MembersFields() {
  const t = useVillageText();
  const required = { required: true, message: t('required') };
  return (
    <Form.List name="members">
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

const toMembers = (ms: MemberValues[] | undefined) =>
  (ms ?? []).map((m) => ({ name: m.name, role: m.role as 'member', unit: m.unit || null }));

interface TeamValues {
  orgCode: string;
  sendingUnit: string;
  startedOn: Dayjs;
  members: MemberValues[];
}

function TeamModal({ onClose, onDone }: { onClose: () => void; onDone: (id: number) => void }) {
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

function TeamDrawer({ id, onClose, onOpen }: { id: number; onClose: () => void; onOpen: (id: number) => void }) {
  const t = useVillageText();
  const { canWrite } = useCanWrite();
  const query = useQuery({ queryKey: residentTeamKeys.team(id), queryFn: () => fetchTeam(id) });
  const [modal, setModal] = useState<null | 'member' | 'attendance' | 'log' | 'rotate' | 'end'>(null);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const close = () => setModal(null);
  return (
    <Drawer open onClose={onClose} width={DRAWER_WIDTH} title={t('teamDetail')} destroyOnHidden>
      <QueryState query={query}>
        {(team) => {
          const open = team.endedOn === null && canWrite;
          return (
            <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="team-detail">
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('village')}>
                  {team.townshipName} {team.villageName}
                </Descriptions.Item>
                <Descriptions.Item label={t('sendingUnit')}>{team.sendingUnit}</Descriptions.Item>
                <Descriptions.Item label={t('startedOn')}>{team.startedOn}</Descriptions.Item>
                <Descriptions.Item label={t('status')}>
                  {team.endedOn ? `${t('ended')} ${team.endedOn} ${team.endNote ?? ''}` : t('active')}
                </Descriptions.Item>
              </Descriptions>
              {open && (
                <Space wrap>
                  <Button onClick={() => setModal('rotate')}>{t('rotate')}</Button>
                  <Button danger onClick={() => setModal('end')}>
                    {t('end')}
                  </Button>
                </Space>
              )}

              <Typography.Title level={5}>{t('members')}</Typography.Title>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={team.memberList}
                scroll={{ x: 560 }}
                columns={[
                  { title: t('name'), dataIndex: 'name', width: 90 },
                  { title: t('role'), dataIndex: 'role', width: 90, render: (v: string) => zhOf(RESIDENT_ROLES, v) },
                  { title: t('unit'), dataIndex: 'unit', width: 140, render: (v: string | null) => v ?? '—' },
                  { title: t('joinedOn'), dataIndex: 'joinedOn', width: 110 },
                  {
                    title: t('leftOn'),
                    key: 'leftOn',
                    width: 110,
                    render: (_, m) =>
                      m.leftOn ??
                      (open ? (
                        <LeaveButton
                          memberId={m.id}
                          onDone={() => queryClient.invalidateQueries({ queryKey: residentTeamKeys.all })}
                        />
                      ) : (
                        '—'
                      )),
                  },
                ]}
              />
              {open && (
                <Button icon={<PlusOutlined />} onClick={() => setModal('member')}>
                  {t('addMember')}
                </Button>
              )}

              <Typography.Title level={5}>{t('attendance')}</Typography.Title>
              <Typography.Text type="secondary">{t('minDaysNote', { n: team.minDaysPerMonth })}</Typography.Text>
              <Table
                size="small"
                rowKey="id"
                pagination={{ pageSize: 12 }}
                dataSource={team.attendance}
                data-testid="team-attendance"
                scroll={{ x: 440 }}
                columns={[
                  { title: t('period'), dataIndex: 'period', width: 90 },
                  { title: t('name'), dataIndex: 'memberName', width: 90 },
                  { title: t('daysInVillage'), dataIndex: 'daysInVillage', width: 90, align: 'right' },
                  { title: t('minDays'), dataIndex: 'minDays', width: 90, align: 'right' },
                  {
                    title: t('shortfall'),
                    dataIndex: 'shortfall',
                    width: 80,
                    render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : '—'),
                  },
                ]}
              />
              {canWrite && (
                <Button icon={<PlusOutlined />} onClick={() => setModal('attendance')}>
                  {t('recordAttendance')}
                </Button>
              )}

              <Typography.Title level={5}>{t('logs')}</Typography.Title>
              <List
                size="small"
                bordered
                dataSource={team.logList}
                locale={{ emptyText: t('empty') }}
                renderItem={(l) => (
                  <List.Item>
                    <Typography.Text type="secondary">{l.loggedOn}</Typography.Text>&nbsp;{l.content}
                  </List.Item>
                )}
              />
              {open && (
                <Button icon={<PlusOutlined />} onClick={() => setModal('log')}>
                  {t('addLog')}
                </Button>
              )}

              <Typography.Title level={5}>{t('history')}</Typography.Title>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={team.history}
                data-testid="team-history"
                scroll={{ x: 480 }}
                columns={[
                  {
                    title: t('sendingUnit'),
                    dataIndex: 'sendingUnit',
                    width: 160,
                    render: (v: string, r) =>
                      r.id === team.id ? (
                        v
                      ) : (
                        <Button type="link" size="small" onClick={() => onOpen(r.id)}>
                          {v}
                        </Button>
                      ),
                  },
                  { title: t('firstSecretary'), dataIndex: 'firstSecretary', width: 100 },
                  { title: t('startedOn'), dataIndex: 'startedOn', width: 110 },
                  { title: t('endedOn'), dataIndex: 'endedOn', width: 110, render: (v: string | null) => v ?? '—' },
                ]}
              />
              {modal === 'member' && <MemberModal team={team} onClose={close} />}
              {modal === 'attendance' && <AttendanceModal team={team} onClose={close} />}
              {modal === 'log' && <LogModal team={team} onClose={close} />}
              {modal === 'end' && <EndModal team={team} onClose={close} />}
              {modal === 'rotate' && (
                <RotateModal
                  team={team}
                  onClose={close}
                  onDone={async (next) => {
                    message.success(t('saved'));
                    await queryClient.invalidateQueries({ queryKey: residentTeamKeys.all });
                    onOpen(next);
                  }}
                />
              )}
            </Space>
          );
        }}
      </QueryState>
    </Drawer>
  );
}

function useDone() {
  const t = useVillageText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async () => {
    message.success(t('saved'));
    await queryClient.invalidateQueries({ queryKey: residentTeamKeys.all });
  };
}

function LeaveButton({ memberId, onDone }: { memberId: number; onDone: () => void }) {
  const t = useVillageText();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ leftOn: Dayjs }>();
  const done = useDone();
  return (
    <>
      <Button type="link" size="small" onClick={() => setOpen(true)}>
        {t('leave')}
      </Button>
      {open && (
        <FormModal<{ leftOn: Dayjs }, TeamDetail>
          open
          onClose={() => setOpen(false)}
          title={t('leave')}
          form={form}
          initialValues={{ leftOn: chinaToday() }}
          send={(v) => memberLeaves(memberId, { leftOn: day(v.leftOn) })}
          onDone={async () => {
            await done();
            onDone();
          }}
        >
          <Form.Item name="leftOn" label={t('leftOn')} rules={[{ required: true, message: t('required') }]}>
            <DatePicker />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

function MemberModal({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
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

function AttendanceModal({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
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

function LogModal({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
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

function EndModal({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
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

function RotateModal({
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
      <Form.List name={['next', 'members']}>
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
    </FormModal>
  );
}
