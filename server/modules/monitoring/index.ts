// The monitoring module's public API for other modules (feeds, registry, clues, app, cli, main).
export { createMonitoringService, type MonitoringService, type ReevaluateTarget } from './monitoring.service.ts';
export { monitoringRoutes } from './monitoring.routes.ts';
export { startMonthlySchedule, type MonthlySchedule } from './monitoring.schedule.ts';
export { supersedeStaleRuns } from './monitoring.lease.ts';
export { monitorRunCommand, runWarningsExportCommand, warningsCommand } from './monitoring.cli.ts';
export type { WarningsHook, RunSummary } from './monitoring.run.ts';
export { RULES } from './rules/index.ts';
