import { chinaToday } from '../../components/chinaDay.ts';
import { DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { recordPetition } from '../../api/monitoring.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { useCluesText } from './cluesText.ts';
import { HouseholdPicker } from './HouseholdPicker.tsx';
import { PETITION_KIND_LABELS, PETITION_KINDS } from './labels.ts';
import { RiskTypesItem } from './RiskTypeChecks.tsx';
import { ClueFormModal } from './ClueFormModal.tsx';
import { useCommonText } from './text.ts';

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
  const { label } = useI18n();
  const tx = useCluesText();
  const tc = useCommonText();
  const [form] = Form.useForm<Values>();
  const required = { required: true, message: tc('required') };

  return (
    <ClueFormModal<Values>
      open={open}
      onClose={onClose}
      title={tx('petitionTitle')}
      form={form}
      initialValues={{ kind: 'petition', receivedOn: chinaToday(), riskTypes: [] }}
      send={(v) =>
        recordPetition({
          kind: v.kind,
          receivedOn: v.receivedOn.format('YYYY-MM-DD'),
          reference: v.reference?.trim() || undefined,
          householdId: v.householdId,
          villageCode: v.villageCode,
          summary: v.summary,
          riskTypes: v.riskTypes,
        })
      }
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
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(chinaToday(), 'day')} />
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
      <RiskTypesItem label={tc('riskTypes')} />
    </ClueFormModal>
  );
}
