import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { keyVillageDecisionItems, keyVillageDecisions, keyVillageScores } from '#server/db/schema/key-villages.ts';
import { inScope } from '#server/db/scope.ts';

// SQL only. The sheet is computed over the whole county (the normalisation is county-wide); the service narrows the
// rows to the actor's scope before answering. Queries on one village take the actor's prefix.

export interface CountyVillage {
  code: string;
  name: string;
  township_name: string | null;
}

/** The county's villages in force during the year (level village), with their township's name. */
export async function countyVillages(db: Db, countyCode: string, year: number): Promise<CountyVillage[]> {
  return queryRows<CountyVillage>(
    db,
    sql`SELECT o.code, o.name,
        (SELECT t.name FROM org_unit t WHERE t.code = substr(o.code, 1, 9) || '000') AS township_name
      FROM org_unit o
      WHERE o.county_code = ${countyCode} AND o.level = 'village'
        AND o.valid_from <= ${`${year}-12-31`}::date AND (o.valid_to IS NULL OR o.valid_to > ${`${year}-01-01`}::date)
      ORDER BY o.code`,
  );
}

/** The village (level village, in scope), or undefined. */
export async function findUnit(db: Db, scopePrefix: string, code: string) {
  const rows = await queryRows<{ code: string; name: string; county_code: string; level: string }>(
    db,
    sql`SELECT code, name, county_code, level FROM org_unit o WHERE o.code = ${code} AND ${inScope(sql`o.code`, { scopePrefix })}`,
  );
  return rows[0];
}

export async function scoresOf(db: Db, countyCode: string, year: number) {
  return db
    .select()
    .from(keyVillageScores)
    .where(and(eq(keyVillageScores.countyCode, countyCode), eq(keyVillageScores.year, year)));
}

export async function scoreOf(tx: Db, orgCode: string, year: number) {
  const [row] = await tx
    .select()
    .from(keyVillageScores)
    .where(and(eq(keyVillageScores.orgCode, orgCode), eq(keyVillageScores.year, year)))
    .for('update');
  return row;
}

export async function upsertScore(tx: Db, values: typeof keyVillageScores.$inferInsert): Promise<number> {
  const [row] = await tx
    .insert(keyVillageScores)
    .values(values)
    .onConflictDoUpdate({
      target: [keyVillageScores.orgCode, keyVillageScores.year],
      set: {
        location: values.location,
        publicService: values.publicService,
        infrastructure: values.infrastructure,
        resources: values.resources,
        note: values.note,
        updatedBy: values.updatedBy,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: keyVillageScores.id });
  return row.id;
}

export interface DecisionDbRow {
  id: number;
  year: number;
  doc_no: string;
  decided_on: string;
  note: string | null;
  key_count: number;
  demo_count: number;
  created_by_name: string | null;
  created_at: string | Date;
}

/** Every decision of the county, newest first (a county has a handful: no paging in SQL needed). */
export async function decisionsOf(db: Db, countyCode: string): Promise<DecisionDbRow[]> {
  return queryRows<DecisionDbRow>(
    db,
    sql`SELECT d.id::int AS id, d.year, d.doc_no, d.decided_on::text AS decided_on, d.note, d.created_at,
        (SELECT count(*)::int FROM key_village_decision_item i WHERE i.decision_id = d.id AND i.kind = 'key') AS key_count,
        (SELECT count(*)::int FROM key_village_decision_item i WHERE i.decision_id = d.id AND i.kind = 'demo') AS demo_count,
        (SELECT u.display_name FROM app_user u WHERE u.id = d.created_by) AS created_by_name
      FROM key_village_decision d WHERE d.county_code = ${countyCode}
      ORDER BY d.decided_on DESC, d.id DESC`,
  );
}

/** A decision's villages within the reader's scope, with names. */
export async function decisionVillages(db: Db, decisionId: number, scopePrefix: string) {
  return queryRows<{
    org_code: string;
    village_name: string | null;
    township_name: string | null;
    kind: 'key' | 'demo';
    score: number | null;
    rank: number | null;
  }>(
    db,
    sql`SELECT i.org_code, o.name AS village_name,
        (SELECT t.name FROM org_unit t WHERE t.code = substr(i.org_code, 1, 9) || '000') AS township_name,
        i.kind, i.score, i.rank
      FROM key_village_decision_item i LEFT JOIN org_unit o ON o.code = i.org_code
      WHERE i.decision_id = ${decisionId} AND ${inScope(sql`i.org_code`, { scopePrefix })}
      ORDER BY (i.kind = 'key') DESC, i.rank NULLS LAST, i.org_code`,
  );
}

export async function insertDecision(
  tx: Db,
  values: typeof keyVillageDecisions.$inferInsert,
  items: Omit<typeof keyVillageDecisionItems.$inferInsert, 'decisionId'>[],
): Promise<number> {
  const [row] = await tx.insert(keyVillageDecisions).values(values).returning({ id: keyVillageDecisions.id });
  if (items.length) await tx.insert(keyVillageDecisionItems).values(items.map((i) => ({ ...i, decisionId: row.id })));
  return row.id;
}
