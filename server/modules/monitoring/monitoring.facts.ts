import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { compareFacts, rebuildFeedEvents, type FactsCheck } from './facts.repository.ts';

// `guardline monitor verify-facts` and `rebuild-facts`: the facts kept on write (feed_event, feed_year_total, household_income_latest) against a full rebuild.
// Verify only reads; rebuild writes (audited) and is for a difference verify found, or after a manual data repair.

export interface FactsDeps {
  db: Db;
}

export async function verifyFacts(deps: FactsDeps, ctx: RequestContext, countyCode: string): Promise<FactsCheck> {
  requirePermission(ctx, 'monitoring:run');
  return compareFacts(deps.db, countyCode);
}

export async function rebuildFacts(deps: FactsDeps, ctx: RequestContext, countyCode: string): Promise<number> {
  requirePermission(ctx, 'monitoring:run');
  return deps.db.transaction(async (tx) => {
    const before = await compareFacts(tx, countyCode);
    const rows = await rebuildFeedEvents(tx);
    await recordAudit(tx, ctx, {
      action: 'rebuild',
      entity: 'feed_event',
      entityId: countyCode,
      orgCode: countyCode,
      before: {
        missing: before.missing,
        extra: before.extra,
        yearTotals: before.yearTotals,
        latestIncome: before.latestIncome,
      },
      after: { rows },
    });
    return rows;
  });
}
