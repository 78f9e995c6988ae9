import type { IsoDate } from '../period.ts';
import { INCOME_AMOUNT_FIELDS, type HouseholdIncome } from './household.ts';

// The household's income year, as validateHousehold (validation.ts) checks it: a year the income can be for, and
// each component a whole, non-negative number of fen.

export const EARLIEST_INCOME_YEAR = 2014;

/** validation.ts's report, for the two codes this check gives. */
type IncomeReport = (
  field: string,
  code: 'invalidIncomeYear' | 'invalidAmount',
  messageZh: string,
  messageEn: string,
) => void;

export function checkIncome(income: HouseholdIncome, today: IsoDate, report: IncomeReport): void {
  const lastYear = Number(today.slice(0, 4));
  if (!Number.isInteger(income.year) || income.year < EARLIEST_INCOME_YEAR || income.year > lastYear) {
    report(
      'income.year',
      'invalidIncomeYear',
      `收入年度应在${EARLIEST_INCOME_YEAR}至${lastYear}之间`,
      `Income year must be between ${EARLIEST_INCOME_YEAR} and ${lastYear}`,
    );
  }
  // Each component is a gross figure; only the derived net income may be negative.
  for (const key of INCOME_AMOUNT_FIELDS) {
    const fen = income[key];
    if (!Number.isSafeInteger(fen) || fen < 0) {
      report(
        `income.${key}`,
        'invalidAmount',
        '金额须为不小于0的整数分',
        'Amount must be a whole, non-negative number of fen',
      );
    }
  }
}
