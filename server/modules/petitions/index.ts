// The petitions module's public API (涉贫舆情与信访 register): routes and service.
export { petitionsRoutes } from './petitions.routes.ts';
export { createPetitionsService, type PetitionsService } from './petitions.service.ts';
export { petitionsVillageSection } from './petitions.village.ts';
export { petitionsIndicatorsProvider } from './petitions.indicators.ts';
