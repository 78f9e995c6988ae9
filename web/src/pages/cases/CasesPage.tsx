import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  CASE_FILTER_KEYS,
  CASES_EXPORT_PATH,
  fetchCasePage,
  fetchOpenClues,
  searchMonitored,
  startElimination,
  startIdentification,
  type CaseRow,
} from '#web/api/cases.ts';
import { listExportUrl } from '#web/api/monitoring.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { LedgerList } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { errorMessage } from '#web/components/errorMessage.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { riskLabel, STAGE_ZH, typeLabel, useCasesText } from './text.ts';
import { caseStageName } from '#web/i18n/workflowNames.ts';
import { keys } from '#web/api/queryKeys.ts';

export function DueTag({ row }: { row: Pick<CaseRow, 'timeLimit' | 'status'> }) {
  const t = useCasesText();
  const tl = row.timeLimit;
  if (!tl) return <span>—</span>;
  const color = tl.status === 'overdue' ? 'red' : tl.status === 'nearDue' ? 'orange' : 'green';
  const text =
    tl.status === 'overdue' ? t('overdueDays', { n: -tl.remaining }) : t('remainingDays', { n: tl.remaining });
  return (
    <Tag color={color} data-due={tl.status}>
      {t('elapsedDays', { n: tl.elapsed })} · {text}
    </Tag>
  );
}

