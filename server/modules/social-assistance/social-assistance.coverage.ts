import type { z } from 'zod';
import type { HouseholdBenefits, uncoveredQuery, UncoveredRow } from '#common/contracts/social-assistance.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import {
  hasLabour,
  memberCovered,
  uncoveredWithoutLabour,
  type BenefitSpell,
  type MemberFacts,
} from '#common/domain/social-assistance/rules.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { feedRecordsOfHouseholds } from '../feeds/index.ts';
import {
  candidatesWithoutLabour,
  entriesOf,
  householdOf,
  membersOf,
  type MemberRow,
  type Reach,
} from './social-assistance.repository.ts';
import { FEED_ITEMS, flag, reachOf, type Benefit, type SocialAssistanceDeps } from './social-assistance.shared.ts';

// Coverage: what each member of a household receives and whether the pure rule finds the household uncovered; the
// monitored households without labour not covered (all of them, and the list's page).

type Feeds = Awaited<ReturnType<typeof feedRecordsOfHouseholds>>;
type Entries = Awaited<ReturnType<typeof entriesOf>>;

/** One member's benefits: the registry's flags, the 民政 feed's records, the entries. */
function benefitsOf(m: MemberRow, personId: number, feeds: Feeds, entries: Entries): Benefit[] {
  const benefits: Benefit[] = [];
  if (m.minimum_living) benefits.push(flag('minimumLiving'));
  if (m.destitute_support) benefits.push(flag('destitute'));
  for (const f of feeds.filter((x) => x.personId === personId)) {
    const kind = FEED_ITEMS.find((i) => i.source === f.source && i.item === f.item)!.kind;
    const oneOff = kind === 'temporaryRelief';
    benefits.push({
      id: null,
      kind,
      source: 'feed',
      startOn: f.occurredOn,
      endOn: oneOff ? f.occurredOn : null,
      amountFen: f.amountFen,
      department: '民政局',
      note: null,
      version: null,
    });
  }
  for (const e of entries.filter((x) => x.personId === personId))
    benefits.push({
      id: e.id,
      kind: e.kind,
      source: 'manual',
      startOn: e.startOn,
      endOn: e.endOn,
      amountFen: e.amountFen,
      department: e.department,
      note: e.note,
      version: e.version,
    });
  return benefits;
}

/** Members with what they receive, and the facts of the pure rule, for the given households. */
async function factsOf({ db }: SocialAssistanceDeps, r: Reach, householdIds: number[]) {
  const members = await membersOf(db, r, householdIds);
  const entries = await entriesOf(db, householdIds);
  const feeds = await feedRecordsOfHouseholds(db, householdIds, FEED_ITEMS);
  return members.map((m) => {
    const personId = Number(m.person_id);
    const benefits = benefitsOf(m, personId, feeds, entries);
    const facts: MemberFacts = {
      labourSkill: m.labour_skill,
      minimumLiving: m.minimum_living,
      destituteSupport: m.destitute_support,
      benefits: benefits
        .filter((b) => b.source !== 'registry' && b.startOn !== null)
        .map((b): BenefitSpell => ({ kind: b.kind, startOn: b.startOn!, endOn: b.endOn })),
    };
    return { householdId: Number(m.household_id), personId, name: m.name, benefits, facts };
  });
}

export async function household(
  d: SocialAssistanceDeps,
  ctx: RequestContext,
  householdId: number,
): Promise<HouseholdBenefits> {
  requirePermission(ctx, 'assistance:read');
  const r = reachOf(ctx);
  const h = await householdOf(d.db, r, householdId);
  if (!h) throw AppError.notFound({ zh: '农户', en: 'Household' });
  const day = d.clock.today();
  const members = await factsOf(d, r, [householdId]);
  const monitored = h.monitoring_status === 'monitored';
  return {
    householdId,
    day,
    monitored,
    uncovered: uncoveredWithoutLabour({ monitored, members: members.map((m) => m.facts) }, day),
    members: members.map((m) => ({
      personId: m.personId,
      name: m.name,
      labourSkill: m.facts.labourSkill,
      hasLabour: hasLabour(m.facts),
      covered: memberCovered(m.facts, day),
      benefits: m.benefits,
    })),
  };
}

export async function uncoveredAll(
  d: SocialAssistanceDeps,
  ctx: RequestContext,
  orgCode: string | undefined,
): Promise<UncoveredRow[]> {
  requirePermission(ctx, 'assistance:read');
  if (orgCode) requireInScope(ctx, orgCode);
  const r = reachOf(ctx);
  const candidates = await candidatesWithoutLabour(d.db, r, orgFilterPrefix(orgCode));
  const facts = await factsOf(
    d,
    r,
    candidates.map((c) => Number(c.id)),
  );
  const day = d.clock.today();
  return candidates
    .filter((c) =>
      uncoveredWithoutLabour(
        { monitored: true, members: facts.filter((m) => m.householdId === Number(c.id)).map((m) => m.facts) },
        day,
      ),
    )
    .map((c) => ({
      householdId: Number(c.id),
      householdNo: c.household_no,
      headName: c.head_name,
      villageCode: c.village_code,
      villageName: c.village_name,
      members: facts.filter((m) => m.householdId === Number(c.id)).length,
      monitoringType: c.monitoring_type,
      riskTypes: c.risk_types ?? [],
    }));
}

/** The list's page: the rule runs over the candidates, then the page is cut (total = every flagged household). */
export async function uncovered(d: SocialAssistanceDeps, ctx: RequestContext, q: z.infer<typeof uncoveredQuery>) {
  const all = await uncoveredAll(d, ctx, q.orgCode);
  const key = q.sort ?? 'village';
  const sorted = [...all].sort((a, b) => {
    const x = key === 'village' ? a.villageCode + a.householdNo : a.householdNo;
    const y = key === 'village' ? b.villageCode + b.householdNo : b.householdNo;
    return (x < y ? -1 : x > y ? 1 : 0) * (q.order === 'desc' ? -1 : 1);
  });
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return { items: sorted.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
}
