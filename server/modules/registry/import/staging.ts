import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import type { SheetKey } from './ledger-columns.ts';

// Staging tables of one import, under a random name: the file is loaded here in batches, checked
// set-based, and merged into the registry from here. They are ordinary (unlogged) tables rather than
// TEMP tables because the checks run outside the merge transaction, and on PostgreSQL every statement
// may take another pooled connection. No plaintext ID number is staged: only its hash, cipher and
// masked form. The tables are dropped when the import ends.

type Field = readonly [name: string, type: string];

/** Fields of a 户信息 row as the row mapper stages them. Hashes are char(64) like person.id_hash, so joins use its index. */
export const HOUSEHOLD_STAGE_FIELDS: readonly Field[] = [
  ['id', 'int'],
  ['row', 'int'],
  ['county_code', 'text'],
  ['household_no', 'text'],
  ['village_code', 'text'],
  ['head_name', 'text'],
  ['head_id_hash', 'char(64)'],
  ['head_id_cipher', 'text'],
  ['head_id_masked', 'text'],
  ['kind', 'text'],
  ['alleviated_attribute', 'text'],
  ['monitoring_type', 'text'],
  ['identification_period', 'text'],
  ['risk_types', 'text[]'],
  ['elimination_period', 'text'],
  ['elimination_mode', 'text'],
  ['phone_cipher', 'text'],
  ['phone_hash', 'text'],
  ['phone_masked', 'text'],
  ['address', 'text'],
  ['housing_grade', 'text'],
  ['water_safe', 'boolean'],
  ['housing_unsafe', 'boolean'],
  ['school_dropout', 'boolean'],
  ['medical_uninsured', 'boolean'],
  ['extra', 'jsonb'],
  ['income_year', 'smallint'],
  ['wage_income', 'bigint'],
  ['business_income', 'bigint'],
  ['property_income', 'bigint'],
  ['transfer_income', 'bigint'],
  ['business_cost', 'bigint'],
  ['insurance_payout', 'bigint'],
  ['eligible_out_of_pocket', 'bigint'],
];

/** Worked out by the checks and the classification. */
const HOUSEHOLD_DERIVED = `PRIMARY KEY (id), household_id bigint, phone_changed boolean NOT NULL DEFAULT false, prior_phone_masked text,
  member_count int, whole_household_no_labour boolean, fields_changed boolean, income_changed boolean,
  members_added int, members_ended int, persons_updated int, status text, invalid boolean NOT NULL DEFAULT false`;

/** household_ref and county_code are filled while loading when the household's row came first (it usually does). */
export const MEMBER_STAGE_FIELDS: readonly Field[] = [
  ['row', 'int'],
  ['household_no', 'text'],
  ['household_ref', 'int'],
  ['county_code', 'text'],
  ['id_hash', 'char(64)'],
  ['id_cipher', 'text'],
  ['id_masked', 'text'],
  ['id_kind', 'text'],
  ['id_sex', 'text'],
  ['id_birth_date', 'date'],
  ['name', 'text'],
  ['relationship', 'text'],
  ['ethnicity', 'text'],
  ['political_status', 'text'],
  ['education', 'text'],
  ['schooling', 'text'],
  ['health', 'text[]'],
  ['disability_category', 'text'],
  ['disability_grade', 'text'],
  ['labour_skill', 'text'],
  ['work_months', 'smallint'],
  ['work_place', 'text'],
  ['resident_medical_insurance', 'boolean'],
  ['employee_medical_insurance', 'boolean'],
  ['minimum_living', 'boolean'],
  ['destitute_support', 'boolean'],
  ['public_welfare_post', 'boolean'],
  ['phone_cipher', 'text'],
  ['phone_hash', 'text'],
  ['extra', 'jsonb'],
];

const MEMBER_DERIVED = `id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, phone_changed boolean NOT NULL DEFAULT false,
  kept boolean, person_changed boolean`;

export const ERROR_STAGE_FIELDS: readonly Field[] = [
  ['sheet', 'text'],
  ['row', 'int'],
  ['col', 'text'],
  ['col_index', 'int'],
  ['value', 'text'],
  ['reason', 'text'],
  ['reason_en', 'text'],
  ['household_no', 'text'],
];

export interface StageTables {
  households: SQL;
  members: SQL;
  errors: SQL;
}

/** A problem as staged: the cell it points at and the household it makes invalid. */
export interface StagedProblem {
  sheet: SheetKey;
  row: number;
  col: string;
  col_index: number;
  value: string;
  reason: string;
  reason_en: string;
  household_no: string | null;
}

/**
 * An import's tables are named by its job and a random hex `key` (`registry_import_j<jobId>_<key>_[hme]`):
 * concurrent imports never meet, and start-up recovery drops only the tables of jobs no longer running.
 */
export function stageTables(jobId: number, key: string): StageTables {
  if (!Number.isSafeInteger(jobId) || jobId <= 0) throw new RangeError(`bad staging job ${jobId}`);
  if (!/^[0-9a-f]{8,16}$/.test(key)) throw new RangeError(`bad staging key ${key}`);
  const name = (suffix: string) => sql`${sql.identifier(`registry_import_j${jobId}_${key}_${suffix}`)}`;
  return { households: name('h'), members: name('m'), errors: name('e') };
}

const definition = (fields: readonly Field[]) => sql.raw(fields.map(([n, t]) => `${n} ${t}`).join(', '));
const names = (fields: readonly Field[]) => sql.raw(fields.map(([n]) => n).join(', '));

