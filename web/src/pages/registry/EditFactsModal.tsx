import { updateHousehold, type HouseholdDetail } from '#web/api/registry.ts';
import { factsFormValues, factsRequest, HouseholdFactsFields, type FactsFormValues } from './HouseholdFactsFields.tsx';
import { useRegistryText } from './text.ts';
import { WriteModal } from './WriteModal.tsx';

/** 修改基本信息 with the version read (optimistic lock) and a reason. */
export function EditFactsModal({ household, onClosed }: { household: HouseholdDetail; onClosed: () => void }) {
  const { t } = useRegistryText();
  return (
    <WriteModal<FactsFormValues>
      title={`${t('editFacts')} · ${household.householdNo}`}
      householdId={household.id}
      width={860}
      initialValues={factsFormValues(household)}
      onClosed={onClosed}
      // The API never sends the full phone back: an empty field keeps it, the checkbox removes it.
      submit={(values) => {
        const typed = values.phone?.trim();
        const phone = typed ? typed : values.clearPhone ? null : undefined;
        return updateHousehold(household.id, {
          ...factsRequest(values),
          phone,
          version: household.version,
          reason: values.reason,
        });
      }}
    >
      <HouseholdFactsFields phoneMasked={household.phoneMasked} household={household} />
    </WriteModal>
  );
}
