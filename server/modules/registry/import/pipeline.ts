import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type {
  ImportChangeRow,
  ImportErrorRow,
  ImportOptions,
  ImportReport,
} from '#common/contracts/registry-transfer.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { recordAudit } from '#server/modules/audit/index.ts';
import { listChanges } from './change-list.ts';
import { classify, outcomeOf, type Outcome } from './classify.ts';
import { checkCompositions } from './composition.ts';
import {
  checkHouseholdRows,
  checkMembers,
  linkMembers,
  markInvalid,
  markInvalidUntilStable,
  type CheckScope,
} from './cross-checks.ts';
import { fillAbsentFromRegistry, type PresentColumns } from './fill-absent.ts';
import { cellText } from './ledger-cells.ts';
import { SHEET_TITLES, isColumnHeader, sheetOf, type SheetKey } from './ledger-columns.ts';
import { mergeIntoRegistry } from './merge.ts';
import { SheetMapper, sheetProblem } from './sheet-mapper.ts';
import type { LedgerSource } from './sheet-sources.ts';
import {
  StageWriter,
  analyzeRegistry,
  analyzeStage,
  createStage,
  dropStage,
  indexStage,
  stageTables,
  type StageTables,
} from './staging.ts';

// One import from any source (workbook, CSV pair, demo generator): stage the rows with their
// per-cell checks, run the checks across rows and the household rules, classify, and merge in ONE
// transaction unless it is a dry run or (without skipInvalid) anything is wrong.

export type Progress = (done: number, total: number | null, message: string) => Promise<void>;

export interface PipelineDeps {
  db: Db;
  box: PersonalDataBox;
  today: string;
  /** The job running this import: its staging tables carry the id (start-up recovery spares a live job's). */
  jobId: number;
}

/** The report lists this many errors; errorCount has them all. */
export const MAX_LISTED_ERRORS = 1000;
const PROGRESS_EVERY_ROWS = 5000;

interface Loaded {
  mappers: Partial<Record<SheetKey, SheetMapper>>;
  /** A required column or a whole sheet is missing: rows cannot be read reliably, so nothing else is checked. */
  unusable: boolean;
}

/** Rows above the header this far down may be titles: empty, or one text that is not a column's header. */
export const MAX_TITLE_ROWS = 5;

export function isTitleRow(texts: readonly string[], row: number): boolean {
  if (row > MAX_TITLE_ROWS) return false;
  const filled = texts.map((t) => t.trim()).filter((t) => t !== '');
  return filled.length === 0 || (filled.length === 1 && !isColumnHeader(filled[0]));
}

async function load(
  deps: PipelineDeps,
  ctx: RequestContext,
  source: LedgerSource,
  t: StageTables,
  progress: Progress,
): Promise<Loaded> {
  const writer = new StageWriter(deps.db, t);
  const byTitle = new Map<string, SheetMapper | null>();
  const mappers: Loaded['mappers'] = {};
  let rows = 0;
  for await (const { sheetTitle, row, cells } of source.rows()) {
    let mapper = byTitle.get(sheetTitle);
    if (mapper === undefined) {
      // A sheet's header is its first row that is not a title (Guardline's ledgers and the national
      // system's exports carry one); sheets that are neither (notes, lists) are passed over.
      const texts = cells.map(cellText);
      if (isTitleRow(texts, row)) continue;
      const sheet = sheetOf(sheetTitle, texts);
      mapper =
        sheet && !mappers[sheet]
          ? new SheetMapper(sheet, cells, { today: deps.today, box: deps.box, scopePrefix: ctx.actor.scopePrefix }, row)
          : null;
      byTitle.set(sheetTitle, mapper);
      if (mapper) {
        mappers[mapper.sheet] = mapper;
        await writer.problems(mapper.headerProblems);
      }
      continue;
    }
    if (mapper === null || !mapper.usable) continue;
    const mapped = mapper.map(row, cells);
    if (!mapped) continue;
    await writer.problems(mapped.problems);
    if (mapped.staged)
      await (mapper.sheet === 'households' ? writer.household(mapped.staged) : writer.member(mapped.staged));
    if (++rows % PROGRESS_EVERY_ROWS === 0) await progress(rows, null, `读取第 ${rows} 行 / reading row ${rows}`);
  }
  for (const sheet of ['households', 'members'] as const) {
    if (!mappers[sheet])
      await writer.problems([
        sheetProblem(sheet, `缺少工作表"${SHEET_TITLES[sheet]}"`, `Sheet "${SHEET_TITLES[sheet]}" is missing`),
      ]);
  }
  await writer.flush();
  const unusable = !mappers.households?.usable || !mappers.members?.usable;
  return { mappers, unusable };
}

function presentColumns(loaded: Loaded): PresentColumns {
  const { households, members } = loaded.mappers as Required<Loaded['mappers']>;
  return {
    households: households.presentKeys,
    members: members.presentKeys,
    householdExtra: households.hasExtra,
    memberExtra: members.hasExtra,
  };
}