export default function CasesPage() {
  const t = useCasesText();
  const { data: actor } = useActor();
  const canStart = hasPermission(actor, 'cases:start');
  const canExport = hasPermission(actor, 'cases:export');
  // Filters, page and sort live in the address: the workbench links here with ?kind=&stage=&due=.
  const list = usePagedList({
    key: [...keys.cases.all, 'page'],
    filterKeys: CASE_FILTER_KEYS,
    fetch: fetchCasePage,
  });
  const filters = list.filters;
  const [modal, setModal] = useState<'clue' | 'elimination' | null>(null);

  const columns: TableColumnsType<CaseRow> = [
    {
      title: t('caseNo'),
      dataIndex: 'id',
      width: 80,
      ...list.sortable('id'),
      render: (id: number) => <Link to={`/cases/${id}`}>#{id}</Link>,
    },
    {
      title: t('kind'),
      dataIndex: 'kind',
      width: 90,
      render: (k: string) => <Tag color={k === 'identification' ? 'blue' : 'purple'}>{t(k as 'identification')}</Tag>,
    },
    {
      title: t('householdNo'),
      dataIndex: 'householdNo',
      width: 150,
      ...list.sortable('householdNo'),
      render: (no: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{no}</Typography.Text>,
    },
    { title: t('headName'), dataIndex: 'headName', width: 80, render: (n: string | null) => n ?? '—' },
    {
      title: t('village'),
      width: 130,
      ...list.sortable('village'),
      render: (_, r) => `${r.townshipName} ${r.villageName}`,
    },
    {
      title: t('risks'),
      dataIndex: 'riskTypes',
      render: (rs: string[]) => rs.map((r) => <Tag key={r}>{riskLabel(r)}</Tag>),
    },
    {
      title: t('type'),
      dataIndex: 'monitoringType',
      width: 110,
      render: (v: string | null) => (v ? typeLabel(v) : '—'),
    },
    {
      title: t('stage'),
      dataIndex: 'stage',
      width: 110,
      ...list.sortable('stage'),
      render: (s: string) => (
        <Tag color={s === 'done' ? 'green' : s === 'closed' ? 'default' : 'processing'}>{caseStageName(s)}</Tag>
      ),
    },
    { title: t('startedOn'), dataIndex: 'startedOn', width: 110, ...list.sortable('startedOn') },
    { title: t('due'), width: 140, ...list.sortable('dueOn'), render: (_, r) => <DueTag row={r} /> },
    { title: '', key: 'open', width: 70, render: (_, r) => <Link to={`/cases/${r.id}`}>{t('view')}</Link> },
  ];

  return (
    <Card
      title={t('listTitle')}
      extra={
        <Space wrap>
          {canExport && (
            <Button
              icon={<DownloadOutlined />}
              href={listExportUrl(CASES_EXPORT_PATH, filters, list.request)}
              download
              data-testid="cases-export"
            >
              {t('exportList')}
            </Button>
          )}
          {canStart && (
            <>
              <Button type="primary" onClick={() => setModal('clue')} data-testid="start-from-clue">
                {t('startFromClue')}
              </Button>
              <Button onClick={() => setModal('elimination')}>{t('startElimination')}</Button>
            </>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('listIntro')}</Typography.Paragraph>
      <LedgerList
        list={list}
        above={
          <Flex gap={12} wrap style={{ marginBottom: 16 }}>
            <Select
              style={{ width: 170 }}
              value={filters.kind ?? ''}
              onChange={(v) => list.setFilter('kind', v || undefined)}
              options={[
                { value: '', label: `${t('kind')}：${t('any')}` },
                { value: 'identification', label: t('identification') },
                { value: 'elimination', label: t('elimination') },
              ]}
            />
            <Select
              style={{ width: 130 }}
              value={filters.status ?? 'active'}
              onChange={(v) => list.setFilter('status', v === 'active' ? undefined : v)}
              options={(['active', 'done', 'closed'] as const).map((s) => ({ value: s, label: t(s) }))}
            />
            <Select
              style={{ width: 160 }}
              value={filters.stage ?? ''}
              onChange={(v) => list.setFilter('stage', v || undefined)}
              options={[
                { value: '', label: `${t('stage')}：${t('any')}` },
                ...Object.keys(STAGE_ZH).map((value) => ({ value, label: caseStageName(value) })),
              ]}
            />
            <Select
              style={{ width: 140 }}
              value={filters.due ?? ''}
              onChange={(v) => list.setFilter('due', v || undefined)}
              options={[
                { value: '', label: `${t('due')}：${t('any')}` },
                { value: 'overdue', label: t('overdue') },
                { value: 'nearDue', label: t('nearDue') },
                { value: 'onTime', label: t('onTime') },
              ]}
            />
          </Flex>
        }
        rowKey="id"
        columns={columns}
        emptyText={t('empty')}
        scrollX={1200}
      />
      {modal === 'clue' && <StartFromClueModal onClose={() => setModal(null)} />}
      {modal === 'elimination' && <StartEliminationModal onClose={() => setModal(null)} />}
    </Card>
  );
}

function StartFromClueModal({ onClose }: { onClose: () => void }) {
  const t = useCasesText();
  const { language } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const clues = useQuery({ queryKey: keys.cases.openClues, queryFn: fetchOpenClues });
  const start = useMutation({
    mutationFn: startIdentification,
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: keys.cases.all });
      message.success(`${t('started')} #${c.id}`);
      navigate(`/cases/${c.id}`);
    },
    onError: (e) => message.error(errorMessage(e, language).message),
  });
  return (
    <Modal open title={t('pickClue')} onCancel={onClose} footer={null} width={900}>
      {clues.isError ? (
        <QueryErrorResult error={clues.error} onRetry={() => clues.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={clues.isLoading}
          dataSource={clues.data?.items ?? []}
          pagination={{ pageSize: 8 }}
          locale={{ emptyText: <Empty description={t('pickClueEmpty')} /> }}
          columns={[
            {
              title: t('headName'),
              dataIndex: 'headName',
              width: 80,
              render: (n: string | null) => n ?? <Tag color="gold">{t('notRegistered')}</Tag>,
            },
            { title: t('village'), dataIndex: 'villageName', width: 90 },
            { title: t('risks'), dataIndex: 'riskType', width: 100, render: (r: string) => riskLabel(r) },
            { title: t('clueSummary'), dataIndex: 'summary' },
            { title: t('clueAge'), dataIndex: 'ageDays', width: 80, render: (d: number) => t('elapsedDays', { n: d }) },
            {
              title: '',
              key: 'go',
              width: 130,
              render: (_, r) =>
                r.activeCaseId ? (
                  <Link to={`/cases/${r.activeCaseId}`} data-testid={`clue-case-${r.id}`}>
                    {t('activeCase', { id: r.activeCaseId })}
                  </Link>
                ) : (
                  <Button
                    size="small"
                    type="primary"
                    disabled={!r.householdId}
                    loading={start.isPending && start.variables === r.id}
                    onClick={() => start.mutate(r.id)}
                    data-testid={`start-clue-${r.id}`}
                  >
                    {t('start')}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </Modal>
  );
}

function StartEliminationModal({ onClose }: { onClose: () => void }) {
  const t = useCasesText();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({ queryKey: keys.cases.monitored(query), queryFn: () => searchMonitored(query) });
  const mode = Form.useWatch('mode', form);
  const { mutation: start, errorAlert } = useFormMutation(form, startElimination, {
    onSuccess: (c) => navigate(`/cases/${c.id}`),
    invalidate: [keys.cases.all],
  });
  return (
    <Modal
      open
      title={t('startElimination')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('start')}
      confirmLoading={start.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ mode: 'assistedElimination' }}
        onFinish={(v: Parameters<typeof startElimination>[0]) => start.mutate(v)}
      >
        {errorAlert}
        <Form.Item
          name="householdId"
          label={t('pickHousehold')}
          rules={[{ required: true, message: t('pickHousehold') }]}
        >
          <Select
            showSearch
            filterOption={false}
            placeholder={t('searchHousehold')}
            onSearch={setTyped}
            loading={found.isFetching}
            options={(found.data?.items ?? []).map((h) => ({
              value: h.id,
              label: `${h.headName ?? '—'} · ${h.villageName} · ${h.householdNo}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="mode" label={t('mode')}>
          <Radio.Group
            options={[
              { value: 'assistedElimination', label: '帮扶消除' },
              { value: 'naturalElimination', label: '自然消除' },
            ]}
          />
        </Form.Item>
        {mode === 'naturalElimination' && (
          <Form.Item
            name="naturalReason"
            label={t('naturalReason')}
            extra={t('naturalReasonHint')}
            rules={[{ required: true, min: 5 }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
