import type { Db } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { correctEntry, endEntry } from './relocation.changes.ts';
import { addRelocated, household, listRelocated } from './relocation.households.ts';
import { importTemplate, prepareRelocatedExport } from './relocation.ledger.ts';
import { importList } from './relocation.list-import.ts';
import type { RelocationDeps } from './relocation.shared.ts';
import { createSite, listSitesPage } from './relocation.sites.ts';

export { decodeEndReason, encodeEndReason, STATUS_ZH } from './relocation.shared.ts';

// 易地扶贫搬迁后续扶持 (沁发〔2021〕17号 §二(一)4): 安置点, the households relocated into them, and the check
// "确保有劳动能力的搬迁家庭每户至少一人稳定就业" over the employment ledger (employment module, its parameters
// employment.stableMonths of employment.stableWindowMonths). Permission, scope, one transaction with audit per write.
// One factory composing the use cases: sites (relocation.sites.ts), relocated households and the check
// (relocation.households.ts), end and correct (relocation.changes.ts), the export and the list's layout
// (relocation.ledger.ts), the 搬迁户名单 import (relocation.list-import.ts), what they share (relocation.shared.ts).

export function createRelocationService(
  db: Db,
  box: PersonalDataBox,
  clock: { today: () => string } = { today: () => todayInChina() },
) {
  const d: RelocationDeps = { db, box, clock };
  return {
    listSitesPage: bindDeps(d, listSitesPage),
    createSite: bindDeps(d, createSite),
    listRelocated: bindDeps(d, listRelocated),
    prepareRelocatedExport: bindDeps(d, prepareRelocatedExport),
    addRelocated: bindDeps(d, addRelocated),
    household: bindDeps(d, household),
    endEntry: bindDeps(d, endEntry),
    correctEntry: bindDeps(d, correctEntry),
    importList: bindDeps(d, importList),
    importTemplate: bindDeps(d, importTemplate),
  };
}
export type RelocationService = ReturnType<typeof createRelocationService>;
