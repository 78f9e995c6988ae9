import { closeSync, openSync, readSync } from 'node:fs';
import type { ImportOptions, ImportReport } from '#common/contracts/registry-transfer.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { systemClock, todayInChina, type Clock } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import type { JobsService } from '#server/modules/jobs/index.ts';
import { runImport, type Progress } from './pipeline.ts';
import { csvSource, xlsxSource, type LedgerSource } from './sheet-sources.ts';

// Imports as jobs: the caller gets a job id at once; progress and the report live on the job.

export interface UploadedFile {
  /** The name the user gave the file (shown in the report and the change reason). */
  name: string;
  path: string;
}

export interface ImportFiles {
  households: UploadedFile;
  members?: UploadedFile;
}

export interface ImportHooks {
  progress?: Progress;
  cleanup?: () => Promise<void>;
}

const refuse = (field: string, zh: string, en: string) =>
  AppError.validation([{ field, messageZh: zh, messageEn: en }]);

function startsWithZipSignature(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.toString('latin1', 0, 2) === 'PK';
  } finally {
    closeSync(fd);
  }
}

/** The workbook, or households.csv with members.csv; anything else is refused before a job starts. */
export function ledgerSourceOf(files: ImportFiles): LedgerSource {
  const { households, members } = files;
  if (/\.xlsx$/i.test(households.name)) {
    if (members)
      throw refuse(
        'members',
        '工作簿已含"家庭成员"表，请不要另传成员文件',
        'The workbook already has the members sheet; do not send a members file',
      );
    if (!startsWithZipSignature(households.path))
      throw refuse(
        'households',
        `"${households.name}"不是有效的 .xlsx 工作簿`,
        `"${households.name}" is not an .xlsx workbook`,
      );
    return xlsxSource(households.name, households.path);
  }
  if (/\.csv$/i.test(households.name)) {
    if (!members)
      throw refuse('members', 'CSV 导入需要同时提供 members.csv（家庭成员）', 'A CSV import needs members.csv as well');
    if (!/\.csv$/i.test(members.name)) throw refuse('members', '成员文件应为 .csv', 'The members file must be a .csv');
    return csvSource(households, members);
  }
  throw refuse(
    'households',
    '请上传 .xlsx 工作簿，或 households.csv 加 members.csv（.xls 请先另存为 .xlsx）',
    'Upload an .xlsx workbook, or households.csv with members.csv (save .xls as .xlsx first)',
  );
}

export function createImportService(db: Db, box: PersonalDataBox, jobs: JobsService, clock: Clock = systemClock) {
  /** Checked before an upload is even read. */
  function authorise(ctx: RequestContext): void {
    requirePermission(ctx, 'registry:import');
  }

  /**
   * Runs any ledger source as a job. `hooks.progress` also hears the progress (the CLI prints it);
   * `hooks.cleanup` runs when the work ends, before the job is marked finished (uploaded files go).
   */
  async function startSource(
    ctx: RequestContext,
    kind: string,
    source: LedgerSource,
    options: ImportOptions,
    hooks: ImportHooks = {},
  ) {
    authorise(ctx);
    return jobs.start<ImportReport>(ctx, kind, async (job, jobId) => {
      const progress: Progress = async (done, total, message) => {
        await job.report(done, total, message);
        await hooks.progress?.(done, total, message);
      };
      try {
        return await runImport({ db, box, today: todayInChina(clock()), jobId }, ctx, source, options, progress);
      } finally {
        await hooks.cleanup?.();
      }
    });
  }

  /** The household workbook (formats.md §1) from uploaded or local files. */
  async function start(ctx: RequestContext, files: ImportFiles, options: ImportOptions, hooks: ImportHooks = {}) {
    authorise(ctx);
    return startSource(ctx, 'registry.import', ledgerSourceOf(files), options, hooks);
  }

  return { authorise, start, startSource };
}

export type ImportService = ReturnType<typeof createImportService>;
