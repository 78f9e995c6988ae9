// The social-assistance module's public API (兜底保障 linkage).
export { socialAssistanceRoutes } from './social-assistance.routes.ts';
export { createSocialAssistanceService, type SocialAssistanceService } from './social-assistance.service.ts';
export { socialIndicatorsProvider } from './social-assistance.indicators.ts';
