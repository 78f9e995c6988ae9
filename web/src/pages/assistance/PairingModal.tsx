import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { assistanceKeys, createPairing, fetchCadres } from '#web/api/assistance.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { useText } from './text.ts';

interface Values {
  cadreUserId: number;
  unit: string;
  phone: string | null;
  startOn: Dayjs;
  reason: string | null;
}

/** Assigns (or reassigns, with a reason) the household's paired cadre; the old pairing is kept as history. */
export function PairingModal(props: { householdId: number; open: boolean; reassign: boolean; onClose: () => void }) {
  const t = useText();
  const [form] = Form.useForm<Values>();
  const cadres = useQuery({ queryKey: assistanceKeys.cadres, queryFn: fetchCadres, enabled: props.open });
  const required = { required: true, message: t('required') };
  const { mutation, errorAlert } = useFormMutation(form, {
    mutationFn: (v: Values) =>
      createPairing({
        householdId: props.householdId,
        cadreUserId: v.cadreUserId,
        unit: v.unit,
        phone: v.phone || null,
        startOn: v.startOn.format('YYYY-MM-DD'),
        reason: v.reason || null,
      }),
    invalidate: [assistanceKeys.all],
    onSuccess: () => props.onClose(),
  });
  return (
    <Modal
      open={props.open}
      title={props.reassign ? t('reassign') : t('assign')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {errorAlert}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ startOn: dayjs(), reason: null, phone: null }}
        onFinish={(v) => mutation.mutate(v)}
        data-testid="pairing-form"
      >
        <Form.Item name="cadreUserId" label={t('cadre')} rules={[required]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={cadres.isLoading}
            placeholder={t('choose')}
            options={(cadres.data ?? []).map((c) => ({
              value: c.id,
              label: `${c.displayName}（${c.orgName ?? c.orgCode}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="unit" label={t('unit')} rules={[required]}>
          <Input placeholder="如：县乡村振兴局" />
        </Form.Item>
        <Form.Item name="phone" label={t('phone')}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item name="startOn" label={t('startOn')} rules={[required]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {props.reassign && (
          <Form.Item name="reason" label={t('reason')} rules={[required]}>
            <Input placeholder="如：干部岗位调整" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
