import { Alert, Form, Input, Select } from 'antd';
import { RELATIONSHIPS } from '#common/domain/registry/codes.ts';
import { moveMember, type HouseholdDetail, type MemberRow } from '#web/api/registry.ts';
import { codeOptions } from './labels.ts';
import { useRegistryText } from './text.ts';
import { WriteModal } from './WriteModal.tsx';

interface MoveValues {
  toHouseholdNo: string;
  relationship: string;
}

/** One member leaves for another household in the county (迁出); the membership is end-dated, not deleted. */
export function MoveMemberModal({
  household,
  member,
  onClosed,
}: {
  household: HouseholdDetail;
  member: MemberRow;
  onClosed: () => void;
}) {
  const { t } = useRegistryText();
  const required = { required: true, message: t('required') };
  return (
    <WriteModal<MoveValues>
      title={`${t('moveTitle')} · ${member.name}`}
      householdId={household.id}
      onClosed={onClosed}
      submit={(values) =>
        moveMember(household.id, member.personId, {
          toHouseholdNo: values.toHouseholdNo.trim(),
          relationship: values.relationship as 'other',
          reason: values.reason,
        })
      }
    >
      {member.relationship === 'head' && (
        <Alert type="warning" showIcon title={t('moveHeadWarning')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="toHouseholdNo" label={t('toHouseholdNo')} rules={[required]}>
        <Input maxLength={40} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="relationship" label={t('relationshipThere')} rules={[required]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={codeOptions(RELATIONSHIPS)} />
      </Form.Item>
    </WriteModal>
  );
}
