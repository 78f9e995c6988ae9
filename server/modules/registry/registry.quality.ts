import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { qualityReportRow } from '../../../common/contracts/registry.ts';
import type { Household, Member } from '../../../common/domain/registry/household.ts';
import { DEFAULT_QUALITY_PARAMS, runQualityChecks, type QualityFinding } from '../../../common/domain/registry/quality-checks.ts';
import type { Db } from '../../db/connect.ts';
import { orgUnits } from '../../db/schema/org.ts';
import { householdIncomes, households, memberships, persons } from '../../db/schema/registry.ts';
import { inScope } from '../../db/scope.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { PersonalDataBox } from '../../lib/crypto.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { incomeRowOf, memberFromRecord, toDomainHousehold } from './registry.mapping.ts';

// Data-quality findings (warnings, never refusals) for one household, and the per-village report
// staff use to clean data before the national submission.

/** Thresholds are the documented defaults until the policy-parameter table supplies them. */
export function findQuality(household: Household, members: Member[], today: string): QualityFinding[] {
  return runQualityChecks(household, members, { today, params: DEFAULT_QUALITY_PARAMS });
}

type ReportRow = z.infer<typeof qualityReportRow>;
const BATCH = 500;

/** Walks the households in scope by key range and counts findings per village. */
export async function qualityReport(db: Db, box: PersonalDataBox, ctx: RequestContext, today: string): Promise<ReportRow[]> {
  requirePermission(ctx, 'registry:read');
  const byVillage = new Map<string, ReportRow>();
  let afterId = 0;
  for (;;) {
    const batch = await db
      .select({ household: households, villageName: orgUnits.name })
      .from(households)
      .innerJoin(orgUnits, eq(orgUnits.code, households.villageCode))
      .where(and(inScope(households.villageCode, ctx.actor), gt(households.id, afterId), isNull(households.closedOn)))
      .orderBy(asc(households.id))
      .limit(BATCH);
    if (batch.length === 0) break;
    afterId = batch[batch.length - 1].household.id;
    const ids = batch.map((b) => b.household.id);
    const idList = sql.join(ids.map((id) => sql`${id}`), sql`, `);
    const members = await db
      .select({ person: persons, householdId: memberships.householdId, membershipId: memberships.id, relationship: memberships.relationship, validFrom: memberships.validFrom })
      .from(memberships)
      .innerJoin(persons, eq(persons.id, memberships.personId))
      .where(and(sql`${memberships.householdId} IN (${idList})`, isNull(memberships.validTo)));
    const incomes = await db
      .selectDistinctOn([householdIncomes.householdId])
      .from(householdIncomes)
      .where(sql`${householdIncomes.householdId} IN (${idList})`)
      .orderBy(householdIncomes.householdId, sql`${householdIncomes.year} DESC`);
    const incomeOf = new Map(incomes.map((i) => [i.householdId, incomeRowOf(i)]));
    for (const { household: h, villageName } of batch) {
      const own = members.filter((m) => m.householdId === h.id).map((m) => memberFromRecord({ ...m.person, membershipId: m.membershipId, relationship: m.relationship, validFrom: m.validFrom }, box));
      const domain = toDomainHousehold(h.householdNo, { ...h, phone: null }, own, incomeOf.get(h.id) ?? null, h.wholeHouseholdNoLabour);
      const findings = findQuality(domain, own, today);
      const row = byVillage.get(h.villageCode) ?? { orgCode: h.villageCode, orgName: villageName, households: 0, householdsWithFindings: 0, errors: 0, warnings: 0, byRule: {} };
      row.households += 1;
      if (findings.length > 0) row.householdsWithFindings += 1;
      for (const f of findings) {
        row[f.severity === 'error' ? 'errors' : 'warnings'] += 1;
        row.byRule[f.rule] = (row.byRule[f.rule] ?? 0) + 1;
      }
      byVillage.set(h.villageCode, row);
    }
  }
  return [...byVillage.values()].sort((a, b) => a.orgCode.localeCompare(b.orgCode));
}
