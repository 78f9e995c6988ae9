// The 防贫保险 module's public API (issue 14 item 4): routes and the service factory.
export { insuranceRoutes } from './insurance.routes.ts';
export { createInsuranceService, type InsuranceService } from './insurance.service.ts';
export { insuranceIndicatorsProvider } from './insurance.indicators.ts';
