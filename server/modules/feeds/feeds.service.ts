import type { Db } from '#server/db/connect.ts';
import { systemClock } from '#server/lib/clock.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import type { JobsService } from '../jobs/index.ts';
import { authorizeImport, importFeed, pushRecords, startImport } from './feeds.imports.ts';
import { batchRecords, batches } from './feeds.lists.ts';
import type { FeedsDeps, FeedsServiceOptions } from './feeds.shared.ts';

export type { BatchCommittedHook, FeedsServiceOptions, ImportFeedInput, ImportFeedOptions } from './feeds.shared.ts';

// 部门数据: files and pushes in (feeds.imports.ts), the batches and their records (feeds.lists.ts). The batches are
// planned and committed in feeds.batches.ts; the monitoring engine is told through onBatchCommitted.

export function createFeedsService(db: Db, box: PersonalDataBox, jobs: JobsService, options: FeedsServiceOptions = {}) {
  const d: FeedsDeps = {
    db,
    box,
    jobs,
    onBatchCommitted: options.onBatchCommitted ?? (() => {}),
    clock: options.clock ?? systemClock,
    log: options.log ?? (() => {}),
  };
  return {
    importFeed: bindDeps(d, importFeed),
    authorizeImport: bindDeps(d, authorizeImport),
    startImport: bindDeps(d, startImport),
    pushRecords: bindDeps(d, pushRecords),
    batches: bindDeps(d, batches),
    batchRecords: bindDeps(d, batchRecords),
  };
}

export type FeedsService = ReturnType<typeof createFeedsService>;
