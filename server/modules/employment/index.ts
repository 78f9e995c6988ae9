// The employment module's public API (就业与培训): routes, service, the figures other modules may read.
export { employmentRoutes } from './employment.routes.ts';
export { createEmploymentService, type EmploymentService } from './employment.service.ts';
export { stableEmploymentOfHouseholds, type MemberEmployment } from './employment.stable.ts';
export { employmentIndicatorsProvider } from './employment.indicators.ts';
export { jobLossSql } from './employment.job-loss.ts';
