import { sql } from 'drizzle-orm';
import { feedSource } from '#common/domain/feeds/sources.ts';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { departmentSourceOf, requireFeedPermission } from './feeds.access.ts';

// Feeds a department still owes: monitoring is monthly (沁发〔2021〕17号: 每月开展动态监测), so each month of the
// window should have at least one batch of the department's own source (a month = China time of the upload).

export interface FeedsDue {
  source: string;
  sourceZh: string;
  /** Months of `months` without a batch of the source, oldest first. */
  missing: string[];
}

/** For a department user: which of `months` (YYYY-MM) have no batch of his source yet; null for other users. */
export async function monthsWithoutBatch(db: Db, ctx: RequestContext, months: string[]): Promise<FeedsDue | null> {
  requireFeedPermission(ctx, 'feeds:push');
  const source = departmentSourceOf(ctx.actor);
  if (!source || months.length === 0) return null;
  const rows = await queryRows<{ month: string }>(
    db,
    sql`SELECT DISTINCT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month FROM feed_batch
      WHERE county_code LIKE ${ctx.actor.scopePrefix + '%'} AND source = ${source}
        AND created_at >= ${`${[...months].sort()[0]}-01T00:00:00+08:00`}::timestamptz`,
  );
  const sent = new Set(rows.map((r) => r.month));
  return { source, sourceZh: feedSource(source).zh, missing: [...months].sort().filter((m) => !sent.has(m)) };
}
