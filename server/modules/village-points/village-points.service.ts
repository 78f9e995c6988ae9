import type { Db } from '#server/db/connect.ts';
import { systemClock, type Clock } from '#server/lib/clock.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { award, listAwards } from './village-points.awards.ts';
import { createRule, listRules } from './village-points.items.ts';
import { exportLedger, ranking } from './village-points.ledger.ts';
import type { PointsDeps } from './village-points.shared.ts';
import { balance, listRedemptions, redeem } from './village-points.shop.ts';

// 积分制 and 移风易俗 (沁发〔2021〕17号 二(三)6 二是 “综合运用积分制…开展移风易俗”; policy-rules.md §8: “以表现换积分、以积分
// 换物品”, no national schedule — each village's own items). One factory composing the use cases: the items adopted by
// a decided 四议两公开 (village-points.items.ts), awards (village-points.awards.ts), the 积分超市 and balances
// (village-points.shop.ts), the ranking and the ledger (village-points.ledger.ts), what they share
// (village-points.shared.ts). Every write audited.

export function createVillagePointsService(db: Db, clock: Clock = systemClock) {
  const d: PointsDeps = { db, clock };
  return {
    listRules: bindDeps(d, listRules),
    createRule: bindDeps(d, createRule),
    listAwards: bindDeps(d, listAwards),
    award: bindDeps(d, award),
    listRedemptions: bindDeps(d, listRedemptions),
    redeem: bindDeps(d, redeem),
    balance: bindDeps(d, balance),
    ranking: bindDeps(d, ranking),
    exportLedger: bindDeps(d, exportLedger),
  };
}

export type VillagePointsService = ReturnType<typeof createVillagePointsService>;
