// The 消费帮扶 module's public API (issue 15 item 4): routes and the service factory.
export { consumerAssistanceRoutes } from './consumer-assistance.routes.ts';
export { createConsumerAssistanceService, type ConsumerAssistanceService } from './consumer-assistance.service.ts';
export { consumerVillageSection } from './consumer-assistance.village.ts';
export { consumerIndicatorsProvider } from './consumer-assistance.indicators.ts';
