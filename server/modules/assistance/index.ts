export { assistanceRoutes } from './assistance.routes.ts';
export { createAssistanceService, type AssistanceService } from './assistance.service.ts';
export { createReliefService, type ReliefService } from './relief.service.ts';
export { startObligationSchedule } from './assistance.schedule.ts';
export { assistanceSummaries } from './assistance.quality.ts';
export { unpairedMonitoredCount } from './assistance.todo.ts';
