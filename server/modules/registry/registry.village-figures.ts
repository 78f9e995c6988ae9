import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { inScope } from '#server/db/scope.ts';

/**
 * 脱贫人口 per village: the people now belonging (membership not ended) to an open household of kind 脱贫户 (alleviated),
 * for every village under `prefix` ('' = all). Villages without any are absent. The key-village score's 脱贫人口规模
 * (key-villages, 沁发〔2021〕17号 §二(二)2) reads it; the caller passes the scope it is responsible for.
 */
export async function alleviatedPeopleByVillage(db: Db, prefix: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ village_code: string; n: number }>(
    db,
    sql`SELECT h.village_code, count(*)::int AS n
      FROM household h JOIN membership m ON m.household_id = h.id AND m.county_code = h.county_code AND m.valid_to IS NULL
      WHERE h.kind = 'alleviated' AND h.closed_on IS NULL AND ${inScope(sql`h.village_code`, { scopePrefix: prefix })}
      GROUP BY h.village_code`,
  );
  return new Map(rows.map((r) => [r.village_code, r.n]));
}
