import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { qualityReportRow } from '#common/contracts/registry.ts';
import { periodOf } from '#common/domain/period.ts';
import type { Household, Member } from '#common/domain/registry/household.ts';
import {
  QUALITY_RULES,
  runQualityChecks,
  type AssistanceSummary,
  type QualityFinding,
  type QualityParams,
} from '#common/domain/registry/quality-checks.ts';
import { qualityParamsFrom } from '#common/domain/registry/quality-params.ts';
import type { Db } from '#server/db/connect.ts';
import { orgUnits } from '#server/db/schema/org.ts';
import { householdIncomes, households, memberships, persons } from '#server/db/schema/registry.ts';
import { inScope } from '#server/db/scope.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { countyOfActor } from '#server/lib/county.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { resolveAll } from '../params/index.ts';
import { incomeRowOf, memberFromRecord, toDomainHousehold } from './registry.mapping.ts';

// Data-quality findings (warnings, never refusals) for one household, and the per-village report staff use
// to clean data before the national submission. Every declared rule runs: thresholds are the policy
// parameters in force for the county and month, the monitoring line is the one of the household's income
// year, and measures and the 监测联系人 come from the assistance module (given as `AssistanceFacts` by server/app.ts: registry never imports assistance, which loads households through the registry).

/** The parameters in force for a county and month, with the yearly monitoring line looked up per income year. */
export interface QualitySetting {
  params: QualityParams;
  incomeFigure: 'net' | 'adjusted';
  lineFor(year: number): Promise<number | undefined>;
}

export async function qualitySetting(db: Db, countyCode: string, today: string): Promise<QualitySetting> {
  const resolved = await resolveAll(db, countyCode, periodOf(today));
  const lines = new Map<number, Promise<number | undefined>>();
  const lineFor = (year: number) => {
    if (!lines.has(year)) {
      lines.set(
        year,
        resolveAll(db, countyCode, `${year}-12`).then((r) => {
          const v = r['monitoring.incomeLineFen']?.value;
          return typeof v === 'number' ? v : undefined;
        }),
      );
    }
    return lines.get(year)!;
  };
  return {
    params: qualityParamsFrom((key) => resolved[key]?.value),
    incomeFigure: resolved['monitoring.incomeFigure']?.value === 'adjusted' ? 'adjusted' : 'net',
    lineFor,
  };
}

/** The assistance facts of a batch of households as of a day (the assistance module's `assistanceSummaries`). */
export type AssistanceFacts = (
  db: Db,
  householdIds: readonly number[],
  asOf: string,
) => Promise<Map<number, AssistanceSummary>>;

/** Without the assistance module wired in, no assistance facts are known. */
export const NO_ASSISTANCE_FACTS: AssistanceFacts = async () => new Map();

/** Runs every declared rule over one household with the setting and its assistance facts. */
export async function findQuality(
  setting: QualitySetting,
  household: Household,
  members: readonly Member[],
  assistance: AssistanceSummary | undefined,
  today: string,
): Promise<QualityFinding[]> {
  const incomeLineFen = household.income ? await setting.lineFor(household.income.year) : undefined;
  return runQualityChecks(household, members, {
    today,
    params: setting.params,
    incomeFigure: setting.incomeFigure,
    incomeLineFen,
    assistance,
  });
}

/** The household page's findings: the same rules and inputs as the report. */
export async function householdQuality(
  db: Db,
  countyCode: string,
  householdId: number,
  household: Household,
  members: readonly Member[],
  today: string,
  assistanceFacts: AssistanceFacts,
): Promise<QualityFinding[]> {
  const setting = await qualitySetting(db, countyCode, today);
  const assistance = (await assistanceFacts(db, [householdId], today)).get(householdId);
  return findQuality(setting, household, members, assistance, today);
}

type ReportRow = z.infer<typeof qualityReportRow>;
const BATCH = 500;

/** What the walk hands over for each open household in scope: its findings under every declared rule. */
export interface QualityVisit {
  householdId: number;
  householdNo: string;
  villageCode: string;
  villageName: string;
  findings: QualityFinding[];
}

