import type { Database } from './db/connect.ts';
import { seedPolicyParams } from './modules/params/params.service.ts';
import { seedIndicatorMetadata } from './modules/indicators/indicators.seed.ts';

/** What every database needs before use: the schema, and the documented policy defaults. */
export async function prepareDatabase(database: Database): Promise<void> {
  await database.migrate();
  await seedPolicyParams(database.db);
  await seedIndicatorMetadata(database.db);
}
