// The assets (扶贫项目资产) module's public API: the service factory and its type, and forming the asset of a
// completed project (projects call it inside the completing transaction).
export { createAssetsService, type AssetsService } from './assets.service.ts';
export { formAssetsOfProject } from './assets.forming.ts';
export { villageAssetIncome, type VillageAssetIncome } from './assets.village-income.ts';
