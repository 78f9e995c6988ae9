import { asc, sql } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { policyParams } from '#server/db/schema/params.ts';

// SQL only: the policy parameters' versions (policy_param).

export type ParamVersionRow = typeof policyParams.$inferSelect;
type NewParamVersion = typeof policyParams.$inferInsert;

/** Rows already there are left as they are. */
export async function insertMissingParams(db: Db, rows: NewParamVersion[]): Promise<void> {
  await db.insert(policyParams).values(rows).onConflictDoNothing();
}

/** The versions set on any of `scopeCodes`, oldest first. */
export function paramVersionsOn(db: Db, scopeCodes: string[]): Promise<ParamVersionRow[]> {
  return db
    .select()
    .from(policyParams)
    .where(
      sql`${policyParams.scopeCode} IN (${sql.join(
        scopeCodes.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    )
    .orderBy(asc(policyParams.id));
}

export function allParamVersions(db: Db): Promise<ParamVersionRow[]> {
  return db.select().from(policyParams).orderBy(asc(policyParams.key), asc(policyParams.effectiveFrom));
}

/** False when a version of the key already takes effect that day on that scope. */
export async function insertParamVersion(tx: Db, row: NewParamVersion): Promise<boolean> {
  const inserted = await tx.insert(policyParams).values(row).onConflictDoNothing().returning({ id: policyParams.id });
  return inserted.length > 0;
}
