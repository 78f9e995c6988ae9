// The registry (农户台账) module's public API for other modules: the service factories and their types, and the
// guard other modules use to load a household in scope and to record a registry change in their transaction.
export { createRegistryService, type RegistryService } from './registry.service.ts';
export { createReviewService, type ReviewService } from './registry.review.ts';
export { loadHousehold, recordChange, requireOpenVillage } from './registry.guard.ts';
export { activeHouseholdsOf, findPersonsByHash } from './registry.repository.ts';
// The household's monitoring fields, set by a case's 公告 in the case's transaction (the one write of another module).
export { setHouseholdMonitoring, type MonitoringFields } from './registry.monitoring.ts';
// Programme ledgers' writes: a paid 防贫保险 claim into 理赔收入; the 公益岗位 flag on a person (registry.programmes.ts).
export {
  addInsurancePayout,
  insurancePayoutOf,
  setPublicWelfarePost,
  type PayoutApplied,
} from './registry.programmes.ts';
// 脱贫人口 per village (the key-village score's 脱贫人口规模).
export { alleviatedPeopleByVillage } from './registry.village-figures.ts';
