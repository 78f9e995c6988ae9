import type { Db } from '#server/db/connect.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { dispose, recordIncome, setCustody } from './assets.operate.ts';
import { all, get, list, totals } from './assets.read.ts';
import { create } from './assets.register.ts';
import type { AssetsDeps } from './assets.shared.ts';

// The asset ledger (扶贫项目资产台账, policy-rules §5). The county 总账 and the township/village 明细台账 are
// the same rows seen through the caller's scope. Income of operating assets is distributed by a decided
// 四议两公开 record of the asset's village; disposal records the proceeds, which go back to the owner.
// One factory composing the use cases: reading the ledger (assets.read.ts), registering an asset (.register.ts),
// custody, income and disposal (.operate.ts), what they share (.shared.ts).

export { filterOf, toAssetRow } from './assets.shared.ts';

export function createAssetsService(db: Db) {
  const d: AssetsDeps = { db };
  return {
    list: bindDeps(d, list),
    all: bindDeps(d, all),
    totals: bindDeps(d, totals),
    get: bindDeps(d, get),
    create: bindDeps(d, create),
    setCustody: bindDeps(d, setCustody),
    recordIncome: bindDeps(d, recordIncome),
    dispose: bindDeps(d, dispose),
  };
}

export type AssetsService = ReturnType<typeof createAssetsService>;
