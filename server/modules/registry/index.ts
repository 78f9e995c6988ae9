// The registry (农户台账) module's public API for other modules: the service factories and their types, and the
// guard other modules use to load a household in scope and to record a registry change in their transaction.
export { createRegistryService, type RegistryService } from './registry.service.ts';
export { createReviewService, type ReviewService } from './registry.review.ts';
export { loadHousehold, recordChange, requireOpenVillage } from './registry.guard.ts';
export { activeHouseholdsOf, findPersonsByHash } from './registry.repository.ts';
