import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { timeLimit } from '../../../common/domain/cases/workflow.ts';
import { useTestApp } from '../../test/test-app.ts';
import { createHousehold } from '../monitoring/monitoring.test-support.ts';
import { defaultWorkflowFigures } from './assessment.service.ts';

// The assessment's "identification cases over the time limit" counts a case exactly when the cases
// module's timeLimit says overdue (workflow.identificationDays, 15 by default): one rule, two uses.

const env = useTestApp();
const COUNTY = '140521000000';

describe('overdue identification cases in the assessment = timeLimit of the cases workflow', () => {
  it('day 15 is on time, day 16 overdue; a decision stops the clock', async () => {
    const h = await createHousehold(env);
    const cases: [string, string | null][] = [
      ['2025-03-01', null],
      ['2025-03-02', null],
      ['2025-02-01', '2025-02-16'],
      ['2025-02-01', '2025-02-17'],
    ];
    for (const [startedOn, decidedOn] of cases) {
      await env.services.db.execute(sql`INSERT INTO monitoring_case (county_code, village_code, household_id, kind, stage, started_on, decided_on)
        VALUES (${COUNTY}, ${h.villageCode}, ${h.id}, 'identification', 'verification', ${startedOn}::date, ${decidedOn}::date)`);
    }
    const asOf = '2025-03-17';
    const figures = await defaultWorkflowFigures(env.services.db, COUNTY, 2025, asOf);
    const township = `${h.villageCode.slice(0, 9)}000`;
    const pure = cases.filter(([s, d]) => timeLimit(s, asOf, 15, d).status === 'overdue').length;
    expect(pure).toBe(2);
    expect(figures.get(township)?.overdueCases).toEqual({ part: pure, whole: cases.length });
  });
});
