import type { Db } from '#server/db/connect.ts';
import { systemClock, type Clock } from '#server/lib/clock.ts';
import { createReliefApplicationOps } from './relief.applications.ts';
import { createReliefFundOps } from './relief.funds.ts';
import { createReliefLedgerOps } from './relief.ledger.ts';
import { createReliefShared } from './relief.shared.ts';

// 应急救助基金 (seed §二(一)2: 对突发事件导致家庭出现临时性困难的农户及时紧急救助) and the township
// 临时救助备用金 (§4.3, 先行救助). Income, applications, approval by the role whose scope holds the
// fund, disbursement. The balance never goes negative: conditional UPDATE + CHECK in the database.
// One factory composing the use cases: funds (relief.funds.ts), applications (relief.applications.ts) and the
// ledger export (relief.ledger.ts); SQL in relief.repository.ts.

export function createReliefService(db: Db, clock: Clock = systemClock) {
  const shared = createReliefShared(db, clock);
  const { funds, fund, createFund, income } = createReliefFundOps(db, shared);
  const { apply, application, applications, decide, disburse } = createReliefApplicationOps(db, shared);
  const { prepareLedger } = createReliefLedgerOps(db, shared);
  return { funds, fund, createFund, income, apply, application, applications, decide, disburse, prepareLedger };
}

export type ReliefService = ReturnType<typeof createReliefService>;
