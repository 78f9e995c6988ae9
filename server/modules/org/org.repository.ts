import { and, asc, eq, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { orgUnits } from '#server/db/schema/org.ts';

export type OrgUnitRecord = typeof orgUnits.$inferSelect;
export type OrgUnitInsert = typeof orgUnits.$inferInsert;
export type OrgUnitWithCount = OrgUnitRecord & { childCount: number };

/** Units valid on `asOf` (ISO date), or all of them when closed units are asked for. */
function validOn(asOf: string | undefined, includeClosed: boolean): SQL {
  if (includeClosed) return sql`true`;
  if (!asOf) return isNull(orgUnits.validTo);
  return sql`${orgUnits.validFrom} <= ${asOf} AND (${orgUnits.validTo} IS NULL OR ${orgUnits.validTo} > ${asOf})`;
}

// Raw column reference: drizzle would print an unqualified "code" that the subquery captures.
const childCount = sql<number>`(SELECT count(*)::int FROM org_unit c WHERE c.parent_code = org_unit.code)`;

export async function findUnit(db: Db, code: string): Promise<OrgUnitWithCount | undefined> {
  const rows = await db.select({ unit: orgUnits, childCount }).from(orgUnits).where(eq(orgUnits.code, code));
  return rows[0] && { ...rows[0].unit, childCount: rows[0].childCount };
}

export async function findChildren(
  db: Db,
  parentCode: string,
  opts: { asOf?: string; includeClosed: boolean },
): Promise<OrgUnitWithCount[]> {
  const rows = await db
    .select({ unit: orgUnits, childCount })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentCode, parentCode), validOn(opts.asOf, opts.includeClosed)))
    .orderBy(asc(orgUnits.code));
  return rows.map((r) => ({ ...r.unit, childCount: r.childCount }));
}

export async function searchUnits(db: Db, scopePrefix: string, q: string, limit: number): Promise<OrgUnitWithCount[]> {
  const pattern = `%${q.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
  const rows = await db
    .select({ unit: orgUnits, childCount })
    .from(orgUnits)
    .where(and(like(orgUnits.code, scopePrefix + '%'), or(like(orgUnits.name, pattern), like(orgUnits.code, q + '%'))))
    .orderBy(asc(orgUnits.code))
    .limit(limit);
  return rows.map((r) => ({ ...r.unit, childCount: r.childCount }));
}

export async function listUnits(
  db: Db,
  scopePrefix: string,
  opts: { level?: OrgUnitRecord['level']; includeClosed: boolean },
): Promise<OrgUnitRecord[]> {
  const where: SQL[] = [like(orgUnits.code, scopePrefix + '%'), validOn(undefined, opts.includeClosed)];
  if (opts.level) where.push(eq(orgUnits.level, opts.level));
  return db
    .select()
    .from(orgUnits)
    .where(and(...where))
    .orderBy(asc(orgUnits.code));
}

/** Insert or refresh units by code: the seed can run on every start without duplicating anything. */
export async function upsertUnits(db: Db, units: OrgUnitInsert[]): Promise<void> {
  for (let i = 0; i < units.length; i += 500) {
    await db
      .insert(orgUnits)
      .values(units.slice(i, i + 500))
      .onConflictDoUpdate({
        target: orgUnits.code,
        set: {
          name: sql`excluded.name`,
          kind: sql`excluded.kind`,
          parentCode: sql`excluded.parent_code`,
          validFrom: sql`excluded.valid_from`,
          validTo: sql`excluded.valid_to`,
          successorCode: sql`excluded.successor_code`,
          synthetic: sql`excluded.synthetic`,
          note: sql`excluded.note`,
        },
      });
  }
}
