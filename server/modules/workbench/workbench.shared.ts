import type { WorkbenchItem, WorkbenchSeverity } from '#common/contracts/workbench.ts';
import { daysInMonth, parsePeriod } from '#common/domain/period.ts';
import type { OrgLevel } from '#common/domain/roles.ts';
import type { Db } from '#server/db/connect.ts';
import type { Clock } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { AssistanceService } from '../assistance/index.ts';
import type { CaseReports } from '../cases/index.ts';
import type { IndicatorsService } from '../indicators/index.ts';
import type { createReviewService } from '../registry/index.ts';
import type { RegistryService } from '../registry/index.ts';

// What the workbench's item sources share (workbench.cases.ts, .assistance.ts, .indicators.ts, .items.ts): the deps
// and the small date and level helpers.

export interface WorkbenchDeps {
  db: Db;
  caseReports: Pick<CaseReports, 'due' | 'zeroing'>;
  review: Pick<ReturnType<typeof createReviewService>, 'pending'>;
  registry: Pick<RegistryService, 'search'>;
  assistance: Pick<AssistanceService, 'board' | 'workspace'>;
  indicators: Pick<IndicatorsService, 'definitions' | 'approvals'>;
  clock?: Clock;
}

/** The deps the use cases take: the factory's, the clock resolved. */
export type WorkbenchUseCaseDeps = Omit<WorkbenchDeps, 'clock'> & { clock: Clock };

/** One source of workbench items for the signed-in user on the county's day `today`. */
export type ItemSource = (d: WorkbenchUseCaseDeps, ctx: RequestContext, today: string) => Promise<WorkbenchItem[]>;

/** Months of department data the workbench asks for: this month and the two before (a display window). */
export const FEED_DUE_MONTHS = 3;

export const SEVERITY_ORDER: Record<WorkbenchSeverity, number> = { overdue: 0, near: 1, normal: 2 };

export function levelOf(scopePrefix: string): OrgLevel {
  return scopePrefix.length >= 12 ? 'village' : scopePrefix.length >= 9 ? 'township' : 'county';
}

/** The last day a form of `period` may be entered: period end + the data set's open days. */
export function entryCloses(period: string, openDays: number): string {
  const end =
    period.length === 4
      ? `${period}-12-31`
      : `${period}-${String(daysInMonth(parsePeriod(period).year, parsePeriod(period).month)).padStart(2, '0')}`;
  return new Date(Date.parse(`${end}T00:00:00Z`) + openDays * 86_400_000).toISOString().slice(0, 10);
}
