// The feeds (部门数据) module's public API: the service factory and its type, the CSV reader the registry's
// import shares, and the months a feed has not been sent (workbench).
export { createFeedsService, type FeedsService } from './feeds.service.ts';
export { readCsvRows } from './csv-reader.ts';
export { monthsWithoutBatch } from './feeds.due.ts';
export { feedRecordsOfHouseholds, type MemberFeedRecord } from './feeds.read.ts';
