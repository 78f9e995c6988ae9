import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  createTarget,
  deleteTarget,
  fetchDefinitions,
  fetchOrgGroups,
  fetchTargets,
  type TargetRow,
} from '#web/api/indicators.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { keys } from '#web/api/queryKeys.ts';
import { errorMessage } from '#web/components/errorMessage.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { OPERATOR_LABELS } from '#common/domain/indicators/targets.ts';
import { ORG_GROUPS } from '#common/domain/indicators/model.ts';
import { useL } from './shared.tsx';

/** /indicators/targets — 目标管理: every target with its source sentence; county administrators add overrides. */
export default function TargetsPage() {
  const l = useL();
  const { language } = useI18n();
  const { message } = AntApp.useApp();
  const { data: actor } = useActor();
  const qc = useQueryClient();
  const targets = useQuery({ queryKey: keys.indicators.targets, queryFn: fetchTargets });
  const defs = useQuery({ queryKey: keys.indicators.definitions, queryFn: fetchDefinitions });
  const groups = useQuery({ queryKey: keys.indicators.groups, queryFn: fetchOrgGroups });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const canManage = hasPermission(actor, 'indicators:manage');
  const names = new Map(defs.data?.indicators.map((i) => [i.code, i.nameZh]));
  const { mutation: create, errorAlert } = useFormMutation(
    form,
    (v: Record<string, unknown>) =>
      createTarget({
        indicator: v.indicator as string,
        scope:
          v.scopeKind === 'unit'
            ? { kind: 'unit', code: v.scopeCode as string }
            : v.scopeKind === 'group'
              ? { kind: 'group', group: v.scopeCode as string }
              : { kind: 'level', level: v.scopeCode as 'township' },
        fromYear: v.fromYear as number,
        toYear: v.toYear as number,
        op: v.op as '>=',
        value: (v.value as number) ?? null,
        band: (v.band as number) ?? 0,
        path: (v.path as 'constant' | 'linear') ?? 'constant',
        pathFromYear: (v.pathFromYear as number) ?? null,
        pathFromValue: (v.pathFromValue as number) ?? null,
        sourceDoc: v.sourceDoc as string,
        sourceText: v.sourceText as string,
        note: (v.note as string) || null,
      }),
    {
      successMessage: l('已保存', 'Saved'),
      invalidate: [keys.indicators.cockpitAll],
      onSuccess: (rows) => {
        qc.setQueryData(keys.indicators.targets, rows);
        setOpen(false);
        form.resetFields();
      },
    },
  );
  const remove = useMutation({
    mutationFn: deleteTarget,
    onSuccess: (rows) => qc.setQueryData(keys.indicators.targets, rows),
    onError: (e) => message.error(errorMessage(e, language).message),
  });
  const scopeKind = Form.useWatch('scopeKind', form);
  if (targets.isError) return <QueryErrorResult error={targets.error} onRetry={() => targets.refetch()} />;
  return (
    <Card
      title={l('目标管理', 'Targets')}
      extra={
        canManage ? (
          <Button type="primary" onClick={() => setOpen(true)}>
            {l('新增目标 / 下级覆盖', 'Add target / override')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        {l(
          '县级目标适用于全部乡镇和村；为某乡镇、层级或分组（如重点帮扶村）另设目标即覆盖上级目标。截止年度之后，目标继续有效直至新目标取代。',
          'A county target applies to every township and village unless a nearer scope overrides it.',
        )}
      </Typography.Paragraph>
      {groups.data && (
        <Typography.Paragraph data-testid="org-groups">
          <Typography.Text strong>{l('分组范围：', 'Groups: ')}</Typography.Text>
          {groups.data.map((g) => (
            <span key={g.code} data-group={g.code} style={{ display: 'block' }}>
              {l(g.zh, g.en)}
              {l(`（${g.members.length}个村）`, ` (${g.members.length} villages)`)}
              {g.members.length > 0 && '：'}
              {g.members
                .slice(0, 12)
                .map((m) => m.name)
                .join('、')}
              {g.members.length > 12 && l(' 等', ' …')}
              {g.code === 'KEY_VILLAGE' || g.code === 'DEMO_VILLAGE' ? (
                <Typography.Text type="secondary">
                  {l('（按县级认定，见“重点帮扶村认定”）', ' (from the county decision)')}
                </Typography.Text>
              ) : null}
            </span>
          ))}
        </Typography.Paragraph>
      )}
      <Table<TargetRow>
        rowKey="id"
        size="small"
        loading={targets.isLoading}
        dataSource={targets.data ?? []}
        pagination={false}
        columns={[
          { title: l('指标', 'Indicator'), dataIndex: 'indicator', render: (v: string) => names.get(v) ?? v },
          { title: l('适用范围', 'Scope'), dataIndex: 'scopeLabel' },
          { title: l('年度', 'Years'), key: 'y', render: (_, r) => `${r.fromYear}–${r.toYear}` },
          {
            title: l('判断方式', 'Judged'),
            key: 'p',
            render: (_, r) =>
              r.path === 'linear'
                ? l(
                    `年度路径（基期 ${r.pathFromYear ?? r.baselineYear ?? '默认'}${r.pathFromValue != null ? `，基期值 ${r.pathFromValue}` : ''}，${r.toYear}年达到）`,
                    `Yearly path to ${r.toYear}`,
                  )
                : l('各年同一目标值', 'Same value every year'),
          },
          {
            title: l('目标', 'Target'),
            key: 't',
            render: (_, r) =>
              `${OPERATOR_LABELS[r.op]} ${r.reference ? l('参照值', 'reference') : r.baselineYear ? `${r.baselineYear}${l('年基数', ' baseline')} + ${r.value}` : r.value}${r.op === 'between' ? `–${r.upper}` : ''}`,
          },
          { title: l('预警带', 'Band'), dataIndex: 'band' },
          {
            title: l('文件依据', 'Source'),
            key: 's',
            render: (_, r) => (
              <span>
                <b>{r.sourceDoc}</b>：“{r.sourceText}”
                {r.note ? (
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {l('说明：', 'Note: ')}
                    {r.note}
                  </Typography.Text>
                ) : null}
              </span>
            ),
          },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'x',
                  width: 70,
                  render: (_: unknown, r: TargetRow) => (
                    <Popconfirm title={l('删除该目标？', 'Delete this target?')} onConfirm={() => remove.mutate(r.id)}>
                      <a>{l('删除', 'Delete')}</a>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={open}
        title={l('新增目标', 'New target')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        width={640}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => create.mutate(v)}
          initialValues={{
            scopeKind: 'unit',
            op: '>=',
            band: 1,
            path: 'constant',
            fromYear: new Date().getFullYear(),
            toYear: 2025,
          }}
        >
          {errorAlert}
          <Form.Item name="indicator" label={l('指标', 'Indicator')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={defs.data?.indicators.map((i) => ({ value: i.code, label: i.nameZh }))}
            />
          </Form.Item>
          <Space wrap>
            <Form.Item name="scopeKind" label={l('范围类型', 'Scope kind')}>
              <Select
                style={{ width: 140 }}
                options={[
                  { value: 'unit', label: l('机构（含下级）', 'Unit') },
                  { value: 'level', label: l('层级', 'Level') },
                  { value: 'group', label: l('分组', 'Group') },
                ]}
              />
            </Form.Item>
            <Form.Item name="scopeCode" label={l('机构代码 / 层级 / 分组', 'Code')} rules={[{ required: true }]}>
              {scopeKind === 'group' ? (
                <Select style={{ width: 200 }} options={ORG_GROUPS.map((g) => ({ value: g.code, label: g.zh }))} />
              ) : scopeKind === 'level' ? (
                <Select
                  style={{ width: 200 }}
                  options={[
                    { value: 'township', label: '乡镇' },
                    { value: 'village', label: '行政村' },
                  ]}
                />
              ) : (
                <Input style={{ width: 200 }} placeholder="140521100000" />
              )}
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="fromYear" label={l('起始年度', 'From')}>
              <InputNumber min={2013} max={2100} />
            </Form.Item>
            <Form.Item name="toYear" label={l('截止年度', 'To')}>
              <InputNumber min={2013} max={2100} />
            </Form.Item>
            <Form.Item name="op" label={l('比较', 'Operator')}>
              <Select
                style={{ width: 90 }}
                options={Object.entries(OPERATOR_LABELS)
                  .filter(([k]) => k !== 'between')
                  .map(([k, v]) => ({ value: k, label: v }))}
              />
            </Form.Item>
            <Form.Item name="value" label={l('目标值', 'Value')} rules={[{ required: true }]}>
              <InputNumber />
            </Form.Item>
            <Form.Item name="band" label={l('预警带', 'Band')}>
              <InputNumber min={0} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="path" label={l('判断方式', 'Judged')}>
              <Select
                style={{ width: 220 }}
                options={[
                  { value: 'constant', label: l('各年同一目标值', 'Same value every year') },
                  { value: 'linear', label: l('终期目标：按年度路径', 'End state: yearly path') },
                ]}
              />
            </Form.Item>
            <Form.Item name="pathFromYear" label={l('路径基期年份（空：默认）', 'Path baseline year')}>
              <InputNumber min={2013} max={2100} />
            </Form.Item>
            <Form.Item name="pathFromValue" label={l('基期值（空：取实际值）', 'Baseline value')}>
              <InputNumber />
            </Form.Item>
          </Space>
          <Form.Item name="sourceDoc" label={l('文件', 'Document')} rules={[{ required: true }]}>
            <Input placeholder="沁发〔2021〕17号" />
          </Form.Item>
          <Form.Item
            name="sourceText"
            label={l('原文（照录，不加注）', 'Source text (verbatim)')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="note" label={l('说明（口径、解释）', 'Note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