async function check(
  deps: PipelineDeps,
  ctx: RequestContext,
  t: StageTables,
  present: PresentColumns,
  options: ImportOptions,
  progress: Progress,
) {
  const scope: CheckScope = { db: deps.db, t, scopePrefix: ctx.actor.scopePrefix };
  await progress(0, null, '跨行校验 / checking across rows');
  await indexStage(deps.db, t);
  await analyzeRegistry(deps.db, ['household', 'person', 'membership', 'household_income']);
  await checkHouseholdRows(scope);
  await linkMembers(scope);
  await checkMembers(scope);
  await fillAbsentFromRegistry(deps.db, t, present);
  const [{ n: total }] = await queryRows<{ n: number }>(deps.db, sql`SELECT count(*)::int AS n FROM ${t.households}`);
  const phones = { households: present.households.has('phone'), members: present.members.has('phone') };
  await checkCompositions(deps.db, t, { ...deps, phones }, (done) =>
    progress(done, total, `校验第 ${done}/${total} 户 / checking household ${done} of ${total}`),
  );
  if (options.skipInvalid) await markInvalidUntilStable(scope);
  else await markInvalid(scope);
}

async function listErrors(db: Db, t: StageTables): Promise<{ count: number; errors: ImportErrorRow[] }> {
  // One error per cell: the first found (a cell's own check) explains it best.
  const cells = sql`SELECT DISTINCT ON (sheet, row, col) * FROM ${t.errors} ORDER BY sheet, row, col, id`;
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (${cells}) e`);
  const rows = await queryRows<{
    sheet: SheetKey;
    row: number;
    col: string;
    value: string | null;
    reason: string;
    reason_en: string;
  }>(
    db,
    sql`SELECT sheet, row, col, value, reason, reason_en FROM (${cells}) e
      ORDER BY CASE sheet WHEN 'households' THEN 0 ELSE 1 END, row, col_index LIMIT ${MAX_LISTED_ERRORS}`,
  );
  const errors = rows.map((e) => ({
    sheet: SHEET_TITLES[e.sheet],
    row: e.row,
    column: e.col,
    value: e.value ?? '',
    reason: e.reason,
    reasonEn: e.reason_en,
  }));
  return { count: n, errors };
}

/** PostgreSQL's unique_violation, however the driver wraps it (drizzle puts the driver's error in `cause`). */
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** The registry changed between the checks and the merge (another import or an edit): nothing was written. */
function changedMeanwhile(): AppError {
  return new AppError('CONFLICT', {
    zh: '导入期间登记库有其他修改，本次未写入任何数据，请重新导入',
    en: 'The registry changed while the file was being checked; nothing was written, please import again',
  });
}

/** Classifies again and merges in ONE transaction; returns what was written. */
async function commit(
  deps: PipelineDeps,
  ctx: RequestContext,
  t: StageTables,
  present: PresentColumns,
  source: LedgerSource,
  errorCount: number,
  options: ImportOptions,
): Promise<Outcome> {
  try {
    return await deps.db.transaction(async (tx) => {
      // One import at a time, and classified against the registry as it is now, not when checking began.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('guardline.registry.import'))`);
      await classify(tx, t, present);
      await analyzeStage(tx, t); // the merge filters on the status just set
      await mergeIntoRegistry(tx, t, { ctx, today: deps.today, reason: `导入 ${source.name}`, present });
      const merged = await outcomeOf(tx, t);
      const after = { file: source.name, ...merged, errorCount, skipInvalid: options.skipInvalid };
      await recordAudit(tx, ctx, {
        action: 'import',
        entity: 'household',
        entityId: source.name,
        orgCode: ctx.actor.orgCode,
        after,
      });
      return merged;
    });
  } catch (err) {
    throw isUniqueViolation(err) ? changedMeanwhile() : err;
  }
}

export async function runImport(
  deps: PipelineDeps,
  ctx: RequestContext,
  source: LedgerSource,
  options: ImportOptions,
  progress: Progress,
): Promise<ImportReport> {
  const t = stageTables(deps.jobId, randomBytes(6).toString('hex'));
  await createStage(deps.db, t);
  try {
    const loaded = await load(deps, ctx, source, t, progress);
    const present = loaded.unusable ? null : presentColumns(loaded);
    if (present) await check(deps, ctx, t, present, options, progress);
    const listed = await listErrors(deps.db, t);
    const committed = present !== null && !options.dryRun && (listed.count === 0 || options.skipInvalid);
    let outcome: Outcome | null = null;
    let changes: ImportChangeRow[] = [];
    if (committed) {
      // No progress report during the transaction: on PGlite any other statement would wait for it.
      await progress(0, null, '写入登记库 / writing the registry');
      outcome = await commit(deps, ctx, t, present, source, listed.count, options);
    } else if (present) {
      await classify(deps.db, t, present);
      outcome = await outcomeOf(deps.db, t);
    }
    // The statuses stay in the stage after the merge: the list says what was (or would be) written.
    if (present) changes = await listChanges(deps.db, t);
    return {
      file: source.name,
      dryRun: options.dryRun,
      committed,
      households: outcome?.households ?? 0,
      created: outcome?.created ?? 0,
      updated: outcome?.updated ?? 0,
      unchanged: outcome?.unchanged ?? 0,
      invalid: outcome?.invalid ?? 0,
      members: outcome?.members ?? { rows: 0, added: 0, ended: 0, updated: 0, unchanged: 0 },
      unknownColumns: {
        households: loaded.mappers.households?.unknownColumns ?? [],
        members: loaded.mappers.members?.unknownColumns ?? [],
      },
      errorCount: listed.count,
      errors: listed.errors,
      changes,
    };
  } finally {
    await dropStage(deps.db, t);
  }
}
