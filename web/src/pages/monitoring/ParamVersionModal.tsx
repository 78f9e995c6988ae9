import { chinaToday } from '#web/components/chinaDay.ts';
import { DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { setParam, type ParamRow, type ResolvedParam } from '#web/api/params.ts';
import { keys } from '#web/api/queryKeys.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import '#web/i18n/dayjsLocale.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { CHOICE_LABELS, formatParamValue, inputSuffix, inputTextOf, parseParamInput } from './paramFormat.ts';
import { useParamsText } from './paramsText.ts';
import { fill, useCommonText } from './text.ts';

interface Values {
  value: string;
  year?: number;
  effectiveFrom: Dayjs;
  note?: string;
}

interface Props {
  param: ParamRow | null;
  inForce: ResolvedParam | undefined;
  onClose: () => void;
}

/** 新增生效版本: the value typed in yuan / % / whole units, converted for the API. */
export function ParamVersionModal({ param, inForce, onClose }: Props) {
  const { language, pick } = useI18n();
  const tx = useParamsText();
  const tc = useCommonText();
  const [form] = Form.useForm<Values>();
  const unit = param?.unit ?? '';

  useEffect(() => {
    if (!param) return;
    form.resetFields();
    form.setFieldsValue({
      value: inputTextOf(inForce?.value, param.unit),
      year: param.yearly ? chinaToday().year() : undefined,
      effectiveFrom: chinaToday().add(1, 'month').startOf('month'),
    });
  }, [param, inForce, form]);

  const { mutation, errorAlert } = useFormMutation(
    form,
    (v: Values) => {
      const parsed = parseParamInput(v.value, unit);
      if (!parsed.ok) throw new Error(parsed.messageZh);
      return setParam({
        key: param!.key,
        value: parsed.value,
        year: param!.yearly ? v.year : undefined,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        note: v.note?.trim() || undefined,
      });
    },
    { successMessage: tx('saved'), onSuccess: onClose, invalidate: [keys.params.all] },
  );
  const hint =
    unit === 'fen'
      ? tx('valueHintFen')
      : unit === 'ratio'
        ? tx('valueHintRatio')
        : unit === 'choice'
          ? undefined
          : tx('valueHintWhole');

  return (
    <Modal
      open={param !== null}
      title={param ? `${tx('addVersion')} · ${pick(param.labelZh, param.labelEn)}` : ''}
      okText={tc('submit')}
      cancelText={tc('cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => mutation.reset()}
      forceRender
    >
      {inForce && (
        <Typography.Paragraph type="secondary">
          {fill(tx('current'), {
            value: formatParamValue(inForce.value, unit, language),
          })}
        </Typography.Paragraph>
      )}
      {errorAlert}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        {param?.yearly && (
          <Form.Item
            name="year"
            label={tx('year')}
            extra={tx('yearHint')}
            rules={[{ required: true, message: tc('required') }]}
          >
            <InputNumber min={2013} max={2100} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item
          name="value"
          label={tx('value')}
          extra={hint}
          rules={[
            {
              validator: (_, text: string | undefined) => {
                const parsed = parseParamInput(text ?? '', unit);
                return parsed.ok
                  ? Promise.resolve()
                  : Promise.reject(new Error(pick(parsed.messageZh, parsed.messageEn)));
              },
            },
          ]}
        >
          {unit === 'choice' ? (
            <Select
              options={(param?.choices ?? []).map((choice) => ({
                value: choice,
                label: CHOICE_LABELS[choice] ? pick(...CHOICE_LABELS[choice]) : choice,
              }))}
            />
          ) : (
            <Input inputMode="decimal" suffix={inputSuffix(unit, language)} style={{ width: 220 }} />
          )}
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label={tx('effectiveFrom')}
          extra={tx('effectiveFromHint')}
          rules={[{ required: true, message: tc('required') }]}
        >
          <DatePicker style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="note" label={tx('note')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={tx('notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
