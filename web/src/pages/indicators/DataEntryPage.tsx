import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  approvalAction,
  fetchApprovals,
  fetchDefinitions,
  fetchForm,
  importValues,
  saveForm,
  type FormResponse,
  type ImportSummary,
} from '#web/api/indicators.ts';
import { keys } from '#web/api/queryKeys.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { errorMessage } from '#web/components/errorMessage.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { APPROVAL_LABELS, currentMonth, useL } from './shared.tsx';
import { levelOfCode } from '#common/domain/org-code.ts';

/** /indicators/entry — 数据填报: one form per data set, unit and period; validation rules on save; submit for approval. */
export default function DataEntryPage() {
  const l = useL();
  const { language } = useI18n();
  const { message } = AntApp.useApp();
  const { data: actor } = useActor();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const defs = useQuery({ queryKey: keys.indicators.definitions, queryFn: fetchDefinitions });
  const dataSet = params.get('dataSet') ?? 'VILLAGE_LIVING';
  const ds = defs.data?.dataSets.find((d) => d.code === dataSet);
  const period = params.get('period') ?? (ds?.periodType === 'yearly' ? currentMonth().slice(0, 4) : currentMonth());
  const units = useQuery({
    queryKey: keys.indicators.approvals(dataSet, period),
    queryFn: () => fetchApprovals({ dataSet, period }),
    enabled: !!ds,
  });
  const org = params.get('org') ?? units.data?.[0]?.orgCode ?? '';
  const formQ = useQuery({
    queryKey: keys.indicators.form(dataSet, org, period),
    queryFn: () => fetchForm({ dataSet, org, period }),
    enabled: !!org && !!ds,
  });
  const [form] = Form.useForm();
  const [importOpen, setImportOpen] = useState(false);
  const set = (patch: Record<string, string>) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      Object.entries(patch).forEach(([k, v]) => n.set(k, v));
      return n;
    });

  useEffect(() => {
    if (formQ.data) form.setFieldsValue(Object.fromEntries(formQ.data.values.map((v) => [v.element.code, v.value])));
  }, [formQ.data, form]);

  const onDone = async (f: FormResponse, text: string) => {
    qc.setQueryData(keys.indicators.form(dataSet, org, period), f);
    await qc.invalidateQueries({ queryKey: keys.indicators.approvalsAll });
    await qc.invalidateQueries({ queryKey: keys.indicators.cockpitAll });
    message.success(text);
  };
  const { mutation: save, errorAlert } = useFormMutation(
    form,
    (values: Record<string, number | null>) =>
      saveForm({
        dataSet,
        org,
        period,
        values: Object.entries(values).map(([element, value]) => ({ element, value: value ?? null })),
      }),
    {
      onSuccess: (f) =>
        onDone(
          f,
          f.violations.length ? l('已保存，但有校验提示', 'Saved with validation warnings') : l('已保存', 'Saved'),
        ),
    },
  );
  const act = useMutation({
    mutationFn: (a: 'submit' | 'approve' | 'return') => approvalAction(a, { dataSet, org, period }),
    onSuccess: (f, a) =>
      onDone(
        f,
        a === 'submit'
          ? l('已上报', 'Submitted')
          : a === 'approve'
            ? l('已审核通过', 'Approved')
            : l('已退回', 'Returned'),
      ),
    onError: (e) => message.error(errorMessage(e, language).message),
  });

  if (defs.isError) return <QueryErrorResult error={defs.error} onRetry={() => defs.refetch()} />;
  const f = formQ.data;
  const editable = !!f && f.open && !f.locked && hasPermission(actor, 'indicators:enter');
  // Who acts next (村填报 → 乡镇审核 → 县审定): a township approves its villages' submissions, the county the rest.
  const actorLevel = actor ? levelOfCode(actor.orgCode) : 'village';
  const canApprove =
    hasPermission(actor, 'indicators:approve') &&
    !!f &&
    (actorLevel === 'township'
      ? f.org.level === 'village' && f.status === 'submitted'
      : f.org.level === 'village'
        ? f.status === 'approvedTownship'
        : f.status === 'submitted');
  const canReturn =
    hasPermission(actor, 'indicators:approve') &&
    !!f &&
    f.status !== 'open' &&
    (actorLevel === 'county' || (f.org.level === 'village' && f.status !== 'approvedCounty'));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={l('数据填报', 'Data entry')}
        extra={
          hasPermission(actor, 'indicators:enter') ? (
            <Button onClick={() => setImportOpen(true)}>{l('批量导入', 'Import')}</Button>
          ) : null
        }
      >
        <Space wrap>
          <Select
            style={{ width: 280 }}
            value={dataSet}
            onChange={(v) => setParams({ dataSet: v })}
            options={defs.data?.dataSets.map((d) => ({ value: d.code, label: d.nameZh }))}
            aria-label={l('数据集', 'Data set')}
          />
          {ds?.periodType === 'yearly' ? (
            <DatePicker
              picker="year"
              allowClear={false}
              value={dayjs(`${period}-01-01`)}
              onChange={(d) => d && set({ period: d.format('YYYY') })}
            />
          ) : (
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${period}-01`)}
              onChange={(d) => d && set({ period: d.format('YYYY-MM') })}
              aria-label={l('月份', 'Month')}
            />
          )}
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            value={org || undefined}
            placeholder={l('选择填报单位', 'Choose a unit')}
            onChange={(v) => set({ org: v })}
            options={units.data?.map((u) => ({ value: u.orgCode, label: u.orgName }))}
            aria-label={l('填报单位', 'Unit')}
          />
        </Space>
      </Card>
      {!org && units.isSuccess && (
        <Empty description={l('您的权限范围内没有该数据集的填报单位', 'No unit in your scope enters this data set')} />
      )}
      {f && (
        <Card
          title={
            <Space>
              {f.org.name} · {f.period}
              <Tag color={APPROVAL_LABELS[f.status].color} data-testid="approval-status">
                {l(APPROVAL_LABELS[f.status].zh, APPROVAL_LABELS[f.status].en)}
              </Tag>
            </Space>
          }
          extra={
            <Space>
              {f.status === 'open' && hasPermission(actor, 'indicators:enter') && (
                <Button onClick={() => act.mutate('submit')} loading={act.isPending}>
                  {l('上报审核', 'Submit')}
                </Button>
              )}
              {canApprove && (
                <Button type="primary" onClick={() => act.mutate('approve')} loading={act.isPending}>
                  {l('审核通过', 'Approve')}
                </Button>
              )}
              {canReturn && (
                <Button danger onClick={() => act.mutate('return')} loading={act.isPending}>
                  {l('退回修改', 'Return')}
                </Button>
              )}
            </Space>
          }
        >
          {!f.open && <Alert type="warning" showIcon message={f.closedReasonZh} style={{ marginBottom: 12 }} />}
          {f.locked && (
            <Alert
              type="info"
              showIcon
              message={l(
                '数据已审核锁定；如需修改，请审核人退回。',
                'Approved values are locked; the approver can return them.',
              )}
              style={{ marginBottom: 12 }}
            />
          )}
          {f.violations.length > 0 && (
            <Alert
              type={f.violations.some((v) => v.importance === 'high') ? 'error' : 'warning'}
              showIcon
              style={{ marginBottom: 12 }}
              message={l('校验规则提示', 'Validation rules')}
              description={
                <ul style={{ margin: 0 }}>
                  {f.violations.map((v) => (
                    <li key={v.rule}>
                      {v.nameZh}（{v.left} / {v.right}）
                      {v.importance === 'high' ? l('：须改正后才能上报', ': fix before submitting') : ''}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Form
            form={form}
            layout="horizontal"
            labelCol={{ flex: '320px' }}
            labelWrap
            onFinish={(v) => save.mutate(v)}
            disabled={!editable}
          >
            {errorAlert}
            {f.values.map((v) => (
              <Form.Item
                key={v.element.code}
                name={v.element.code}
                label={v.element.nameZh}
                extra={v.storedBy ? `${v.storedBy} · ${dayjs(v.updatedAt).format('YYYY-MM-DD HH:mm')}` : undefined}
              >
                {v.element.valueType === 'boolean' ? (
                  <Radio.Group
                    options={[
                      { value: 1, label: l('是', 'Yes') },
                      { value: 0, label: l('否', 'No') },
                    ]}
                  />
                ) : (
                  <InputNumber
                    style={{ width: 200 }}
                    min={0}
                    precision={v.element.valueType === 'integer' ? 0 : 2}
                    addonAfter={v.element.unitZh || undefined}
                    aria-label={v.element.nameZh}
                  />
                )}
              </Form.Item>
            ))}
            <Form.Item label=" " colon={false}>
              <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!editable}>
                {l('保存', 'Save')}
              </Button>
            </Form.Item>
          </Form>
          {f.history.length > 0 && (
            <Descriptions size="small" column={1} title={l('审核记录', 'Approval history')}>
              <Descriptions.Item>
                <Timeline
                  items={f.history.map((h) => ({
                    children: `${dayjs(h.at).format('YYYY-MM-DD HH:mm')} ${h.by} ${{ submit: '上报', approve: '审核通过', return: '退回' }[h.action] ?? h.action}${h.note ? `：${h.note}` : ''}`,
                  }))}
                />
              </Descriptions.Item>
            </Descriptions>
          )}
        </Card>
      )}
      <ImportModal open={importOpen} onClose={() => setImportOpen(false)} />
    </Space>
  );
}

function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const l = useL();
  const { language } = useI18n();
  const qc = useQueryClient();
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [content, setContent] = useState('');
  const [result, setResult] = useState<ImportSummary | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => importValues({ format, content, dryRun }),
    onSuccess: async (r) => {
      setResult(r);
      if (!r.dryRun) await qc.invalidateQueries({ queryKey: keys.indicators.all });
    },
  });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={l('批量导入数据值', 'Import values')}
      width={720}
      footer={[
        <Button key="dry" onClick={() => run.mutate(true)} loading={run.isPending}>
          {l('试导入（不写入）', 'Dry run')}
        </Button>,
        <Button
          key="go"
          type="primary"
          disabled={!result || result.errors.length > 0}
          onClick={() => run.mutate(false)}
          loading={run.isPending}
        >
          {l('正式导入', 'Import')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        {l(
          'CSV 表头：dataElement,orgUnit,period,value[,comment]；JSON：[{"dataElement","orgUnit","period","value"}] 或 {"dataValues":[…]}。先试导入查看结果，无错误后再正式导入。',
          'CSV header dataElement,orgUnit,period,value[,comment]; JSON array or {"dataValues": [...]}. Dry-run first.',
        )}
      </Typography.Paragraph>
      <Radio.Group
        value={format}
        onChange={(e) => setFormat(e.target.value)}
        options={[
          { value: 'csv', label: 'CSV' },
          { value: 'json', label: 'JSON' },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Input.TextArea
        rows={8}
        value={content}
        onChange={(e) => {
          setContent(e.target.value);
          setResult(null);
        }}
      />
      {run.isError && (
        <Alert type="error" message={errorMessage(run.error, language).message} style={{ marginTop: 8 }} />
      )}
      {result && (
        <Space direction="vertical" style={{ marginTop: 8, width: '100%' }}>
          <Alert
            type={result.errors.length ? 'error' : 'success'}
            message={`${result.dryRun ? l('试导入', 'Dry run') : l('已导入', 'Imported')}：${l('共', 'total')} ${result.total}，${l('新增', 'new')} ${result.created}，${l('更新', 'updated')} ${result.updated}，${l('未变', 'unchanged')} ${result.unchanged}，${l('错误', 'errors')} ${result.errors.length}`}
          />
          {result.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(r) => `${r.row}-${r.messageZh}`}
              pagination={{ pageSize: 8 }}
              dataSource={result.errors}
              columns={[
                { title: l('行', 'Row'), dataIndex: 'row', width: 60 },
                { title: l('问题', 'Problem'), dataIndex: 'messageZh' },
              ]}
            />
          )}
        </Space>
      )}
    </Modal>
  );
}