/**
 * Walks the open households under `prefix` (within the actor's scope) by key range and runs every
 * declared rule on each: the one pass the per-village report, the households behind a rule and their
 * exports share.
 */
export async function walkQuality(
  db: Db,
  box: PersonalDataBox,
  ctx: RequestContext,
  today: string,
  assistanceFacts: AssistanceFacts,
  prefix: string,
  visit: (v: QualityVisit) => void,
): Promise<void> {
  requirePermission(ctx, 'registry:read');
  const setting = await qualitySetting(db, countyOfActor(ctx), today);
  let afterId = 0;
  for (;;) {
    const batch = await db
      .select({ household: households, villageName: orgUnits.name })
      .from(households)
      .innerJoin(orgUnits, eq(orgUnits.code, households.villageCode))
      .where(
        and(
          inScope(households.villageCode, ctx.actor),
          inScope(households.villageCode, { scopePrefix: prefix }),
          gt(households.id, afterId),
          isNull(households.closedOn),
        ),
      )
      .orderBy(asc(households.id))
      .limit(BATCH);
    if (batch.length === 0) break;
    afterId = batch[batch.length - 1].household.id;
    const ids = batch.map((b) => b.household.id);
    const idList = sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    );
    const members = await db
      .select({
        person: persons,
        householdId: memberships.householdId,
        membershipId: memberships.id,
        relationship: memberships.relationship,
        validFrom: memberships.validFrom,
      })
      .from(memberships)
      .innerJoin(persons, and(eq(persons.id, memberships.personId), eq(persons.countyCode, memberships.countyCode)))
      .where(and(sql`${memberships.householdId} IN (${idList})`, isNull(memberships.validTo)));
    const incomes = await db
      .selectDistinctOn([householdIncomes.householdId])
      .from(householdIncomes)
      .where(sql`${householdIncomes.householdId} IN (${idList})`)
      .orderBy(householdIncomes.householdId, sql`${householdIncomes.year} DESC`);
    const incomeOf = new Map(incomes.map((i) => [i.householdId, incomeRowOf(i)]));
    const assistance = await assistanceFacts(db, ids, today);
    for (const { household: h, villageName } of batch) {
      const own = members
        .filter((m) => m.householdId === h.id)
        .map((m) =>
          memberFromRecord(
            { ...m.person, membershipId: m.membershipId, relationship: m.relationship, validFrom: m.validFrom },
            box,
          ),
        );
      const domain = toDomainHousehold(
        h.householdNo,
        { ...h, phone: null },
        own,
        incomeOf.get(h.id) ?? null,
        h.wholeHouseholdNoLabour,
      );
      const findings = await findQuality(setting, domain, own, assistance.get(h.id), today);
      visit({ householdId: h.id, householdNo: h.householdNo, villageCode: h.villageCode, villageName, findings });
    }
  }
}

/** Counts findings per village over the households in scope (under `prefix`), every declared rule listed. */
export async function qualityReport(
  db: Db,
  box: PersonalDataBox,
  ctx: RequestContext,
  today: string,
  assistanceFacts: AssistanceFacts,
  prefix = '',
): Promise<ReportRow[]> {
  const noFindings = () => Object.fromEntries(QUALITY_RULES.map((r) => [r.code, 0]));
  const byVillage = new Map<string, ReportRow>();
  await walkQuality(db, box, ctx, today, assistanceFacts, prefix, ({ villageCode, villageName, findings }) => {
    const row = byVillage.get(villageCode) ?? {
      orgCode: villageCode,
      orgName: villageName,
      households: 0,
      householdsWithFindings: 0,
      errors: 0,
      warnings: 0,
      byRule: noFindings(),
    };
    row.households += 1;
    if (findings.length > 0) row.householdsWithFindings += 1;
    for (const f of findings) {
      row[f.severity === 'error' ? 'errors' : 'warnings'] += 1;
      row.byRule[f.rule] = (row.byRule[f.rule] ?? 0) + 1;
    }
    byVillage.set(villageCode, row);
  });
  return [...byVillage.values()].sort((a, b) => a.orgCode.localeCompare(b.orgCode));
}
