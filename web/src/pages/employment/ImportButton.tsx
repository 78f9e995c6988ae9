import { employmentKeys, importEmploymentFile } from '#web/api/employment.ts';
import { XlsxImportButton } from '#web/components/XlsxImportButton.tsx';
import { useEmploymentText } from './text.ts';

/** 导入 .xlsx of a 人社 office's sheet (jobs or trainings): a dry run first, then the import of a clean file. */
export function ImportButton({ kind }: { kind: 'jobs' | 'trainings' }) {
  const t = useEmploymentText();
  return (
    <XlsxImportButton
      label={t('import')}
      title={t('importTitle')}
      importFile={(file, dryRun) => importEmploymentFile(kind, file, dryRun)}
      invalidate={employmentKeys.all}
      errorsOf={(r, language) =>
        r.errors.map((e) => ({ row: e.row, column: e.column, message: language === 'en' ? e.messageEn : e.messageZh }))
      }
      doneText={(r) => t('importDone').replace('{created}', String(r.created))}
      template={{ href: `/api/employment/import/${kind}/template.xlsx`, label: t('template') }}
    />
  );
}
