import type { FundChecksResponse } from '#common/contracts/funds.ts';
import { fundChecksOf, type IndustryBase } from '#common/domain/funds/checks.ts';
import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import { yearSums } from './funds.repository.ts';
import { countyOf, type FundsUseCaseDeps } from './funds.shared.ts';

// The fund-rule checks (产业资金占比, 以工代赈劳务报酬占比, 管理费上限) of a county and year.

type Params = Awaited<ReturnType<typeof resolveAll>>;

/** The share of funds.industryShareNotBelowYear (2020) as a floor, when that year is before `year` and had funds. */
async function industryBaseOf(db: Db, countyCode: string, year: number, params: Params) {
  const baseYear = numberParam(params, 'funds.industryShareNotBelowYear');
  if (baseYear >= year) return null;
  const base = await yearSums(db, countyCode, baseYear);
  const wholeFen = Object.values(base.allocatedBySource).reduce((a, b) => a + b, 0);
  const industryBase: IndustryBase | null =
    wholeFen > 0 ? { year: baseYear, partFen: base.industryAssignedFen, wholeFen } : null;
  return industryBase;
}

/** The thresholds of the checks, from the parameters in force. */
function limitsOf(params: Params) {
  const local = numberParam(params, 'funds.managementFeeCapLocal');
  return {
    industryShare: numberParam(params, 'funds.industryShare'),
    workForReliefLabourShare: numberParam(params, 'funds.workForReliefLabourShare'),
    managementFeeCap: {
      central: numberParam(params, 'funds.managementFeeCapCentral'),
      provincial: numberParam(params, 'funds.managementFeeCapProvincial'),
      city: local,
      county: local,
    },
    atRiskMargin: numberParam(params, 'funds.atRiskMargin'),
    capAtRiskRatio: numberParam(params, 'funds.capAtRiskRatio'),
  };
}

/**
 * The fund-rule checks of one county and year — the one source for the funds page and the cockpit (whose fund
 * targets compare with `threshold` of these checks): the parameters in force in that year (funds.industryShare is
 * yearly: 50 % in 2021, 60 % from 2023), the share of funds.industryShareNotBelowYear (2020) as a floor, the year's
 * sums, each check met / at risk / not met.
 */
export async function fundChecks(db: Db, countyCode: string, year: number): Promise<FundChecksResponse> {
  const params = await resolveAll(db, countyCode, `${year}-12`);
  const sums = await yearSums(db, countyCode, year);
  const industryBase = await industryBaseOf(db, countyCode, year, params);
  const checks = fundChecksOf({ ...sums, industryBase }, limitsOf(params));
  const allocatedFen = Object.values(sums.allocatedBySource).reduce((a, b) => a + b, 0);
  return { year, countyCode, allocatedFen, assignedFen: sums.assignedFen, disbursedFen: sums.disbursedFen, checks };
}

export async function checks({ db }: FundsUseCaseDeps, ctx: RequestContext, year: number) {
  requirePermission(ctx, 'funds:read');
  return fundChecks(db, countyOf(ctx), year);
}
