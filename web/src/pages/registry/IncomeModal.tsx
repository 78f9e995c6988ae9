import { Typography } from 'antd';
import { saveIncome, type HouseholdDetail, type IncomeRow } from '#web/api/registry.ts';
import { IncomeFields, incomeAmounts, incomeFormValues, type IncomeFormValues } from './IncomeFields.tsx';
import { useRegistryText } from './text.ts';
import { WriteModal } from './WriteModal.tsx';

/** The year after the newest one recorded (at most this year), else last year. */
function nextYear(household: HouseholdDetail): number {
  const thisYear = new Date().getFullYear();
  const newest = household.incomes[0]?.year;
  return newest === undefined ? thisYear - 1 : Math.min(newest + 1, thisYear);
}

/** Adds a year or corrects one; amounts are typed in yuan and sent as whole fen. */
export function IncomeModal({
  household,
  row,
  onClosed,
}: {
  household: HouseholdDetail;
  row: IncomeRow | null;
  onClosed: () => void;
}) {
  const { t } = useRegistryText();
  return (
    <WriteModal<IncomeFormValues>
      title={`${row ? `${t('edit')} ${row.year}` : t('addYear')} · ${t('income')}`}
      householdId={household.id}
      width={760}
      initialValues={row ? incomeFormValues(row) : { year: nextYear(household) }}
      onClosed={onClosed}
      // Saving a year that exists replaces it: say so when the user meant to add one.
      confirm={(values) =>
        !row && household.incomes.some((r) => r.year === values.year)
          ? t('yearExists', { year: values.year ?? '' })
          : null
      }
      submit={(values) =>
        saveIncome(household.id, { year: values.year ?? 0, ...incomeAmounts(values), reason: values.reason })
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('incomeFormHint')}
      </Typography.Paragraph>
      <IncomeFields yearRequired lockYear={!!row} />
    </WriteModal>
  );
}
