// The social-pairing module's public API (社会力量帮扶): routes and service.
export { socialPairingRoutes } from './social-pairing.routes.ts';
export { createSocialPairingService, type SocialPairingService } from './social-pairing.service.ts';
export { socialPairingVillageSection } from './social-pairing.village.ts';
