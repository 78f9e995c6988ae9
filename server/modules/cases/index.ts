// The cases (识别认定 / 风险消除) module's public API: the service factory and its type, and the reports
// (due, zeroing) the workbench counts from.
export { createCasesService, type CasesService } from './cases.service.ts';
export { createCaseReports, type CaseReports } from './cases.reports.ts';
