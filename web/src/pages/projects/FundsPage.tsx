import { chinaToday } from '#web/components/chinaDay.ts';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tabs,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  createAllocation,
  createAssignment,
  createDisbursement,
  fetchAllocations,
  fetchAssignments,
  fetchDisbursements,
  fetchProjects,
  fundsExportUrl,
  type AllocationRow,
  type AssignmentRow,
  type DisbursementRow,
} from '#web/api/projects.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { FormModal } from './FormModal.tsx';
import { FundChecksCard } from './FundChecksCard.tsx';
import { FUND_SOURCE_LABELS, FUND_SOURCES } from './labels.ts';
import { toFen, yuan, useProjectsText } from './text.ts';
import { keys } from '#web/api/queryKeys.ts';

/** 衔接资金: allocations, their assignment to projects, payments; the year's rule checks on top. */
export default function FundsPage() {
  const t = useProjectsText();
  const { label } = useI18n();
  const { data: actor } = useActor();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const [modal, setModal] = useState<'allocation' | 'assignment' | 'disbursement' | null>(null);
  const canManage = hasPermission(actor, 'funds:manage');
  const allocations = useQuery({
    queryKey: keys.projects.fundLedger('allocations', year),
    queryFn: () => fetchAllocations(year),
  });
  const assignments = useQuery({
    queryKey: keys.projects.fundLedger('assignments', year),
    queryFn: () => fetchAssignments(year),
  });
  const disbursements = useQuery({
    queryKey: keys.projects.fundLedger('disbursements', year),
    queryFn: () => fetchDisbursements(year),
  });
  const projects = useQuery({
    queryKey: keys.projects.list({ year }),
    queryFn: () => fetchProjects({}),
    enabled: modal === 'assignment',
  });
  const [allocationForm] = Form.useForm<{ source: string; docNo: string; receivedOn: Dayjs; amount: number }>();
  const [assignmentForm] = Form.useForm<{ allocationId: number; projectId: number; amount: number }>();
  const [disbursementForm] = Form.useForm<{
    assignmentId: number;
    amount: number;
    paidOn: Dayjs;
    voucherNo: string;
    payee?: string;
    labour: boolean;
  }>();
  const done = async () => {
    message.success('已保存');
    await queryClient.invalidateQueries({ queryKey: keys.projects.all });
  };
  const src = (s: string) => label(FUND_SOURCE_LABELS[s as keyof typeof FUND_SOURCE_LABELS]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('fundsTitle')}
        extra={
          <Space>
            <InputNumber min={2013} max={2100} value={year} onChange={(v) => v && setYear(v)} addonBefore={t('year')} />
            <Button icon={<DownloadOutlined />} href={fundsExportUrl(year)} download>
              {t('export')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('fundsIntro')}</Typography.Paragraph>
        <Tabs
          items={[
            {
              key: 'allocations',
              label: t('allocations'),
              children: (
                <LedgerTab<AllocationRow>
                  addLabel={t('newAllocation')}
                  onAdd={canManage ? () => setModal('allocation') : undefined}
                  query={allocations}
                  columns={[
                    { title: t('source'), dataIndex: 'source', render: src },
                    { title: t('docNo'), dataIndex: 'docNo' },
                    { title: t('receivedOn'), dataIndex: 'receivedOn' },
                    { title: t('amount'), dataIndex: 'amountFen', align: 'right', render: yuan },
                    { title: t('assigned'), dataIndex: 'assignedFen', align: 'right', render: yuan },
                    { title: t('balance'), dataIndex: 'balanceFen', align: 'right', render: yuan },
                  ]}
                />
              ),
            },
            {
              key: 'assignments',
              label: t('assignments'),
              children: (
                <LedgerTab<AssignmentRow>
                  addLabel={t('assign')}
                  onAdd={canManage ? () => setModal('assignment') : undefined}
                  query={assignments}
                  columns={[
                    { title: t('project'), dataIndex: 'projectName' },
                    { title: t('place'), dataIndex: 'orgName' },
                    { title: t('source'), dataIndex: 'source', render: src },
                    { title: t('docNo'), dataIndex: 'docNo' },
                    { title: t('amount'), dataIndex: 'amountFen', align: 'right', render: yuan },
                    { title: t('disbursed'), dataIndex: 'disbursedFen', align: 'right', render: yuan },
                    { title: t('balance'), dataIndex: 'balanceFen', align: 'right', render: yuan },
                  ]}
                />
              ),
            },
            {
              key: 'disbursements',
              label: t('disbursements'),
              children: (
                <LedgerTab<DisbursementRow>
                  addLabel={t('disburse')}
                  onAdd={canManage ? () => setModal('disbursement') : undefined}
                  query={disbursements}
                  columns={[
                    { title: t('paidOn'), dataIndex: 'paidOn' },
                    { title: t('project'), dataIndex: 'projectName' },
                    { title: t('amount'), dataIndex: 'amountFen', align: 'right', render: yuan },
                    { title: t('voucher'), dataIndex: 'voucherNo' },
                    { title: t('payee'), dataIndex: 'payee' },
                    { title: t('labourPay'), dataIndex: 'labour', render: (v: boolean) => (v ? '是' : '') },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      <FundChecksCard year={year} />

      <FormModal
        open={modal === 'allocation'}
        onClose={() => setModal(null)}
        title={t('newAllocation')}
        form={allocationForm}
        initialValues={{ source: 'central', receivedOn: chinaToday() }}
        send={(v) =>
          createAllocation({
            year,
            source: v.source as (typeof FUND_SOURCES)[number],
            docNo: v.docNo,
            receivedOn: v.receivedOn.format('YYYY-MM-DD'),
            amountFen: toFen(v.amount),
          })
        }
        onDone={done}
        fieldMap={{ amountFen: 'amount' }}
      >
        <Form.Item name="source" label={t('source')} rules={[{ required: true }]}>
          <Select options={FUND_SOURCES.map((s) => ({ value: s, label: label(FUND_SOURCE_LABELS[s]) }))} />
        </Form.Item>
        <Form.Item name="docNo" label={t('docNo')} rules={[{ required: true, message: t('required') }]}>
          <Input placeholder="晋财农〔2026〕1号" />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('receivedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="amount" label={t('amount')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={0.01} precision={2} style={{ width: 240 }} />
        </Form.Item>
      </FormModal>

      <FormModal
        open={modal === 'assignment'}
        onClose={() => setModal(null)}
        title={t('assign')}
        form={assignmentForm}
        send={(v) =>
          createAssignment({ allocationId: v.allocationId, projectId: v.projectId, amountFen: toFen(v.amount) })
        }
        onDone={done}
        fieldMap={{ amountFen: 'amount' }}
      >
        <Form.Item name="allocationId" label={t('allocations')} rules={[{ required: true, message: t('required') }]}>
          <Select
            options={(allocations.data ?? []).map((a) => ({
              value: a.id,
              label: `${src(a.source)} ${a.docNo}（${t('balance')} ${yuan(a.balanceFen)}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="projectId" label={t('project')} rules={[{ required: true, message: t('required') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={projects.isPending}
            options={(projects.data ?? [])
              .filter((p) => ['admitted', 'implementing', 'accepted'].includes(p.status))
              .map((p) => ({ value: p.id, label: `${p.name}（${p.orgName}）` }))}
          />
        </Form.Item>
        <Form.Item name="amount" label={t('amount')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={0.01} precision={2} style={{ width: 240 }} />
        </Form.Item>
      </FormModal>

      <FormModal
        open={modal === 'disbursement'}
        onClose={() => setModal(null)}
        title={t('disburse')}
        form={disbursementForm}
        initialValues={{ paidOn: chinaToday(), labour: false }}
        send={(v) =>
          createDisbursement({
            assignmentId: v.assignmentId,
            amountFen: toFen(v.amount),
            paidOn: v.paidOn.format('YYYY-MM-DD'),
            voucherNo: v.voucherNo,
            payee: v.payee || null,
            labour: v.labour,
          })
        }
        onDone={done}
        fieldMap={{ amountFen: 'amount' }}
      >
        <Form.Item name="assignmentId" label={t('assignments')} rules={[{ required: true, message: t('required') }]}>
          <Select
            options={(assignments.data ?? []).map((a) => ({
              value: a.id,
              label: `${a.projectName} · ${src(a.source)}（${t('balance')} ${yuan(a.balanceFen)}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="amount" label={t('amount')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={0.01} precision={2} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="paidOn" label={t('paidOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="voucherNo" label={t('voucher')} rules={[{ required: true, message: t('required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="payee" label={t('payee')}>
          <Input />
        </Form.Item>
        <Form.Item name="labour" valuePropName="checked">
          <Checkbox>{t('labourPay')}</Checkbox>
        </Form.Item>
      </FormModal>
    </Space>
  );
}

/** One tab of the fund ledger: an add button for those who manage funds, and the table. */
function LedgerTab<T extends { id: number }>({
  addLabel,
  onAdd,
  query,
  columns,
}: {
  addLabel: string;
  onAdd?: () => void;
  query: { isPending: boolean; data?: T[] };
  columns: TableColumnsType<T>;
}) {
  return (
    <>
      {onAdd && (
        <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={onAdd}>
          {addLabel}
        </Button>
      )}
      <Table<T>
        rowKey="id"
        size="small"
        loading={query.isPending}
        dataSource={query.data ?? []}
        pagination={false}
        columns={columns}
      />
    </>
  );
}
