// The analysis module's public API (issue 19): policy what-if scenarios and the deprivation view.
export { createWhatIfService, type WhatIfService } from './whatif.service.ts';
export { createDeprivationService, type DeprivationService } from './deprivation.service.ts';
export { analysisRoutes } from './analysis.routes.ts';
