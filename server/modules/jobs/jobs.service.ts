import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { get } from './jobs.read.ts';
import { start } from './jobs.run.ts';
import type { JobLogger, JobProgress, JobsDeps } from './jobs.shared.ts';

// Background jobs (architecture rule 9). One factory composing the use cases: running a job (jobs.run.ts), reading
// one (jobs.read.ts); the sweep of jobs whose process died (jobs.sweep.ts); what they share (jobs.shared.ts).

export {
  INTERRUPTED,
  STOPPED,
  THIS_OWNER,
  type JobEnd,
  type JobLogger,
  type JobProgress,
  type JobRecord,
} from './jobs.shared.ts';
export { failInterruptedJobs } from './jobs.sweep.ts';

export function createJobsService(db: Db, initialLogger: JobLogger = () => {}) {
  const d: JobsDeps = { db, logger: initialLogger };
  return {
    start: <T>(ctx: RequestContext, kind: string, work: (progress: JobProgress, jobId: number) => Promise<T>) =>
      start(d, ctx, kind, work),
    get: bindDeps(d, get),
    /** Where job ends are logged (the server's logger; set once it exists). */
    setLogger(next: JobLogger): void {
      d.logger = next;
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
