import type { Db } from '#server/db/connect.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { history, save } from './collective-economy.entries.ts';
import { exportLedger } from './collective-economy.ledger.ts';
import type { CollectiveEconomyDeps } from './collective-economy.shared.ts';
import { list } from './collective-economy.villages.ts';

// 村集体经济 (沁发〔2021〕17号 §二(三)1 四是: 光伏电站收益“持续增加村集体经济收入”; §二(一)5 经营性资产收益; §三(一)
// 发展壮大脱贫村集体经济). A village's yearly collective income by source, entered by the village or its township;
// a correction supersedes the current entry (history kept). The list per year names the township totals and the
// villages below the weak line (parameter collective.weakIncomeFen: the plan names none, marked not found). The asset
// ledger's income of village-owned assets is shown beside the entered amounts (assets/index.ts villageAssetIncome).
// One factory composing the use cases: the list of a year (collective-economy.villages.ts), a village's entries
// (.entries.ts), the ledger export (.ledger.ts), what they share (.shared.ts).

export function createCollectiveEconomyService(db: Db) {
  const d: CollectiveEconomyDeps = { db };
  return {
    list: bindDeps(d, list),
    history: bindDeps(d, history),
    save: bindDeps(d, save),
    exportLedger: bindDeps(d, exportLedger),
  };
}

export type CollectiveEconomyService = ReturnType<typeof createCollectiveEconomyService>;
