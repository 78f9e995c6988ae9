import type { Db } from '#server/db/connect.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { allocate, allocations } from './funds.allocations.ts';
import { assign, assignments } from './funds.assignments.ts';
import { checks } from './funds.checks.ts';
import { disburse, disbursements } from './funds.disbursements.ts';
import type { FundsDeps, FundsUseCaseDeps } from './funds.shared.ts';

// Linkage funds (衔接资金): allocations are county-level (county roles write them); assignments and
// disbursements are scoped by the project's unit. Balances never go negative (conditional UPDATE + CHECK).
// One factory composing the use cases: allocations (funds.allocations.ts), assignments (.assignments.ts),
// disbursements (.disbursements.ts), the fund-rule checks (.checks.ts), what they share (.shared.ts).

export { fundChecks } from './funds.checks.ts';
export type { FundsDeps } from './funds.shared.ts';

export function createFundsService(db: Db, { findProject }: FundsDeps) {
  const d: FundsUseCaseDeps = { db, findProject };
  return {
    allocations: bindDeps(d, allocations),
    allocate: bindDeps(d, allocate),
    assignments: bindDeps(d, assignments),
    assign: bindDeps(d, assign),
    disbursements: bindDeps(d, disbursements),
    disburse: bindDeps(d, disburse),
    checks: bindDeps(d, checks),
  };
}

export type FundsService = ReturnType<typeof createFundsService>;
