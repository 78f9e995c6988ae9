import { eq, sql } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { villageTeamFlags } from '#server/db/schema/village-support.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { recordAudit, type AuditEntry } from '../audit/index.ts';

/**
 * The county's key-village decision in force sets the 重点帮扶村 flag (village_team_flag.key_village) of every village of
 * the county: on for `keyVillages`, off for the others; the other flags are kept. Runs in the caller's transaction
 * (key-villages' decision), one audit row per village whose flag changes. Returns how many changed.
 * The decision is the one source of 重点帮扶村 from then on: a flag set by hand on the resident-teams page lasts until
 * the next decision.
 */
export async function setKeyVillageFlags(
  tx: Db,
  ctx: RequestContext,
  countyCode: string,
  keyVillages: readonly string[],
): Promise<number> {
  const chosen = new Set(keyVillages);
  const current = await tx
    .select({ orgCode: villageTeamFlags.orgCode, keyVillage: villageTeamFlags.keyVillage })
    .from(villageTeamFlags)
    .where(eq(villageTeamFlags.countyCode, countyCode));
  const before = new Map(current.map((r) => [r.orgCode, r.keyVillage]));
  const changes = [
    ...current.filter((r) => r.keyVillage && !chosen.has(r.orgCode)).map((r) => [r.orgCode, false] as const),
    ...[...chosen].filter((c) => before.get(c) !== true).map((c) => [c, true] as const),
  ];
  const audits: AuditEntry[] = [];
  for (const [orgCode, keyVillage] of changes) {
    await tx
      .insert(villageTeamFlags)
      .values({ orgCode, countyCode, keyVillage, updatedBy: ctx.actor.id || null })
      .onConflictDoUpdate({
        target: villageTeamFlags.orgCode,
        set: { keyVillage, updatedBy: ctx.actor.id || null, updatedAt: sql`now()` },
      });
    audits.push({
      action: 'set',
      entity: 'village_team_flag',
      orgCode,
      before: before.has(orgCode) ? { keyVillage: before.get(orgCode) } : null,
      after: { keyVillage },
    });
  }
  if (audits.length) await recordAudit(tx, ctx, audits);
  return changes.length;
}
