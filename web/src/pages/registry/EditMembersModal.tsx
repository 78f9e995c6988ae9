import { Alert } from 'antd';
import { replaceMembers, type HouseholdDetail } from '#web/api/registry.ts';
import { memberFormValues, replaceMemberRequest, type MemberFormValues } from './memberForm.ts';
import { MemberListFields } from './MemberListFields.tsx';
import { useRegistryText } from './text.ts';
import { WriteModal } from './WriteModal.tsx';

/**
 * 调整家庭成员: the whole active list is sent; people left out are end-dated (never deleted).
 * Members who stay go by their person id: their ID number and phone need not be typed again.
 */
export function EditMembersModal({ household, onClosed }: { household: HouseholdDetail; onClosed: () => void }) {
  const { t } = useRegistryText();
  return (
    <WriteModal<{ members: MemberFormValues[] }>
      title={`${t('editMembers')} · ${household.householdNo}`}
      householdId={household.id}
      width={1000}
      initialValues={{ members: household.members.map(memberFormValues) }}
      onClosed={onClosed}
      submit={(values) =>
        replaceMembers(household.id, {
          members: values.members.map(replaceMemberRequest),
          version: household.version,
          reason: values.reason,
        })
      }
    >
      <Alert type="info" showIcon title={t('editMembersHint')} style={{ marginBottom: 16 }} />
      <MemberListFields />
    </WriteModal>
  );
}
