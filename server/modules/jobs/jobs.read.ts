import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { findJobInScope } from './jobs.repository.ts';
import type { JobRecord, JobsDeps } from './jobs.shared.ts';

/** A job's result may list another person's rows: only its starter (or a county administrator) reads it. */
export async function get(d: JobsDeps, ctx: RequestContext, id: number): Promise<JobRecord> {
  const row = await findJobInScope(d.db, id, ctx.actor);
  const mayRead = row && (row.actorId === (ctx.actor.id || null) || ctx.actor.role === 'countyAdmin');
  if (!mayRead) throw AppError.notFound({ zh: '任务', en: 'Job' });
  return row;
}
