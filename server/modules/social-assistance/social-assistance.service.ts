import type { Db } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { addBenefit, end } from './social-assistance.benefits.ts';
import { household, uncovered, uncoveredAll } from './social-assistance.coverage.ts';
import { prepareUncoveredExport } from './social-assistance.ledger.ts';
import type { SocialAssistanceDeps } from './social-assistance.shared.ts';

// 兜底保障 linkage (沁发〔2021〕17号 §二(三)5, §二(三)4 二是, §二(二)1): what each member receives from the registry's
// 低保/特困 flags, the 民政 feed (纳入低保, 纳入特困, 临时救助) and entries; the list of monitored households without
// labour not covered (the pure rule of common/domain/social-assistance).
// One factory composing the use cases: coverage (social-assistance.coverage.ts), entries (.benefits.ts), the export
// (.ledger.ts), what they share (.shared.ts).

export { KIND_ZH } from './social-assistance.shared.ts';

export function createSocialAssistanceService(
  db: Db,
  clock: { today: () => string } = { today: () => todayInChina() },
) {
  const d: SocialAssistanceDeps = { db, clock };
  return {
    household: bindDeps(d, household),
    uncovered: bindDeps(d, uncovered),
    uncoveredAll: bindDeps(d, uncoveredAll),
    prepareUncoveredExport: bindDeps(d, prepareUncoveredExport),
    addBenefit: bindDeps(d, addBenefit),
    end: bindDeps(d, end),
  };
}
export type SocialAssistanceService = ReturnType<typeof createSocialAssistanceService>;
