import { addDays, type ObligationCode } from '#common/domain/assistance/obligations.ts';
import { recommendMeasures } from '#common/domain/assistance/recommend.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { countyOfActor } from '#server/lib/county.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import type { Reach } from './assistance.reach.ts';
import {
  params,
  reachOf,
  readableHousehold,
  today,
  toMeasureRow,
  toPairingRow,
  withAttachments,
  type AssistanceDeps,
} from './assistance.shared.ts';
import { listMeasures } from './measures.repository.ts';
import { obligationsAsOf } from './obligations.repository.ts';
import { listPairings } from './pairings.repository.ts';
import { recentVisitsBy, visitsOfHousehold, workspaceHouseholds } from './workspace.repository.ts';

// A household's assistance tab (pairings, measures, open obligations, 精准施策 recommendations, visits) and the
// cadre workspace (his paired households, visits due, his recent visits).

type HouseholdFacts = Awaited<ReturnType<typeof readableHousehold>>;
type MeasureRow = ReturnType<typeof toMeasureRow>;

/** What to add for a monitored household: by its risks and labour, less the categories already under way. */
function recommendationsFor(f: HouseholdFacts, measureList: MeasureRow[]) {
  if (f.monitoring_status !== 'monitored') return [];
  return recommendMeasures({
    risks: f.risk_types,
    labourCapableMembers: f.labour_capable,
    wholeHouseholdNoLabour: f.whole_household_no_labour,
    existingCategories: measureList
      .filter((m) => m.status === 'ongoing' || m.status === 'completed')
      .map((m) => m.category),
  });
}

const householdHeader = (f: HouseholdFacts) => ({
  id: Number(f.id),
  householdNo: f.household_no,
  headName: f.head_name,
  villageCode: f.village_code,
  villageName: f.village_name,
  monitoringStatus: f.monitoring_status,
  monitoringType: f.monitoring_type,
  identificationPeriod: f.identification_period,
  eliminationPeriod: f.elimination_period,
  riskTypes: f.risk_types,
  labourCapableMembers: f.labour_capable,
  wholeHouseholdNoLabour: f.whole_household_no_labour,
});

const toVisit = (v: Awaited<ReturnType<typeof visitsOfHousehold>>[number]) => ({
  id: Number(v.id),
  visitedOn: v.visited_on,
  visitorName: v.visitor_name,
  findings: v.findings,
  riskFound: v.risk_found,
  riskTypes: v.risk_types,
});

export async function household(d: AssistanceDeps, ctx: RequestContext, householdId: number) {
  requirePermission(ctx, 'assistance:read');
  const f = await readableHousehold(d, ctx, householdId);
  const asOf = today(d);
  const { months } = await params(d, f.county_code, asOf);
  const r = reachOf(ctx);
  const [pairingRows, measureRows, obligationRows, visitRows] = [
    await listPairings(d.db, r, { householdId, activeOnly: false }, { page: 1, pageSize: 500 }),
    await listMeasures(d.db, r, { householdId, limit: 500 }),
    await obligationsAsOf(d.db, r, asOf, months, { householdId, limit: 100 }),
    await visitsOfHousehold(d.db, householdId),
  ];
  const measureList = await withAttachments(d, ctx, measureRows.map(toMeasureRow));
  return {
    household: householdHeader(f),
    pairings: pairingRows.map(toPairingRow),
    measures: measureList,
    obligations: obligationRows.map((o) => ({
      code: o.code,
      dueOn: o.due_on,
      riskType: o.risk_type,
      measureId: o.measure_id === null ? null : Number(o.measure_id),
    })),
    recommendations: recommendationsFor(f, measureList),
    visits: visitRows.map(toVisit),
  };
}

/** The open obligation codes of each of the cadre's households, as of the day. */
async function obligationsByHousehold(
  d: AssistanceDeps,
  mine: Reach,
  asOf: string,
  months: Parameters<typeof obligationsAsOf>[3],
) {
  const obligations = await obligationsAsOf(d.db, mine, asOf, months, { limit: 10_000 });
  const byHousehold = new Map<number, Set<ObligationCode>>();
  for (const o of obligations)
    byHousehold.set(Number(o.household_id), (byHousehold.get(Number(o.household_id)) ?? new Set()).add(o.code));
  return byHousehold;
}

function toWorkspaceHousehold(
  r: Awaited<ReturnType<typeof workspaceHouseholds>>[number],
  p: { asOf: string; visitIntervalDays: number; byHousehold: Map<number, Set<ObligationCode>> },
) {
  const visitDueOn = r.last_visit_on ? addDays(r.last_visit_on, p.visitIntervalDays) : r.paired_since;
  return {
    householdId: Number(r.household_id),
    householdNo: r.household_no,
    headName: r.head_name,
    villageName: r.village_name,
    monitoringStatus: r.monitoring_status,
    kind: r.kind,
    riskTypes: r.risk_types,
    openClues: r.open_clues,
    lastVisitOn: r.last_visit_on,
    visitDueOn,
    visitDue: visitDueOn <= p.asOf,
    obligations: [...(p.byHousehold.get(Number(r.household_id)) ?? [])],
    pairedSince: r.paired_since,
  };
}

export async function workspace(d: AssistanceDeps, ctx: RequestContext) {
  requirePermission(ctx, 'assistance:read');
  const asOf = today(d);
  const { months, visitIntervalDays } = await params(d, countyOfActor(ctx), asOf);
  const mine: Reach = { scopePrefix: ctx.actor.scopePrefix, cadreUserId: ctx.actor.id };
  const rows = await workspaceHouseholds(d.db, ctx.actor.id);
  const byHousehold = await obligationsByHousehold(d, mine, asOf, months);
  const households = rows.map((r) => toWorkspaceHousehold(r, { asOf, visitIntervalDays, byHousehold }));
  households.sort((a, b) => Number(b.visitDue) - Number(a.visitDue) || a.visitDueOn.localeCompare(b.visitDueOn));
  const recentVisits = (await recentVisitsBy(d.db, ctx.actor.id)).map((v) => ({
    id: Number(v.id),
    householdId: Number(v.household_id),
    householdNo: v.household_no,
    visitedOn: v.visited_on,
    findings: v.findings,
    riskFound: v.risk_found,
  }));
  return { cadreName: ctx.actor.displayName, asOf, visitIntervalDays, households, recentVisits };
}
