// The village-points module's public API (积分制 and 积分超市): routes and service.
export { villagePointsRoutes } from './village-points.routes.ts';
export { createVillagePointsService, type VillagePointsService } from './village-points.service.ts';
export { pointsVillageSection } from './village-points.village.ts';
export { pointsIndicatorsProvider } from './village-points.indicators.ts';
