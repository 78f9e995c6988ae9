import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { inScope } from '#server/db/scope.ts';
import { COLUMNS_OF, type SheetKey } from './ledger-columns.ts';
import type { StageTables } from './staging.ts';

// Checks across rows, set-based over the staging tables: repeated household numbers and IDs, villages
// that do not exist, households outside the actor's scope, members whose household is nowhere, and
// people already active in a household the file does not list. Every finding becomes a staged problem.

export interface CheckScope {
  db: Db;
  t: StageTables;
  scopePrefix: string;
}

function column(sheet: SheetKey, key: string): { header: string; index: number } {
  const index = COLUMNS_OF[sheet].findIndex((c) => c.key === key);
  return { header: COLUMNS_OF[sheet][index].header, index };
}

/** `select` yields (row, value, reason, reason_en, household_no) for cells of one column. */
async function report(c: CheckScope, sheet: SheetKey, key: string, select: SQL): Promise<void> {
  const col = column(sheet, key);
  await c.db.execute(sql`INSERT INTO ${c.t.errors} (sheet, row, col, col_index, value, reason, reason_en, household_no)
    SELECT ${sheet}, f.row, ${col.header}, ${col.index}, f.value, f.reason, f.reason_en, f.household_no FROM (${select}) f`);
}

const registryInScope = (c: CheckScope) => inScope(sql`h.village_code`, { scopePrefix: c.scopePrefix });

/** Repeated 户编号, unknown or closed villages, and existing households the actor may not touch. */
export async function checkHouseholdRows(c: CheckScope): Promise<void> {
  const { households: H } = c.t;
  const repeats = sql`SELECT id, row, household_no, min(row) OVER (PARTITION BY household_no) AS first_row FROM ${H} WHERE row IS NOT NULL`;
  await report(
    c,
    'households',
    'household_no',
    sql`
    SELECT d.row, d.household_no AS value, '户编号与第' || d.first_row || '行重复' AS reason,
      'Household number repeats row ' || d.first_row AS reason_en, d.household_no
    FROM (${repeats}) d WHERE d.row > d.first_row`,
  );
  // Only the first row stays staged; the errors above make the household invalid anyway.
  await c.db.execute(sql`DELETE FROM ${H} WHERE id IN (SELECT d.id FROM (${repeats}) d WHERE d.row > d.first_row)`);

  await report(
    c,
    'households',
    'village_code',
    sql`
    SELECT s.row, s.village_code AS value, '系统中没有这个行政村，或该村已撤销' AS reason,
      'No such open village in the registry' AS reason_en, s.household_no
    FROM ${H} s WHERE s.village_code IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM org_unit o WHERE o.code = s.village_code AND o.level = 'village' AND o.valid_to IS NULL)`,
  );

  await c.db.execute(sql`UPDATE ${H} s SET household_id = h.id FROM household h
    WHERE h.county_code = s.county_code AND h.household_no = s.household_no`);
  await report(
    c,
    'households',
    'household_no',
    sql`
    SELECT s.row, s.household_no AS value,
      CASE WHEN NOT (${registryInScope(c)}) THEN '该户编号已属于您管辖范围以外的农户'
        ELSE '该户已于' || h.closed_on || '注销（' || coalesce(h.closed_reason, '') || '），不能再导入' END AS reason,
      CASE WHEN NOT (${registryInScope(c)}) THEN 'The household number belongs to a household outside your scope'
        ELSE 'The household was closed on ' || h.closed_on END AS reason_en,
      s.household_no
    FROM ${H} s JOIN household h ON h.id = s.household_id AND h.county_code = s.county_code
    WHERE NOT (${registryInScope(c)}) OR h.closed_on IS NOT NULL`,
  );
}

/**
 * Ties the member rows the loader could not tie (their household row came later, or there is none)
 * to a household: one in 户信息, or an open household of the registry in scope (a members sheet may
 * restate the members of a household the 户信息 sheet leaves out). Such households are staged
 * without a row; their facts come from the registry.
 */
