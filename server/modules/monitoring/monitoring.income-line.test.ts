import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessIncomeLine, type IncomeFigure, type IncomeYearRecord } from '#common/domain/monitoring/income-line.ts';
import { queryRows } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { createImportService } from '../registry/import/import.service.ts';
import { loadDemoHouseholds } from '../registry/import/demo-loader.ts';
import { useTestApp } from '#server/test/test-app.ts';
import { evaluationCtes, withBatchSettings } from './monitoring.engine.ts';
import { ruleContext } from './monitoring.run.ts';
import { incomeBelowLine } from './rules/income-below-line.ts';
import type { RuleContext } from './rules/types.ts';
import { createHousehold, wages } from './monitoring.test-support.ts';

// Agreement: the SQL copy of "per-capita income against the line" (rules/income.ts, used by
// INCOME_BELOW_LINE and explain) and the one pure definition (common/domain/monitoring/income-line.ts)
// say the same thing for every household of the demo county, for both figures and several periods,
// including households one fen either side of the line (three members: half-up ties).

const env = useTestApp();
const COUNTY = '140521000000';
/** The demo's income year: the last finished year. */
const YEAR = Number(todayInChina().slice(0, 4)) - 1;

interface Row {
  id: number;
  status: string;
  records: IncomeYearRecord[] | null;
}

async function households(): Promise<Row[]> {
  return queryRows<Row>(
    env.services.db,
    sql`SELECT h.id::int AS id, h.monitoring_status AS status,
        (SELECT jsonb_agg(jsonb_build_object('year', i.year, 'netIncome', i.net_income, 'insurancePayout', i.insurance_payout,
          'eligibleOutOfPocket', i.eligible_out_of_pocket, 'householdSize', i.household_size)) FROM household_income i WHERE i.household_id = h.id) AS records
      FROM household h WHERE h.county_code = ${COUNTY} AND h.closed_on IS NULL ORDER BY h.id`,
  );
}

async function fromSql(ctx: RuleContext): Promise<Map<number, number>> {
  const rows = await withBatchSettings(env.services.db, (tx) =>
    queryRows<{ id: number; pc: string }>(
      tx,
      sql`${evaluationCtes(ctx, { countyCode: COUNTY, scopePrefix: '140521', restriction: { kind: 'all' } }, { rules: [incomeBelowLine] })}
        SELECT household_id::int AS id, evidence ->> 'perCapitaFen' AS pc FROM fired`,
    ),
  );
  return new Map(rows.map((r) => [r.id, Number(r.pc)]));
}

function withFigure(ctx: RuleContext, figure: IncomeFigure): RuleContext {
  const current = ctx.params['monitoring.incomeFigure']!;
  return { ...ctx, params: { ...ctx.params, 'monitoring.incomeFigure': { ...current, value: figure } } };
}

beforeAll(async () => {
  // Edge households around 6,000.00 yuan per capita (three members), for both figures.
  for (const total of [1_799_997, 1_799_998, 1_800_000, 1_800_001, 1_800_002, 1_800_003]) {
    await createHousehold(env, { income: wages(YEAR, total) });
    await createHousehold(env, {
      income: wages(YEAR, total + 500_000, { insurancePayout: 100_000, eligibleOutOfPocket: 600_000 }),
    });
  }
  // Then the demo county (its household numbers start after the edge households').
  const importer = createImportService(env.services.db, env.services.box, env.services.jobs);
  await loadDemoHouseholds(env.services.db, importer, COUNTY, 400);
});

describe('INCOME_BELOW_LINE (SQL) agrees with assessIncomeLine (pure), household by household', () => {
  it.each([
    [`${YEAR}-06`, 'net'],
    [`${YEAR}-06`, 'adjusted'],
    [`${YEAR - 1}-12`, 'net'],
    [`${YEAR + 1}-01`, 'adjusted'],
  ] as const)('%s, %s figure', async (period, figure) => {
    const ctx = withFigure(await ruleContext(env.services.db, COUNTY, period), figure);
    const line = ctx.params['monitoring.incomeLineFen']!.value as number;
    const rows = await households();
    expect(rows.length).toBeGreaterThan(100);
    const sqlFired = await fromSql(ctx);
    const pureFired = new Map<number, number>();
    for (const h of rows) {
      const a = assessIncomeLine(h.records ?? [], period, figure, line);
      if (h.status !== 'monitored' && a?.within) pureFired.set(h.id, a.perCapitaFen);
    }
    if (period >= `${YEAR}-01`) expect(pureFired.size).toBeGreaterThanOrEqual(4);
    expect([...sqlFired.entries()].sort((a, b) => a[0] - b[0])).toEqual(
      [...pureFired.entries()].sort((a, b) => a[0] - b[0]),
    );
  });
});
