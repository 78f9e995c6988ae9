import type { Db } from '#server/db/connect.ts';
import { fundChecks } from '../funds/index.ts';
import type { TargetStatus } from '#common/domain/indicators/model.ts';

/** The cockpit's fund-share indicators and the funds check each one shows (issue 16 point 8). */
export const FUND_CHECK_OF: Record<string, 'industryShare' | 'workForReliefLabour'> = {
  FUND_INDUSTRY_SHARE: 'industryShare',
  FUND_WFR_LABOUR_SHARE: 'workForReliefLabour',
};

/** The funds page prints shares with two decimals (`pct` of common/domain/funds/checks.ts); the cockpit likewise. */
export const FUND_SHARE_DECIMALS = 2;

/**
 * A fund share is a hard minimum of the funds rules: below it is 未达标, just above it 临界 (`funds.atRiskMargin`).
 * The cockpit's value and threshold already come from `fundChecks` (fundsProvider); its status is taken from the
 * same check here, so the cockpit and the funds page never show two verdicts for one share.
 */
export async function applyFundCheckStatus(
  db: Db,
  countyCode: string,
  year: number,
  results: Map<string, Map<string, { status: TargetStatus; value: number | null }>>,
): Promise<void> {
  const codes = Object.keys(FUND_CHECK_OF).filter((c) => results.get(c)?.get(countyCode));
  if (!codes.length) return;
  const r = await fundChecks(db, countyCode, year).catch(() => null);
  if (!r) return;
  for (const code of codes) {
    const cell = results.get(code)!.get(countyCode)!;
    const check = r.checks.find((c) => c.key === FUND_CHECK_OF[code]);
    if (check && cell.value !== null && check.status !== 'noData') cell.status = check.status;
  }
}
