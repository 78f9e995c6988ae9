import { sql, type SQL } from 'drizzle-orm';

// 务工就业不稳 from the employment ledger, as SQL the monitoring engine reads for UNEMPLOYMENT. The SQL twin of
// `jobLossOn` (common/domain/employment/rules.ts): a person whose job ended inside the data window [from, to] and whom
// no job covers on `to` (a job ending on `to` still covers it), with the latest such end date. The employment
// module owns employment_record; monitoring asks here (employment/index.ts) instead of reading the table.
// employment.test.ts compares this with jobLossOn person by person.

/** SELECT person_id, occurred_on: the job losses of a county's people in [from, to]. */
export function jobLossSql(countyCode: string, from: string, to: string): SQL {
  return sql`SELECT e.person_id, max(e.end_on) AS occurred_on FROM employment_record e
    WHERE e.county_code = ${countyCode} AND e.end_on BETWEEN ${from}::date AND ${to}::date
      AND NOT EXISTS (SELECT 1 FROM employment_record w WHERE w.person_id = e.person_id AND w.county_code = e.county_code
        AND w.start_on <= ${to}::date AND (w.end_on IS NULL OR w.end_on >= ${to}::date))
    GROUP BY e.person_id`;
}
