import type { HouseholdBenefits } from '#common/contracts/social-assistance.ts';
import type { BenefitKind } from '#common/domain/social-assistance/rules.ts';
import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { Reach } from './social-assistance.repository.ts';

// What the 兜底保障 use cases share (social-assistance.coverage.ts, .benefits.ts, .ledger.ts): the deps, the 民政
// feed items read as benefits, the kinds' Chinese names, the actor's reach, a benefit from a registry flag.

export interface SocialAssistanceDeps {
  db: Db;
  clock: { today: () => string };
}

export const FEED_ITEMS: { source: string; item: string; kind: BenefitKind }[] = [
  { source: 'civil', item: 'minimumLiving', kind: 'minimumLiving' },
  { source: 'civil', item: 'destituteSupport', kind: 'destitute' },
  { source: 'civil', item: 'temporaryRelief', kind: 'temporaryRelief' },
];
export const KIND_ZH: Record<BenefitKind, string> = {
  minimumLiving: '低保',
  destitute: '特困供养',
  singlePerson: '单人保',
  temporaryRelief: '临时救助',
  disabilityAllowance: '残疾人两项补贴',
  medicalPremium: '医保参保资助',
  pensionContribution: '补充养老保险代缴',
};

export const reachOf = (ctx: RequestContext): Reach => ({
  scopePrefix: ctx.actor.scopePrefix,
  cadreUserId: ctx.actor.role === 'cadre' ? ctx.actor.id : null,
});

export type Benefit = HouseholdBenefits['members'][number]['benefits'][number];

/** A benefit the registry's 低保/特困 flag shows (no dates, amount or department). */
export function flag(kind: BenefitKind): Benefit {
  return {
    id: null,
    kind,
    source: 'registry',
    startOn: null,
    endOn: null,
    amountFen: null,
    department: null,
    note: null,
    version: null,
  };
}
