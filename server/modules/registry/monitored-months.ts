import { sql, type SQL } from 'drizzle-orm';

// How long a household has been monitored, in months from its 识别监测时间 (YYYY-MM) to a month: one definition for
// the registry filter (监测满 N 个月) and the workbench count that links to it.

/** Whole months from the household's identification month to `period` (YYYY-MM). */
export function monthsMonitoredSql(
  period: string,
  identificationPeriod: SQL = sql`household.identification_period`,
): SQL {
  const [y, m] = period.split('-').map(Number);
  return sql`((${y * 12 + m}) - (substr(${identificationPeriod}, 1, 4)::int * 12 + substr(${identificationPeriod}, 6, 2)::int))`;
}

/**
 * A monitored household monitored for at least `months` months by `period` (a household without an identification
 * month counts as long monitored, as the zeroing board counts it).
 */
export function monitoredAtLeastSql(period: string, months: number): SQL {
  return sql`(household.monitoring_status = 'monitored' AND (household.identification_period IS NULL OR ${monthsMonitoredSql(period)} >= ${months}))`;
}
