export { createIndicatorsService, type IndicatorsService } from './indicators.service.ts';
export { createAssessmentService, type AssessmentService } from './assessment.service.ts';
export { indicatorsRoutes } from './indicators.routes.ts';
export { seedIndicatorMetadata, loadDemoIndicatorValues } from './indicators.seed.ts';
// The one write of indicator_org_group from outside: a key-village decision replaces KEY_VILLAGE / DEMO_VILLAGE.
export { replaceOrgGroup } from './indicators.repository.ts';
