import type { FeedSourceCode } from '#common/domain/feeds/sources.ts';
import type { FeedFileInput } from './feed-file.ts';
import { can } from '#common/domain/roles.ts';
import type { Db } from '#server/db/connect.ts';
import type { Clock } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import type { JobProgress, JobsService } from '../jobs/index.ts';

// What the feeds service's use cases share (feeds.service.ts binds them): imports and pushes (feeds.imports.ts),
// the batches and their records (feeds.lists.ts).

/** Called after a batch commits, with the ID hashes of registry persons who got new records. */
export type BatchCommittedHook = (batchId: number, affectedPersonIdHashes: string[]) => Promise<void> | void;

export interface FeedsServiceOptions {
  onBatchCommitted?: BatchCommittedHook;
  clock?: Clock;
  /** Where a failing hook is reported; the batch stays committed. */
  log?: (err: unknown) => void;
}

export interface FeedsDeps {
  db: Db;
  box: PersonalDataBox;
  jobs: JobsService;
  onBatchCommitted: BatchCommittedHook;
  clock: Clock;
  log: (err: unknown) => void;
}

export interface ImportFeedOptions {
  fileName: string;
  dryRun: boolean;
  source?: FeedSourceCode;
  /** For system work (CLI) only: the county the file belongs to. */
  countyCode?: string;
}
export type ImportFeedInput = FeedFileInput & ImportFeedOptions & { progress?: JobProgress };

/**
 * Whether a person is in the registry is registry information: an actor who may not read the registry
 * (a line department pushing its data) gets no matched / unmatched figures, for a dry run or otherwise,
 * so pushing an ID cannot tell them whether it is registered.
 */
export const seesRegistry = (ctx: RequestContext) => can(ctx.actor.role, 'registry:read');

export function withheld<T extends { matchedCount: number | null; unmatchedCount: number | null }>(
  ctx: RequestContext,
  row: T,
): T {
  return seesRegistry(ctx) ? row : { ...row, matchedCount: null, unmatchedCount: null };
}
