// The 小额信贷 module's public API (issue 14 item 3): routes and the service factory.
export { microloansRoutes } from './microloans.routes.ts';
export { createMicroloansService, type MicroloansService } from './microloans.service.ts';
export { microloansIndicatorsProvider } from './microloans.indicators.ts';
