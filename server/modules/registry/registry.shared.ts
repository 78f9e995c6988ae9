import type { z } from 'zod';
import type { CreateHouseholdRequest, householdSearchQuery, MonitoringField } from '#common/contracts/registry.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import type { AssistanceFacts } from './registry.quality.ts';

// What the 农户台账 use cases share (registry.households.ts, registry.edits.ts): the deps the factory builds once,
// the query and input types, the stale-version error.

export interface RegistryDeps {
  db: Db;
  box: PersonalDataBox;
  /** The county's day (China time) from the service's clock. */
  today: () => string;
  /** Tells the rest of the system about committed changes (registry.hooks.ts). */
  changed: (ctx: RequestContext, householdIds: number[]) => Promise<void>;
  assistanceFacts: AssistanceFacts;
}

export type SearchQuery = z.infer<typeof householdSearchQuery>;
/** A new household's facts and people, without the monitoring status. */
export type NewHousehold = Omit<CreateHouseholdRequest, MonitoringField>;
/** Where a new household's monitoring status comes from: the national system's export (imported history). */
export interface MonitoringOrigin {
  action: 'importNational';
  reason: string;
}

export function staleVersion(): AppError {
  return new AppError(
    'CONFLICT',
    { zh: '该户已被他人修改，请刷新后重试', en: 'The household was changed by someone else; reload and try again' },
    [{ field: 'version', messageZh: '数据已过期', messageEn: 'Stale version' }],
  );
}
