import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { countyOfActor } from '#server/lib/county.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';

// What the 衔接资金 use cases share (funds.allocations.ts, .assignments.ts, .disbursements.ts, .checks.ts): the deps,
// the county of the actor, the county-roles check of the writes.

/**
 * What funds needs of the projects module, given by server/app.ts (funds never imports projects, which names this
 * service's type in its ledgers): the project an assignment is for, within the actor's scope, in the transaction.
 */
export interface FundsDeps {
  findProject: (
    tx: Db,
    id: number,
    scopePrefix: string,
  ) => Promise<{ id: number; status: string; orgCode: string } | undefined>;
}

/** The deps the factory builds once: the database and what funds needs of projects. */
export interface FundsUseCaseDeps extends FundsDeps {
  db: Db;
}

export const countyOf = countyOfActor;

/** Allocations, assignments and disbursements are written by county roles (funds:manage, scope a county). */
export function requireCounty(ctx: RequestContext) {
  requirePermission(ctx, 'funds:manage');
  if (ctx.actor.scopePrefix.length > 6) throw AppError.forbidden();
}
