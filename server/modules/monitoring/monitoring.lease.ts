import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { leaseSeconds } from '#server/lib/lease.ts';

// A run is complete or absent. Every running monitor_run row holds a lease (`heartbeat_at`) that its
// process renews while it works; a process killed mid-run (kill -9, power cut) stops renewing. Runs
// active in this process are known here, so a long statement that delays a renewal on the embedded
// database (one connection) never makes its own run look dead. A running row that is neither active
// here nor renewed within the lease was left by a dead process: the next start (of the server, of a
// run of that month, or a schedule tick) marks it failed ("abandoned") and a new run supersedes it;
// the new run rewrites the period's warnings (stored snapshot converges), so a re-run after a crash
// gives the same warnings as an uninterrupted one.

export { leaseSeconds };

const active = new Set<number>();

export const ABANDONED =
  '进程中断，已由后续运行取代 / abandoned: the process running it stopped; superseded by a later start';

/** Mark a run as worked on by this process and renew its lease until the returned release is called. */
export function holdLease(db: Db, runId: number, seconds = leaseSeconds()): () => void {
  active.add(runId);
  const timer = setInterval(
    () => {
      db.execute(sql`UPDATE monitor_run SET heartbeat_at = now() WHERE id = ${runId} AND status = 'running'`).catch(
        () => {},
      );
    },
    Math.max(250, (seconds * 1000) / 4),
  );
  timer.unref?.();
  return () => {
    clearInterval(timer);
    active.delete(runId);
  };
}

export interface StaleFilter {
  countyCode?: string;
  period?: string;
  kind?: 'monthly' | 'incremental';
  /**
   * Every running row not active in this process, whatever its lease: only when this process is the
   * only one using the database (embedded PGlite behind the DATA_DIR lock, at start).
   */
  ignoreLease?: boolean;
}

/** Mark abandoned runs failed; returns their ids. */
export async function supersedeStaleRuns(
  db: Db,
  filter: StaleFilter = {},
  seconds = leaseSeconds(),
): Promise<number[]> {
  const mine = [...active];
  const rows = await queryRows<{ id: number }>(
    db,
    sql`UPDATE monitor_run SET status = 'failed', finished_at = now(), error = ${ABANDONED}
      WHERE status = 'running'
        AND NOT (id = ANY(${`{${mine.join(',')}}`}::bigint[]))
        ${filter.ignoreLease ? sql`` : sql`AND heartbeat_at < now() - make_interval(secs => ${seconds})`}
        ${filter.countyCode ? sql`AND county_code = ${filter.countyCode}` : sql``}
        ${filter.period ? sql`AND period = ${filter.period}` : sql``}
        ${filter.kind ? sql`AND kind = ${filter.kind}` : sql``}
      RETURNING id::int AS id`,
  );
  return rows.map((r) => r.id);
}
