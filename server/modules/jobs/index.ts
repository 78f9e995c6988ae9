// The jobs module's public API: the service factory and the progress type long work reports through.
export { createJobsService, type JobProgress, type JobsService } from './jobs.service.ts';
