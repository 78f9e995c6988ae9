import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { analysisKeys, createScenario } from '#web/api/analysis.ts';
import { fetchResolvedParams } from '#web/api/params.ts';
import { keys } from '#web/api/queryKeys.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { useAnalysisText } from './text.ts';
import { FIELDS, fieldName, lastMonth, shown } from './whatIfShared.ts';

interface FormValues {
  name: string;
  month: Dayjs;
  [field: string]: unknown;
}

/** The parameters filled in, in the API's units (money in fen). */
const paramsOf = (v: FormValues) => {
  const params: Record<string, number> = {};
  for (const f of FIELDS) {
    const value = v[fieldName(f.key)];
    if (typeof value === 'number') params[f.key] = f.money ? Math.round(value * 100) : value;
  }
  return params;
};

/** One input a parameter, with the value in force for the month under it. */
function ParamFields({ period, enabled }: { period: string; enabled: boolean }) {
  const t = useAnalysisText();
  const resolved = useQuery({
    queryKey: keys.params.resolved(period),
    queryFn: () => fetchResolvedParams(period),
    enabled,
  });
  return FIELDS.map((f) => {
    const current = resolved.data?.[f.key]?.value;
    return (
      <Form.Item
        key={f.key}
        name={fieldName(f.key)}
        label={t(f.label)}
        extra={current === undefined ? undefined : `${t('current')}：${shown(f.key, current)}`}
      >
        <InputNumber min={0} max={f.max} step={f.step ?? 1} style={{ width: '100%' }} />
      </Form.Item>
    );
  });
}

/** 新建试算: name, month and the parameters to change; it runs as a job. */
export function NewScenarioModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useAnalysisText();
  const [form] = Form.useForm<FormValues>();
  const month = Form.useWatch('month', form) as Dayjs | undefined;
  // 'At least one parameter' is checked here; the server's refusals go through the page kit.
  const [atLeastOne, setAtLeastOne] = useState(false);
  const { mutation: save, errorAlert } = useFormMutation(
    form,
    (v: FormValues) => createScenario({ name: v.name, period: v.month.format('YYYY-MM'), params: paramsOf(v) }),
    {
      successMessage: t('started'),
      invalidate: [analysisKeys.scenarios()],
      onSuccess: () => {
        form.resetFields();
        onClose();
      },
    },
  );
  return (
    <Modal
      open={open}
      title={t('newScenario')}
      okText={t('run')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => {
        setAtLeastOne(false);
        void form.validateFields().then((v) => {
          if (Object.keys(paramsOf(v)).length === 0) setAtLeastOne(true);
          else save.mutate(v);
        });
      }}
      destroyOnHidden
    >
      {atLeastOne && <Alert type="error" showIcon message={t('atLeastOne')} style={{ marginBottom: 12 }} />}
      {errorAlert}
      <Form form={form} layout="vertical" initialValues={{ month: dayjs().subtract(1, 'month') }}>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="month" label={t('month')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker picker="month" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
        </Form.Item>
        <ParamFields period={month?.format('YYYY-MM') ?? lastMonth()} enabled={open} />
      </Form>
    </Modal>
  );
}
