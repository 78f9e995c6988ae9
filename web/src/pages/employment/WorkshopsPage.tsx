import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Space, Tag, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  createWorkshop,
  employmentExportUrl,
  employmentKeys,
  fetchWorkshops,
  type WorkshopPage,
} from '#web/api/employment.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { LedgerList, LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { FormModal } from '../projects/FormModal.tsx';
import { toFen, yuan } from '../projects/text.ts';
import { useEmploymentText } from './text.ts';

type Row = WorkshopPage['items'][number];
const FILTER_KEYS = ['orgCode', 'status', 'q'] as const;

/** 扶贫车间 / 就业帮扶车间 of the villages in scope, with the one-off subsidy. */
export default function WorkshopsPage() {
  const t = useEmploymentText();
  const { data: actor } = useActor();
  const [creating, setCreating] = useState(false);
  const list = usePagedList({
    key: employmentKeys.workshops(),
    filterKeys: FILTER_KEYS,
    fetch: (f, p) => fetchWorkshops({ ...f, ...p }),
  });

  const columns: TableColumnsType<Row> = [
    { title: t('workshopName'), dataIndex: 'name', ...list.sortable('name'), width: 150, fixed: 'left' },
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('village'), width: 100 },
    { title: t('operator'), dataIndex: 'operator', width: 150 },
    { title: t('recognisedOn'), dataIndex: 'recognisedOn', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: t('employees'),
      dataIndex: 'employeesTotal',
      ...list.sortable('employeesTotal'),
      width: 100,
      align: 'right',
    },
    { title: t('employeesAssisted'), dataIndex: 'employeesAssisted', width: 140, align: 'right' },
    {
      title: t('subsidy'),
      dataIndex: 'subsidyFen',
      ...list.sortable('subsidyFen'),
      width: 150,
      align: 'right',
      render: (v: number | null) => yuan(v),
    },
    { title: t('subsidyPaidOn'), dataIndex: 'subsidyPaidOn', width: 120, render: (v: string | null) => v ?? '—' },
    {
      title: t('filterStatus'),
      dataIndex: 'status',
      width: 80,
      render: (s: Row['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(s)}</Tag>,
    },
  ];

  return (
    <LedgerListCard
      title={t('workshopsTitle')}
      extra={
        <Space wrap>
          {hasPermission(actor, 'assistance:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('newWorkshop')}
            </Button>
          )}
          {hasPermission(actor, 'assistance:export') && (
            <Button icon={<DownloadOutlined />} href={employmentExportUrl('workshops', list.filters)} download>
              {t('export')}
            </Button>
          )}
        </Space>
      }
      intro={t('workshopsIntro')}
    >
      <LedgerList
        list={list}
        filters={[
          {
            kind: 'select',
            key: 'status',
            placeholder: t('filterStatus'),
            width: 120,
            options: [
              { value: 'active', label: t('active') },
              { value: 'closed', label: t('closed') },
            ],
          },
          { kind: 'search', key: 'q', placeholder: t('searchWorkshop'), width: 200 },
        ]}
        rowKey="id"
        columns={columns}
        emptyText={t('empty')}
        scrollX={1100}
      />
      <NewWorkshopModal open={creating} onClose={() => setCreating(false)} />
    </LedgerListCard>
  );
}

interface Values {
  villageCode: string;
  name: string;
  operator: string;
  recognisedOn?: Dayjs;
  employeesTotal: number;
  employeesAssisted: number;
  subsidy?: number;
  subsidyPaidOn?: Dayjs;
}

function NewWorkshopModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useEmploymentText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<Values, unknown>
      open={open}
      onClose={onClose}
      title={t('newWorkshop')}
      form={form}
      initialValues={{ employeesTotal: 0, employeesAssisted: 0 }}
      fieldMap={{ subsidyFen: 'subsidy' }}
      send={(v) =>
        createWorkshop({
          villageCode: v.villageCode,
          name: v.name,
          operator: v.operator,
          recognisedOn: v.recognisedOn?.format('YYYY-MM-DD') ?? null,
          employeesTotal: v.employeesTotal,
          employeesAssisted: v.employeesAssisted,
          subsidyFen: v.subsidy === undefined || v.subsidy === null ? null : toFen(v.subsidy),
          subsidyPaidOn: v.subsidyPaidOn?.format('YYYY-MM-DD') ?? null,
        })
      }
      onDone={async () => {
        message.success(t('saved'));
        await queryClient.invalidateQueries({ queryKey: employmentKeys.workshops() });
      }}
    >
      <Form.Item name="villageCode" label={t('village')} rules={[required]}>
        <OrgUnitPicker allowedLevels={['village']} />
      </Form.Item>
      <Form.Item name="name" label={t('workshopName')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="operator" label={t('operator')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="recognisedOn" label={t('recognisedOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="employeesTotal" label={t('employees')} rules={[required]}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="employeesAssisted" label={t('employeesAssisted')} rules={[required]}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="subsidy" label={t('subsidy')}>
          <InputNumber min={0} precision={2} />
        </Form.Item>
        <Form.Item name="subsidyPaidOn" label={t('subsidyPaidOn')}>
          <DatePicker />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
