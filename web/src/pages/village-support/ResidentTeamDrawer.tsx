import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Descriptions, Drawer, Form, List, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { RESIDENT_ROLES, zhOf } from '#common/domain/village-support/codes.ts';
import { fetchTeam, memberLeaves, residentTeamKeys, type TeamDetail } from '#web/api/village-support.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { QueryState } from '#web/components/states.tsx';
import { FormModal } from '../projects/FormModal.tsx';
import { useVillageText } from './text.ts';
import { AttendanceModal, EndModal, LogModal, MemberModal, RotateModal } from './ResidentTeamActions.tsx';
import { DRAWER_WIDTH, day, useCanWrite, useDone } from './residentTeamsShared.tsx';

export function TeamDrawer({ id, onClose, onOpen }: { id: number; onClose: () => void; onOpen: (id: number) => void }) {
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
