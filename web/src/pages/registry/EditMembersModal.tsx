import { Alert } from 'antd';
import { replaceMembers, type HouseholdDetail } from '../../api/registry.ts';
import { memberFormValues, memberRequest, type MemberFormValues } from './memberForm.ts';
import { MemberListFields } from './MemberListFields.tsx';
import { useRegistryText } from './text.ts';
import { WriteModal } from './WriteModal.tsx';

/**
 * 调整家庭成员: the whole active list is sent; people left out are end-dated (never deleted).
 * The API needs each staying member's full ID number, which it never sends, so it is typed again.
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
      confirm={(values) => {
        // Phones are sent back masked only; an empty box clears the number on file.
        const losing = values.members.filter((m) => m.phoneMasked && !m.phone?.trim()).map((m) => m.name);
        return losing.length > 0 ? t('memberPhonesWillClear', { names: losing.join('、') }) : null;
      }}
      submit={(values) => replaceMembers(household.id, { members: values.members.map(memberRequest), version: household.version, reason: values.reason })}
    >
      <Alert type="info" showIcon title={t('editMembersHint')} style={{ marginBottom: 16 }} />
      <MemberListFields />
    </WriteModal>
  );
}
