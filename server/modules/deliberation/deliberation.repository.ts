import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { deliberations, deliberationSteps } from '#server/db/schema/deliberation.ts';
import { orgUnits } from '#server/db/schema/org.ts';
import { inScope } from '#server/db/scope.ts';

export type DeliberationRecord = typeof deliberations.$inferSelect;
export type StepRecordRow = typeof deliberationSteps.$inferSelect;

export async function insertDeliberation(tx: Db, values: typeof deliberations.$inferInsert): Promise<number> {
  const [row] = await tx.insert(deliberations).values(values).returning({ id: deliberations.id });
  return row.id;
}

/** One record in the caller's scope (with its village name); `forUpdate` serialises step writes. */
export async function findDeliberation(db: Db, id: number, scopePrefix: string, forUpdate = false) {
  const q = db
    .select({ d: deliberations, villageName: orgUnits.name })
    .from(deliberations)
    .leftJoin(orgUnits, eq(orgUnits.code, deliberations.villageCode))
    .where(and(eq(deliberations.id, id), inScope(deliberations.villageCode, { scopePrefix })));
  const [row] = forUpdate ? await q.for('update', { of: deliberations }) : await q;
  return row;
}

export async function listDeliberations(
  db: Db,
  scopePrefix: string,
  f: { villageCode?: string; purpose?: DeliberationRecord['purpose']; decided?: boolean },
) {
  return db
    .select({ d: deliberations, villageName: orgUnits.name })
    .from(deliberations)
    .leftJoin(orgUnits, eq(orgUnits.code, deliberations.villageCode))
    .where(
      and(
        inScope(deliberations.villageCode, { scopePrefix }),
        f.villageCode ? eq(deliberations.villageCode, f.villageCode) : undefined,
        f.purpose ? eq(deliberations.purpose, f.purpose) : undefined,
        f.decided ? sql`${deliberations.status} IN ('published', 'completed')` : undefined,
      ),
    )
    .orderBy(desc(deliberations.id))
    .limit(500);
}

export async function stepsOf(db: Db, id: number): Promise<StepRecordRow[]> {
  return db
    .select()
    .from(deliberationSteps)
    .where(eq(deliberationSteps.deliberationId, id))
    .orderBy(asc(deliberationSteps.seq));
}

export async function insertStep(tx: Db, values: typeof deliberationSteps.$inferInsert): Promise<void> {
  await tx.insert(deliberationSteps).values(values);
}

export async function setStatus(tx: Db, id: number, status: DeliberationRecord['status']): Promise<void> {
  await tx.update(deliberations).set({ status }).where(eq(deliberations.id, id));
}
