import { divideFenHalfUp } from '../registry/income.ts';
import { addMonths, parsePeriod, type Period } from '../period.ts';
import type { Fen } from '../money.ts';

// THE definition of "per-capita income against the monitoring line" (policy-rules §1.2, §1.3, §1.8,
// §3.4). Every use — the monthly run's INCOME_BELOW_LINE and INCOME_DROP (SQL copy in
// server/modules/monitoring/rules/income.ts, checked by monitoring.income-line.test.ts household by
// household), explain's suggestion, the elimination check (§1.8) and the data-quality line rules —
// answers the three questions the same way:
//
//   which figure   monitoring.incomeFigure in force for the period: 'net' = 家庭纯收入 ÷ 人口,
//                  'adjusted' = (家庭纯收入 + 理赔收入 − 合规自付支出) ÷ 人口; half up to the fen
//                  (divideFenHalfUp); a household size below 1 gives no figure.
//   which income   the latest income year on record that is not after the period's year.
//   which line     monitoring.incomeLineFen in force for the period being assessed (the run's month,
//                  or for elimination the month it is checked): "当年监测范围", and 4_11_010 "风险消除时
//                  …低于本省当年监测范围" — the year of the assessment, not the year of the income.
//   within range   per-capita ≤ line (at the line is within; "稳定超过" means strictly above).

export type IncomeFigure = 'net' | 'adjusted';

/** A parameter value as the figure it names ('net' unless it says 'adjusted'). */
export function incomeFigureOf(value: unknown): IncomeFigure {
  return value === 'adjusted' ? 'adjusted' : 'net';
}

/** One household_income row, as far as the line needs it. */
export interface IncomeYearRecord {
  year: number;
  netIncome: Fen;
  insurancePayout: Fen;
  eligibleOutOfPocket: Fen;
  householdSize: number;
}

/** The household total the figure divides. */
export function figureTotal(r: IncomeYearRecord, figure: IncomeFigure): Fen {
  return figure === 'adjusted' ? r.netIncome + r.insurancePayout - r.eligibleOutOfPocket : r.netIncome;
}

/** The per-capita figure compared with the line, or null when the size is not a positive count. */
export function linePerCapita(r: IncomeYearRecord, figure: IncomeFigure): Fen | null {
  if (!Number.isSafeInteger(r.householdSize) || r.householdSize < 1) return null;
  return divideFenHalfUp(figureTotal(r, figure), r.householdSize);
}

/** Within the monitoring range: at or below the line. */
export function withinRange(perCapitaFen: Fen, lineFen: Fen): boolean {
  return perCapitaFen <= lineFen;
}

/** The income record an assessment as of `period` reads: the latest year not after the period's year. */
export function incomeRecordAsOf<R extends { year: number }>(records: readonly R[], period: Period): R | null {
  const { year } = parsePeriod(period);
  let best: R | null = null;
  for (const r of records) if (r.year <= year && (best === null || r.year > best.year)) best = r;
  return best;
}

/** What the line says about a household as of a period (the parameters in force for that period). */
export interface IncomeLineAssessment {
  period: Period;
  figure: IncomeFigure;
  incomeYear: number;
  perCapitaFen: Fen;
  lineFen: Fen;
  within: boolean;
}

/** null when there is no income record for the period, no usable size, or no line. */
export function assessIncomeLine(
  records: readonly IncomeYearRecord[],
  period: Period,
  figure: IncomeFigure,
  lineFen: Fen | null,
): IncomeLineAssessment | null {
  const r = incomeRecordAsOf(records, period);
  if (r === null || lineFen === null) return null;
  const perCapitaFen = linePerCapita(r, figure);
  if (perCapitaFen === null) return null;
  return { period, figure, incomeYear: r.year, perCapitaFen, lineFen, within: withinRange(perCapitaFen, lineFen) };
}

/** The months of a stability window ending with `asOf`, oldest first (`months` of them). */
export function stabilityMonths(asOf: Period, months: number): Period[] {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a whole number ≥ 1, got ${months}`);
  return Array.from({ length: months }, (_, k) => addMonths(asOf, k - (months - 1)));
}

/**
 * 收入持续稳定 (§1.8 criterion 1, "原则上不少于半年"): in every month of the window the household was
 * assessed (income on record, a line set) and was above the line in force that month. Returns the
 * months that fail (within range, or not assessable) — empty means stable.
 */
export function unstableMonths(
  assessments: readonly { period: Period; assessment: IncomeLineAssessment | null }[],
): Period[] {
  return assessments.filter((a) => a.assessment === null || a.assessment.within).map((a) => a.period);
}