export async function createStage(db: Db, t: StageTables): Promise<void> {
  await dropStage(db, t);
  // UNLOGGED: scratch data needs no crash safety, and skipping the WAL makes loading faster on PostgreSQL.
  await db.execute(
    sql`CREATE UNLOGGED TABLE ${t.households} (${definition(HOUSEHOLD_STAGE_FIELDS)}, ${sql.raw(HOUSEHOLD_DERIVED)})`,
  );
  await db.execute(
    sql`CREATE UNLOGGED TABLE ${t.members} (${definition(MEMBER_STAGE_FIELDS)}, ${sql.raw(MEMBER_DERIVED)})`,
  );
  await db.execute(
    sql`CREATE UNLOGGED TABLE ${t.errors} (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ${definition(ERROR_STAGE_FIELDS)})`,
  );
}

/** Indexes after loading (cheaper than maintaining them row by row), then statistics for the planner. */
export async function indexStage(db: Db, t: StageTables): Promise<void> {
  await db.execute(sql`CREATE INDEX ON ${t.households} (household_no)`);
  await db.execute(sql`CREATE INDEX ON ${t.households} (household_id)`);
  await db.execute(sql`CREATE INDEX ON ${t.members} (household_ref, row)`);
  await db.execute(sql`CREATE INDEX ON ${t.errors} (household_no)`);
  await analyzeStage(db, t);
}

export async function analyzeStage(db: Db, t: StageTables): Promise<void> {
  for (const table of [t.households, t.members, t.errors]) await db.execute(sql`ANALYZE ${table}`);
}

/**
 * Fresh planner statistics for the registry tables an import joins. PGlite runs no autovacuum, so
 * after a bulk load the planner still believes person is empty and picks nested loops over
 * sequential scans: minutes instead of seconds. Also run inside the merge after the big inserts.
 */
export async function analyzeRegistry(
  db: Db,
  tables: readonly ('household' | 'person' | 'membership' | 'household_income')[],
): Promise<void> {
  for (const table of tables) await db.execute(sql`ANALYZE ${sql.identifier(table)}`);
}

/**
 * Staging tables left behind by an import that died with its process: those whose job is not running
 * (call after `failInterruptedJobs`, so a dead process's job is failed by then), and those without a
 * job in their name (made before tables carried it; every import has run as a job since). Tables of
 * a job another live process is running (a second server, a CLI import on PostgreSQL) stay.
 */
export async function dropLeftoverStages(db: Db): Promise<number> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`SELECT s.name FROM (
      SELECT tablename AS name, substring(tablename FROM '^registry_import_j([0-9]{1,18})_')::bigint AS job_id FROM pg_tables
      WHERE schemaname = current_schema() AND tablename ~ '^registry_import_(j[0-9]+_)?[0-9a-f]+_[hme]$'
    ) s
    WHERE s.job_id IS NULL OR NOT EXISTS (SELECT 1 FROM job WHERE job.id = s.job_id AND job.status = 'running')`,
  );
  for (const { name } of tables) await db.execute(sql`DROP TABLE IF EXISTS ${sql.identifier(name)}`);
  return tables.length;
}

export async function dropStage(db: Db, t: StageTables): Promise<void> {
  for (const table of [t.households, t.members, t.errors]) await db.execute(sql`DROP TABLE IF EXISTS ${table}`);
}

/**
 * A batch as ONE bound parameter: jsonb_to_recordset turns a JSON array into typed rows. Measured on
 * PGlite twice as fast as a VALUES list with a parameter per cell, and free of the 65,535-parameter limit.
 */
export async function insertStaged(
  db: Db,
  table: SQL,
  fields: readonly Field[],
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`INSERT INTO ${table} (${names(fields)})
    SELECT ${names(fields)} FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(${definition(fields)})`);
}

/**
 * Buffers rows per table and writes them in batches. Households get their staging id here, so a
 * member row read after its household row is tied to it at once instead of by a later UPDATE.
 */
export class StageWriter {
  private readonly buffers = new Map<SQL, { fields: readonly Field[]; rows: object[] }>();
  private readonly householdsByNo = new Map<string, { id: number; county: unknown }>();
  private householdCount = 0;

  constructor(
    private readonly db: Db,
    private readonly t: StageTables,
    private readonly batchSize = 2000,
  ) {
    this.buffers.set(t.households, { fields: HOUSEHOLD_STAGE_FIELDS, rows: [] });
    this.buffers.set(t.members, { fields: MEMBER_STAGE_FIELDS, rows: [] });
    this.buffers.set(t.errors, { fields: ERROR_STAGE_FIELDS, rows: [] });
  }

  async household(row: Record<string, unknown>): Promise<void> {
    const id = ++this.householdCount;
    const no = String(row.household_no);
    // Members of a repeated 户编号 go with its first row (the checks report the others and drop them).
    if (!this.householdsByNo.has(no)) this.householdsByNo.set(no, { id, county: row.county_code ?? null });
    await this.add(this.t.households, { ...row, id });
  }

  async member(row: Record<string, unknown>): Promise<void> {
    const household = this.householdsByNo.get(String(row.household_no));
    await this.add(
      this.t.members,
      household ? { ...row, household_ref: household.id, county_code: household.county } : row,
    );
  }

  async problems(rows: readonly StagedProblem[]): Promise<void> {
    for (const row of rows) await this.add(this.t.errors, row);
  }

  async flush(): Promise<void> {
    for (const [table, buffer] of this.buffers) {
      await insertStaged(this.db, table, buffer.fields, buffer.rows);
      buffer.rows = [];
    }
  }

  private async add(table: SQL, row: object): Promise<void> {
    const buffer = this.buffers.get(table)!;
    buffer.rows.push(row);
    if (buffer.rows.length >= this.batchSize) {
      await insertStaged(this.db, table, buffer.fields, buffer.rows);
      buffer.rows = [];
    }
  }
}
