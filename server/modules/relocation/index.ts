// The relocation module's public API (易地扶贫搬迁后续扶持): routes and the service factory.
export { relocationRoutes } from './relocation.routes.ts';
export { createRelocationService, type RelocationService } from './relocation.service.ts';
export { siteVillages } from './relocation.repository.ts';
export { relocationIndicatorsProvider } from './relocation.indicators.ts';
