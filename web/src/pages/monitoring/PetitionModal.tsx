import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { recordPetition } from '../../api/monitoring.ts';
import { applyFieldErrors, errorMessage } from '../../components/errorMessage.ts';
import '../../i18n/dayjsLocale.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { useCluesText } from './cluesText.ts';
import { HouseholdPicker } from './HouseholdPicker.tsx';
import { PETITION_KIND_LABELS, PETITION_KINDS } from './labels.ts';
import { RiskTypeChecks } from './RiskTypeChecks.tsx';
import { fill, useCommonText } from './text.ts';

interface Values {
  kind: (typeof PETITION_KINDS)[number];
  receivedOn: Dayjs;
  reference?: string;
  householdId?: number;
  villageCode: string;
  summary: string;
  riskTypes: string[];
}

/** 登记舆情信访: a petition, public-opinion item or 12317 call about a household or a village. */
export function PetitionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { language, label } = useI18n();
  const tx = useCluesText();
  const tc = useCommonText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const required = { required: true, message: tc('required') };

  const mutation = useMutation({
    mutationFn: (v: Values) =>
      recordPetition({
        kind: v.kind,
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        reference: v.reference?.trim() || undefined,
        householdId: v.householdId,
        villageCode: v.villageCode,
        summary: v.summary,
        riskTypes: v.riskTypes,
      }),
    onSuccess: async ({ clueIds }) => {
      message.success(fill(tx('created'), { ids: clueIds.map((id) => `#${id}`).join('、') }));
      onClose();
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['clues'] });
    },
    onError: (error) => applyFieldErrors(form, error, language),
  });
  const failure = mutation.isError ? errorMessage(mutation.error, language) : null;

  return (
    <Modal
      open={open}
      title={tx('petitionTitle')}
      okText={tc('submit')}
      cancelText={tc('cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => mutation.reset()}
      width={640}
      forceRender
    >
      {failure && <Alert type="error" showIcon title={failure.message} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'petition', receivedOn: dayjs(), riskTypes: [] }}
        onFinish={(values) => mutation.mutate(values)}
      >
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: '1fr 1fr',
            columnGap: 16,
          }}
        >
          <Form.Item name="kind" label={tx('petitionKind')} rules={[required]}>
            <Radio.Group
              optionType="button"
              options={PETITION_KINDS.map((value) => ({
                value,
                label: label(PETITION_KIND_LABELS[value]),
              }))}
            />
          </Form.Item>
          <Form.Item name="receivedOn" label={tx('receivedOn')} rules={[required]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </div>
        <Form.Item name="reference" label={tx('reference')}>
          <Input maxLength={60} placeholder={tx('referencePlaceholder')} />
        </Form.Item>
        <Form.Item name="householdId" label={tx('petitionHousehold')} extra={tx('petitionHouseholdHint')}>
          <HouseholdPicker
            onChange={(_, household) => household && form.setFieldValue('villageCode', household.villageCode)}
          />
        </Form.Item>
        <Form.Item name="villageCode" label={tx('petitionVillage')} rules={[required]}>
          <OrgUnitPicker allowedLevels={['village']} />
        </Form.Item>
        <Form.Item name="summary" label={tx('petitionSummary')} rules={[required, { min: 5 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="riskTypes"
          label={tc('riskTypes')}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              message: tc('chooseRisk'),
            },
          ]}
        >
          <RiskTypeChecks />
        </Form.Item>
      </Form>
    </Modal>
  );
}
