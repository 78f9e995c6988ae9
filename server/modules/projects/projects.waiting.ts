import { ENTRY_ACTORS, actorsAt } from '#common/domain/projects/workflow.ts';
import type { OrgLevel, Role } from '#common/domain/roles.ts';
import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { countWaiting, waitingForRole } from './projects.repository.ts';

// Projects waiting for the caller (乡镇审核, 县级审定, … by role and the unit's level): one filter for the
// workbench count and the project list's `mine`.

const LEVELS: readonly OrgLevel[] = ['village', 'township', 'county'];

/** The (entry step, project unit level) pairs a role acts at, from the workflow's `actorsAt`. */
export function waitingStepsOf(role: Role): { stage: string; level: OrgLevel }[] {
  const stages = Object.keys(ENTRY_ACTORS) as (keyof typeof ENTRY_ACTORS)[];
  return stages.flatMap((stage) =>
    LEVELS.filter((level) => actorsAt(stage, level).includes(role)).map((level) => ({ stage, level })),
  );
}

/** The SQL condition of the projects waiting for this user's role. */
export const waitingFilterOf = (ctx: RequestContext) => waitingForRole(waitingStepsOf(ctx.actor.role));

/** How many projects in the user's scope wait at a step his role acts at. */
export async function projectsWaitingCount(db: Db, ctx: RequestContext): Promise<number> {
  requirePermission(ctx, 'projects:read');
  return countWaiting(db, ctx.actor.scopePrefix, waitingFilterOf(ctx));
}
