import { and, asc, eq, gt, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { clues, clueSignals, visits } from '#server/db/schema/monitoring.ts';
import { orgUnits } from '#server/db/schema/org.ts';
import { inScope } from '#server/db/scope.ts';
import type { CLUE_SORTS } from '#common/contracts/clues.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import type { Stage } from '#common/domain/cases/workflow.ts';
import { orderBy, pageWindow, usesCursor, type SortColumns } from '#server/lib/paging.ts';

export type ClueRecord = typeof clues.$inferSelect;
export type Channel = ClueRecord['channel'];

export interface OpenClue {
  countyCode: string;
  householdId: number | null;
  villageCode: string;
  channel: Channel;
  riskType: string;
  summary: string;
  consent?: ClueRecord['consent'];
}

/** The open clue for (household, risk), created when there is none: later signals attach to it. */
export async function openOrFindClue(tx: Db, c: OpenClue): Promise<number> {
  if (c.householdId !== null) {
    const [inserted] = await tx
      .insert(clues)
      .values({ ...c, consent: c.consent ?? null })
      .onConflictDoNothing({
        target: [clues.countyCode, clues.householdId, clues.riskType],
        where: sql`status = 'open' AND household_id IS NOT NULL`,
      })
      .returning({ id: clues.id });
    if (inserted) return inserted.id;
    const [existing] = await tx
      .select({ id: clues.id, consent: clues.consent })
      .from(clues)
      .where(
        and(
          eq(clues.countyCode, c.countyCode),
          eq(clues.householdId, c.householdId),
          eq(clues.riskType, c.riskType),
          eq(clues.status, 'open'),
        ),
      );
    if (c.consent && !existing.consent)
      await tx.update(clues).set({ consent: c.consent }).where(eq(clues.id, existing.id));
    return existing.id;
  }
  const [row] = await tx
    .insert(clues)
    .values({ ...c, consent: c.consent ?? null })
    .returning({ id: clues.id });
  return row.id;
}

export async function addSignal(tx: Db, s: typeof clueSignals.$inferInsert): Promise<void> {
  await tx.insert(clueSignals).values(s);
}

/**
 * Channel (a): the warnings of a run become clues, set-based. One open clue per (household, risk);
 * a warning already attached for its period is not attached twice when a period is re-run.
 * Exclusion flags open nothing: they attach to the household's open clues as evidence needing a reason.
 */
export async function cluesFromWarnings(tx: Db, runId: number, names: Record<string, string>): Promise<void> {
  const nameList = sql.join(
    Object.entries(names).map(([code, name]) => sql`(${code}, ${name})`),
    sql`, `,
  );
  await tx.execute(sql`
    INSERT INTO clue (county_code, household_id, village_code, channel, risk_type, summary)
    SELECT DISTINCT ON (w.household_id, coalesce(w.risk_type, 'other'))
      w.county_code, w.household_id, w.village_code, 'department', coalesce(w.risk_type, 'other'),
      '部门信息比对：' || coalesce(n.name, w.rule_code)
    FROM warning w LEFT JOIN (VALUES ${nameList}) AS n(code, name) ON n.code = w.rule_code
    WHERE w.run_id = ${runId} AND w.status = 'new' AND w.rule_code <> 'EXCLUSION_FLAG'
    ORDER BY w.household_id, coalesce(w.risk_type, 'other'), w.id
    ON CONFLICT (county_code, household_id, risk_type) WHERE status = 'open' AND household_id IS NOT NULL DO NOTHING`);
  await tx.execute(sql`
    INSERT INTO clue_signal (county_code, clue_id, channel, source, evidence, warning_id, created_by)
    SELECT w.county_code, c.id, 'department', w.rule_code, jsonb_build_object('period', w.period) || w.evidence, w.id, '监测系统'
    FROM warning w
    JOIN clue c ON c.county_code = w.county_code AND c.household_id = w.household_id AND c.status = 'open'
      AND (c.risk_type = coalesce(w.risk_type, 'other') OR w.rule_code = 'EXCLUSION_FLAG')
    WHERE w.run_id = ${runId} AND w.status = 'new'
      AND NOT EXISTS (SELECT 1 FROM clue_signal s WHERE s.clue_id = c.id AND s.source = w.rule_code AND s.evidence->>'period' = w.period)`);
}

export interface ClueFilter extends PagingQuery<(typeof CLUE_SORTS)[number]> {
  scopePrefix: string;
  status: 'open' | 'closed';
  channel?: Channel;
  riskType?: string;
  orgPrefix?: string;
  householdId?: number;
  afterId: number;
  limit: number;
  id?: number;
}

const HOUSEHOLD_NO = sql<string | null>`(SELECT h.household_no FROM household h WHERE h.id = clue.household_id)`;

const CLUE_SORT_COLUMNS: SortColumns<(typeof CLUE_SORTS)[number]> = {
  id: sql`${clues.id}`,
  openedAt: sql`${clues.openedAt}`,
  householdNo: HOUSEHOLD_NO,
  village: sql`${orgUnits.name}`,
  riskType: sql`${clues.riskType}`,
  channel: sql`${clues.channel}`,
};

/** The one where-clause of the clue list: its page and its total read the same rows. */
function clueWhere(f: ClueFilter): SQL {
  const where: SQL[] = [inScope(clues.villageCode, { scopePrefix: f.scopePrefix }), eq(clues.status, f.status)];
  if (f.channel) where.push(eq(clues.channel, f.channel));
  if (f.riskType) where.push(eq(clues.riskType, f.riskType));
  if (f.orgPrefix) where.push(like(clues.villageCode, f.orgPrefix + '%'));
  if (f.householdId) where.push(eq(clues.householdId, f.householdId));
  if (f.id) where.push(eq(clues.id, f.id));
  return and(...where)!;
}

/** How many clues the filters match (all pages). */
export async function countClues(db: Db, f: ClueFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(clues)
    .where(clueWhere(f));
  return row.n;
}

export async function listClues(db: Db, f: ClueFilter) {
  const win = pageWindow(f);
  return db
    .select({
      clue: clues,
      villageName: orgUnits.name,
      householdNo: HOUSEHOLD_NO,
      headName: sql<
        string | null
      >`(SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
        WHERE m.household_id = clue.household_id AND m.valid_to IS NULL AND m.relationship = 'head')`,
      signalCount: sql<number>`(SELECT count(*)::int FROM clue_signal s WHERE s.clue_id = clue.id)`,
      channels: sql<string[]>`(SELECT array_agg(DISTINCT s.channel) FROM clue_signal s WHERE s.clue_id = clue.id)`,
      activeCaseId: sql<number | null>`(SELECT min(mc.id)::int FROM monitoring_case mc
        WHERE mc.household_id = clue.household_id AND mc.kind = 'identification' AND mc.status = 'active')`,
    })
    .from(clues)
    .innerJoin(orgUnits, eq(orgUnits.code, clues.villageCode))
    .where(and(clueWhere(f), usesCursor(f) ? gt(clues.id, f.afterId) : undefined))
    .orderBy(orderBy(CLUE_SORT_COLUMNS, f, sql`${clues.id}`, 'id'))
    .limit(win.pageSize)
    .offset(win.offset);
}

export async function signalsOf(db: Db, clueId: number) {
  return db.select().from(clueSignals).where(eq(clueSignals.clueId, clueId)).orderBy(asc(clueSignals.id));
}

export async function closeClue(tx: Db, id: number, reason: string): Promise<boolean> {
  const rows = await tx
    .update(clues)
    .set({ status: 'closed', closedAt: sql`now()`, closeReason: reason })
    .where(and(eq(clues.id, id), eq(clues.status, 'open')))
    .returning({ id: clues.id });
  return rows.length === 1;
}

export async function insertVisit(tx: Db, v: typeof visits.$inferInsert): Promise<number> {
  const [row] = await tx.insert(visits).values(v).returning({ id: visits.id });
  return row.id;
}

export async function visitsOf(db: Db, householdId: number) {
  return queryRows<{
    id: number;
    visited_on: string;
    visitor_name: string;
    findings: string;
    risk_found: boolean;
    risk_types: string[];
  }>(
    db,
    sql`SELECT id, visited_on::text, visitor_name, findings, risk_found, risk_types FROM visit WHERE household_id = ${householdId} ORDER BY visited_on DESC, id DESC`,
  );
}

// ---- Used by the cases module (识别认定): a clue taken up by a case, and closed when the case ends ----

/** The clue a case starts from, in scope, locked for the case's transaction. */
export async function findClueForCase(
  tx: Db,
  scopePrefix: string,
  id: number,
  lock = true,
): Promise<ClueRecord | undefined> {
  const q = tx
    .select()
    .from(clues)
    .where(and(eq(clues.id, id), inScope(clues.villageCode, { scopePrefix })));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** A case took the clue up: its department warnings (and the household's other new warnings of that risk) are handled. */
export async function markClueWarningsHandled(tx: Db, clueId: number): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`UPDATE warning w SET status = 'handled'
      FROM clue c
      WHERE c.id = ${clueId} AND w.county_code = c.county_code AND w.household_id = c.household_id AND w.status = 'new'
        AND (coalesce(w.risk_type, 'other') = c.risk_type OR w.id IN (SELECT s.warning_id FROM clue_signal s WHERE s.clue_id = c.id AND s.warning_id IS NOT NULL))
      RETURNING w.id`,
  );
  return rows.length;
}

/** The case ended (纳入监测, or 核实不符合): the clue closes with the case's outcome. */
export async function closeClueByCase(tx: Db, clueId: number, reason: string): Promise<boolean> {
  return closeClue(tx, clueId, reason);
}

/** What the public 查询办理进度 reads of an application: its clue, the signal given with that ID hash, the case. */
export interface ApplicationStatusRow {
  clueStatus: 'open' | 'closed';
  appliedAt: string;
  caseStage: Stage | null;
  caseStatus: 'active' | 'done' | 'closed' | null;
  noticeEndsOn: string | null;
}

export async function applicationStatusRow(
  db: Db,
  clueId: number,
  idHash: string,
): Promise<ApplicationStatusRow | undefined> {
  const [row] = await queryRows<ApplicationStatusRow>(
    db,
    sql`SELECT c.status AS "clueStatus", to_char(s.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "appliedAt",
        mc.stage AS "caseStage", mc.status AS "caseStatus", mc.notice_ends_on::text AS "noticeEndsOn"
      FROM clue c
      JOIN clue_signal s ON s.clue_id = c.id AND s.county_code = c.county_code AND s.channel = 'selfApplication' AND s.source = 'public-page' AND s.evidence->>'idHash' = ${idHash}
      LEFT JOIN LATERAL (SELECT stage, status, notice_ends_on FROM monitoring_case WHERE clue_id = c.id AND kind = 'identification' ORDER BY id DESC LIMIT 1) mc ON true
      WHERE c.id = ${clueId}
      ORDER BY s.id LIMIT 1`,
  );
  return row;
}
