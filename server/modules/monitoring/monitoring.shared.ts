import { countyCodeOf } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina, type Clock } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { JobsService } from '../jobs/index.ts';
import type { WarningsHook } from './monitoring.run.ts';

// What the monitoring service's use cases share (monitoring.service.ts binds them): runs (monitoring.runs.ts),
// explain (monitoring.explain.ts), the runs and warnings lists (monitoring.lists.ts).

export interface MonitoringDeps {
  db: Db;
  jobs: JobsService;
  clock?: Clock;
  /** Households per statement of a monthly run. */
  batchSize?: number;
  onWarningsWritten?: WarningsHook;
}

/** The deps every use case gets: the clock resolved, and the warnings hook behind a holder (set late by clues). */
export interface MonitoringUseCaseDeps extends Omit<MonitoringDeps, 'clock' | 'onWarningsWritten'> {
  clock: Clock;
  hook: { current: WarningsHook };
}

/** What to re-evaluate: households, the households of some persons, or of a department batch. */
export type ReevaluateTarget =
  { householdIds: readonly number[] } | { personIdHashes: readonly string[] } | { feedBatchId: number };

/** The county's month today (China time). */
export const currentPeriod = (deps: Pick<MonitoringUseCaseDeps, 'clock'>) => todayInChina(deps.clock()).slice(0, 7);

export const notFoundHousehold = () => AppError.notFound({ zh: '农户', en: 'Household' });

/** The county worked on: the actor's own; system work (CLI, schedule, hooks) names it. */
export function countyOf(ctx: RequestContext, explicit?: string): string {
  const system = ctx.actor.scopePrefix === '';
  if (explicit && (system || countyCodeOf(explicit) === countyCodeOf(ctx.actor.orgCode))) return countyCodeOf(explicit);
  if (explicit) throw AppError.notFound({ zh: '县', en: 'County' });
  if (system)
    throw AppError.validation([
      { field: 'countyCode', messageZh: '请指定县级区划代码', messageEn: 'Name the county code' },
    ]);
  return countyCodeOf(ctx.actor.orgCode);
}
