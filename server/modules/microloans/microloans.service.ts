import type { Db } from '#server/db/connect.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { systemClock, type Clock } from '#server/lib/clock.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { exportLoans, importLoans, importTemplate } from './microloans.ledger.ts';
import { create, get, household, list } from './microloans.loans.ts';
import { renew } from './microloans.renewals.ts';
import { paySubsidy, quoteSubsidy, repay } from './microloans.repayments.ts';
import type { MicroloansDeps } from './microloans.shared.ts';

// 脱贫人口小额信贷 (沁发〔2021〕17号 §三(六): 5万元以下贷款给予财政贴息; policy-rules §4.3, 2021 four-agency notice).
// A loan to a 脱贫 or monitored household passes the pure rules (common/domain/microloans/rules.ts) with the
// parameters in force on its issue date (`microloan.maxAmountFen`, `microloan.maxTermMonths`; per household: the
// principal still owed on its other loans counts). Repayments and subsidies paid are events (history kept); the
// subsidy of a period is computed on the server (interest on the principal owed each day × `microloan.interestSubsidyShare`,
// days ÷ `microloan.dayCountBasis`), never typed in. A renewal (展期/续贷) closes the loan as `renewed` and opens a
// new row pointing at it. Every write is audited in its transaction.
// One factory composing the use cases: loans (microloans.loans.ts), repayments and subsidies (.repayments.ts),
// renewals (.renewals.ts), the ledger export and the bank-sheet import (.ledger.ts), what they share (.shared.ts).

export function createMicroloansService(db: Db, box: PersonalDataBox, clock: Clock = systemClock) {
  const d: MicroloansDeps = { db, box, clock };
  return {
    list: bindDeps(d, list),
    get: bindDeps(d, get),
    create: bindDeps(d, create),
    repay: bindDeps(d, repay),
    quoteSubsidy: bindDeps(d, quoteSubsidy),
    paySubsidy: bindDeps(d, paySubsidy),
    renew: bindDeps(d, renew),
    household: bindDeps(d, household),
    exportLoans: bindDeps(d, exportLoans),
    importLoans: bindDeps(d, importLoans),
    importTemplate: bindDeps(d, importTemplate),
  };
}

export type MicroloansService = ReturnType<typeof createMicroloansService>;
