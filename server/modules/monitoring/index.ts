// The monitoring module's public API for other modules (feeds, registry, clues, app, cli, main).
export { createMonitoringService, type MonitoringService, type ReevaluateTarget } from './monitoring.service.ts';
export { monitoringRoutes } from './monitoring.routes.ts';
export { startMonthlySchedule, type MonthlySchedule } from './monitoring.schedule.ts';
export { supersedeStaleRuns } from './monitoring.lease.ts';
export { monitorFactsCommand, monitorRunCommand, runWarningsExportCommand, warningsCommand } from './monitoring.cli.ts';
export type { WarningsHook, RunSummary } from './monitoring.run.ts';
export { RULES } from './rules/index.ts';
// The engine's sandbox path for the analysis module's what-if (evaluates, writes nothing of monitoring's).
export { evaluateOnly, evaluationCtes, withBatchSettings, type EvaluationScope } from './monitoring.engine.ts';
export { ruleContext, paramsUsed } from './monitoring.run.ts';
export { RULE_PARAMS, type Rule, type RuleContext } from './rules/index.ts';
export { openOrFindClue, addSignal } from './clues.repository.ts';
// The clue a case was started from: found, its warnings marked handled and closed by the case, in its transaction.
export { closeClueByCase, findClueForCase, markClueWarningsHandled } from './clues.repository.ts';
export { incomeFigure, perCapita, withinRangeSql } from './rules/income.ts';
// 舆情信访研判 from the petitions register: a concerned household's clue(s), channel petition, in the caller's transaction.
export { openPetitionClues } from './channels.service.ts';
