import { z } from 'zod';

// The household workbook moving in and out (formats.md §1): import options, the import report, the job id.

export const importQuery = z.object({
  /** Check everything and report, write nothing to the registry. */
  dryRun: z.stringbool({ error: 'dryRun 应为 true 或 false / dryRun must be true or false' }).default(false),
  /** Import the valid households and report the others (formats.md allows it); otherwise any error refuses the file. */
  skipInvalid: z
    .stringbool({ error: 'skipInvalid 应为 true 或 false / skipInvalid must be true or false' })
    .default(false),
});
export type ImportOptions = z.infer<typeof importQuery>;

/** One problem in the file, pointing at a cell; ID numbers and phones appear masked. */
export const importErrorRow = z.object({
  sheet: z.string(),
  /** Spreadsheet row number (the header is row 1); 0 for a whole sheet. */
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
  reasonEn: z.string(),
});
export type ImportErrorRow = z.infer<typeof importErrorRow>;

/** What the import does (or, in a dry run, would do) to one household; the head's name masked. */
export const importChangeRow = z.object({
  householdNo: z.string(),
  headName: z.string(),
  action: z.enum(['create', 'update']),
  /** In Chinese: 户信息, 收入, 新增成员 2 人, … */
  changes: z.array(z.string()),
});
export type ImportChangeRow = z.infer<typeof importChangeRow>;

export const importReport = z.object({
  file: z.string(),
  dryRun: z.boolean(),
  /** True only when the registry was written. */
  committed: z.boolean(),
  /** Households the file names (rows of 户信息 plus households named only in 家庭成员). */
  households: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Households with errors: left out with skipInvalid, otherwise the reason nothing was written. */
  invalid: z.number().int(),
  members: z.object({
    rows: z.number().int(),
    /** New memberships: people joining a household, or a changed 与户主关系. */
    added: z.number().int(),
    /** Memberships end-dated: people no longer listed, moved away, or with a changed 与户主关系. */
    ended: z.number().int(),
    /** Existing people whose facts changed. */
    updated: z.number().int(),
    unchanged: z.number().int(),
  }),
  /** Columns not in the format, kept as extra attributes. */
  unknownColumns: z.object({ households: z.array(z.string()), members: z.array(z.string()) }),
  errorCount: z.number().int(),
  /** The first errors by sheet, row and column (see errorCount for all). */
  errors: z.array(importErrorRow),
  /** The first households created or changed, by household number (see created + updated for all). */
  changes: z.array(importChangeRow).default([]),
});
export type ImportReport = z.infer<typeof importReport>;

export const jobIdResponse = z.object({ jobId: z.number().int() });
