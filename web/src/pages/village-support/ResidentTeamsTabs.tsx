import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { TEAM_REQUIREMENTS, zhOf } from '#common/domain/village-support/codes.ts';
import {
  fetchTeams,
  fetchTeamVillages,
  residentTeamKeys,
  setVillageFlags,
  teamsExportUrl,
  type VillageRow,
} from '#web/api/village-support.ts';
import { LedgerList } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { useVillageText } from './text.ts';
import { TeamRowT, VillageRowT, useCanWrite } from './residentTeamsShared.tsx';

export function TeamsTab({ onOpen }: { onOpen: (id: number) => void }) {
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

export function VillagesTab({ onOpen }: { onOpen: (id: number) => void }) {
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
