export { createIndicatorsService, type IndicatorsService } from './indicators.service.ts';
export { createAssessmentService, type AssessmentService } from './assessment.service.ts';
export { indicatorsRoutes } from './indicators.routes.ts';
export { seedIndicatorMetadata, loadDemoIndicatorValues } from './indicators.seed.ts';
