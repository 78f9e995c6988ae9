// The 重点帮扶村 and 示范村 module's public API (issue 15 item 1): routes and the service factory. What others read of a
// decision they read where it is written: the indicators' groups KEY_VILLAGE / DEMO_VILLAGE, the resident teams'
// 重点帮扶村 flag.
export { keyVillagesRoutes } from './key-villages.routes.ts';
export { createKeyVillagesService, type KeyVillagesService } from './key-villages.service.ts';
export { keyVillageVillageSection } from './key-villages.village.ts';
