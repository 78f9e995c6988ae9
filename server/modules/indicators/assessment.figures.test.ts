import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { timeLimit } from '#common/domain/cases/workflow.ts';
import type { RiskType } from '#common/domain/registry/codes.ts';
import { systemContext } from '#server/lib/context.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { createHousehold } from '../monitoring/monitoring.test-support.ts';
import { createAssessmentService, defaultWorkflowFigures } from './assessment.service.ts';

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
      await env.services.db
        .execute(sql`INSERT INTO monitoring_case (county_code, village_code, household_id, kind, stage, started_on, decided_on)
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

describe('open obligations in the assessment: households, not obligations, against the monitored households', () => {
  it('two of three monitored households lack measures (each with several open obligations): 2/3, shown and scored', async () => {
    // 中村镇, so the cases of the test above (龙港镇) stay out of it.
    const village = '140521101201';
    const township = '140521101000';
    let n = 0;
    const monitored = (riskTypes: RiskType[]) =>
      createHousehold(env, {
        villageCode: village,
        householdNo: `${village}0009${String(++n).padStart(2, '0')}`,
        kind: 'alleviated',
        alleviatedAttribute: 'general',
        monitoringType: 'unstable',
        identificationPeriod: '2025-01',
        riskTypes,
      });
    // No measure at all: 无帮扶措施 and 风险无对应措施 (both risks) are open for each of these two.
    await monitored(['illness', 'unsafeHousing']);
    await monitored(['illness', 'unsafeHousing']);
    const covered = await monitored(['illness']);
    await env.services.assistance.createMeasure(systemContext('test'), {
      householdId: covered.id,
      riskType: 'illness',
      category: 'health',
      subType: 'medicalPremiumSubsidy',
      department: '县医保局',
      startOn: '2025-01-20',
      endOn: null,
      amountFen: 38_000,
      status: 'ongoing',
      evidence: [],
      attachmentIds: [],
      note: null,
    });
    for (const [startedOn, decidedOn] of [
      ['2025-02-01', null],
      ['2025-03-10', null],
    ] as const) {
      await env.services.db
        .execute(sql`INSERT INTO monitoring_case (county_code, village_code, household_id, kind, stage, started_on, decided_on)
        VALUES (${COUNTY}, ${village}, ${covered.id}, 'identification', 'verification', ${startedOn}::date, ${decidedOn}::date)`);
    }
    const asOf = '2025-03-17';
    const board = await env.services.assistance.snapshot(COUNTY, asOf);
    // The board counts per obligation: more rows than households.
    expect(
      board.filter((r) => r.townshipCode === township && r.code !== 'anyOpen').reduce((k, r) => k + r.households, 0),
    ).toBeGreaterThan(2);

    const figures = await defaultWorkflowFigures(env.services.db, COUNTY, 2025, asOf);
    expect(figures.get(township)).toEqual({
      overdueCases: { part: 1, whole: 2 },
      obligationsOpen: { part: 2, whole: 3 },
    });

    const assessment = createAssessmentService(env.services.db, env.services.indicators, {
      clock: () => new Date('2025-03-17T04:00:00Z'),
    });
    const result = await assessment.result(systemContext('test'), 2025);
    const row = result.rows.find((r) => r.code === township)!;
    expect(row.figures).toMatchObject({ overdue: '1/2', obligations: '2/3' });
    // Weight 15 each (DEFAULT_ASSESSMENT), lower is better: 15 × (1 − 1/2) and 15 × (1 − 2/3).
    expect(row.points).toMatchObject({ overdue: 7.5, obligations: 5 });
  });
});