export async function linkMembers(c: CheckScope): Promise<void> {
  const { households: H, members: M } = c.t;
  const link = sql`UPDATE ${M} m SET household_ref = s.id, county_code = s.county_code FROM ${H} s
    WHERE m.household_ref IS NULL AND s.household_no = m.household_no`;
  await c.db.execute(link);
  // Several counties may share a household number only for an actor above county level; the oldest wins.
  await c.db.execute(sql`INSERT INTO ${H} (id, household_no, county_code, household_id)
    SELECT (SELECT coalesce(max(id), 0) FROM ${H}) + row_number() OVER (ORDER BY r.household_no), r.household_no, r.county_code, r.id
    FROM (SELECT DISTINCT ON (h.household_no) h.household_no, h.county_code, h.id FROM household h
          WHERE h.household_no IN (SELECT household_no FROM ${M} WHERE household_ref IS NULL)
            AND ${registryInScope(c)} AND h.closed_on IS NULL
          ORDER BY h.household_no, h.id) r`);
  await c.db.execute(link);
  await report(
    c,
    'members',
    'household_no',
    sql`
    SELECT m.row, m.household_no AS value, '户信息中没有这个户编号，系统中也没有您管辖范围内的此户（或该户已注销）' AS reason,
      'The household number is neither in the households sheet nor an open household in your scope' AS reason_en, m.household_no
    FROM ${M} m WHERE m.household_ref IS NULL`,
  );
}

/** The same person twice in the file, and people active in a household the file does not restate. */
export async function checkMembers(c: CheckScope): Promise<void> {
  const { households: H, members: M } = c.t;
  await report(
    c,
    'members',
    'id',
    sql`
    SELECT d.row, d.id_masked AS value, '证件号码与第' || d.first_row || '行重复：同一人在文件中只能出现一次' AS reason,
      'The ID number repeats row ' || d.first_row || ': a person appears once in the file' AS reason_en, d.household_no
    FROM (SELECT row, household_no, id_masked, min(row) OVER (PARTITION BY id_hash) AS first_row FROM ${M}) d
    WHERE d.row > d.first_row`,
  );
  await report(
    c,
    'members',
    'id',
    activeElsewhere(
      c,
      sql`NOT EXISTS (SELECT 1 FROM ${H} o WHERE o.household_id = ms.household_id)`,
      // A household outside the actor's scope is not named: only that it is not in their area (不在本辖区).
      sql`CASE WHEN ${registryInScope(c)} THEN '已是户 ' || h.household_no || ' 的在册成员，而该户不在本次导入中；请先办理迁出'
      ELSE '已是其他农户的在册成员，该户不在本辖区；请联系其所在乡镇办理迁出' END`,
      sql`CASE WHEN ${registryInScope(c)} THEN 'Already an active member of household ' || h.household_no || ', which this file does not list; move them out first'
      ELSE 'Already an active member of a household not in your area; ask its township to move them out' END`,
    ),
  );
}

function activeElsewhere(c: CheckScope, where: SQL, reason: SQL, reasonEn: SQL): SQL {
  const { households: H, members: M } = c.t;
  return sql`
    SELECT m.row, m.id_masked AS value, ${reason} AS reason, ${reasonEn} AS reason_en, m.household_no
    FROM ${M} m
    JOIN ${H} s ON s.id = m.household_ref
    JOIN person p ON p.county_code = m.county_code AND p.id_hash = m.id_hash
    JOIN membership ms ON ms.county_code = p.county_code AND ms.person_id = p.id AND ms.valid_to IS NULL
    JOIN household h ON h.id = ms.household_id AND h.county_code = ms.county_code
    WHERE ms.household_id IS DISTINCT FROM s.household_id AND NOT s.invalid AND ${where}`;
}

/** Households with any problem are invalid; returns how many were newly marked. */
export async function markInvalid(c: CheckScope): Promise<number> {
  const rows = await queryRows(
    c.db,
    sql`UPDATE ${c.t.households} s SET invalid = true
    WHERE NOT s.invalid AND EXISTS (SELECT 1 FROM ${c.t.errors} e WHERE e.household_no = s.household_no) RETURNING 1`,
  );
  return rows.length;
}

/**
 * When invalid households are skipped, a valid one must not take a person from one of them (that
 * household stays as it is): such households become invalid too, until nothing changes.
 */
export async function markInvalidUntilStable(c: CheckScope): Promise<void> {
  let marked = await markInvalid(c);
  while (marked > 0) {
    await report(
      c,
      'members',
      'id',
      activeElsewhere(
        c,
        sql`EXISTS (SELECT 1 FROM ${c.t.households} o WHERE o.household_id = ms.household_id AND o.invalid)`,
        sql`'此人现属的户 ' || h.household_no || ' 有错误、本次不导入，因此不能迁入本户'`,
        sql`'Their current household ' || h.household_no || ' has errors and is skipped, so they cannot move here'`,
      ),
    );
    marked = await markInvalid(c);
  }
}
