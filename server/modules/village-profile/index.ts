// The village-profile module's public API (村情, the cockpit's village view): routes, service, the provider type.
export { villageProfileRoutes } from './village-profile.routes.ts';
export { createVillageProfileService, type VillageProfileService } from './village-profile.service.ts';
export type { VillageSectionProvider } from './village-profile.types.ts';
