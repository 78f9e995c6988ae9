import { jobDto, jobIdParams } from '#common/contracts/jobs.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { JobsService } from './jobs.service.ts';

const tags = ['jobs'];

export function jobsRoutes(app: App, jobs: JobsService): void {
  app.get(
    '/api/jobs/:id',
    { schema: { tags, summary: '后台任务进度与结果', params: jobIdParams, response: { 200: jobDto } } },
    async (req) => {
      const job = await jobs.get(requireCtx(req), req.params.id);
      return {
        id: job.id,
        kind: job.kind,
        status: job.status,
        message: job.message,
        done: job.done,
        total: job.total,
        result: job.result ?? null,
        error: job.error ?? null,
        startedAt: job.startedAt.toISOString(),
        finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
      };
    },
  );
}
