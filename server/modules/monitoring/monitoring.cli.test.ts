import { describe, expect, it } from 'vitest';
import { useTestApp } from '#server/test/test-app.ts';
import { monitorRunCommand, warningsCommand } from './monitoring.cli.ts';
import { createHousehold, monitoringOf, wages } from './monitoring.test-support.ts';

// formats.md §4: `monitor run --period` prints progress, duration and counts; `warnings --period [--json]`
// prints 户编号, category code, rule code, risk type and evidence.

const env = useTestApp();

describe('CLI handlers', () => {
  it('runs a month and lists its warnings as text and JSON', async () => {
    const h = await createHousehold(env, { housingGrade: 'D', income: wages(2025, 9_000_000) });
    const services = { db: env.services.db, monitoring: monitoringOf(env) };
    const lines: string[] = [];
    await monitorRunCommand(services, { period: '2025-06' }, (l) => lines.push(l));
    expect(lines[0]).toMatch(/^监测 \/ monitoring 140521000000 2025-06: 1\/1 户/);
    expect(lines[1]).toMatch(/完成 \/ done: run \d+, 1 户 \/ households, 1 条预警 \/ warnings, \d+\.\d\d s/);
    expect(lines[2]).toMatch(/HOUSING_UNSAFE\s+1\s+新增 new 1/);

    const text: string[] = [];
    await warningsCommand(services, { period: '2025-06' }, (l) => text.push(l));
    expect(text[1].split('\t').slice(0, 4)).toEqual([
      h.householdNo,
      'HOUSING_UNSAFE',
      'HOUSING_UNSAFE',
      'unsafeHousing',
    ]);

    const json: string[] = [];
    await warningsCommand(services, { period: '2025-06', json: true }, (l) => json.push(l));
    expect(JSON.parse(json.join('\n'))).toEqual([
      expect.objectContaining({
        householdNo: h.householdNo,
        category: 'HOUSING_UNSAFE',
        ruleCode: 'HOUSING_UNSAFE',
        riskType: 'unsafeHousing',
        evidence: expect.objectContaining({ registryGrade: 'D' }),
      }),
    ]);
  });

  it('refuses a bad period in both languages', async () => {
    const services = { db: env.services.db, monitoring: monitoringOf(env) };
    await expect(monitorRunCommand(services, { period: '202506' }, () => {})).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: '--period' }],
    });
    await expect(warningsCommand(services, { period: undefined }, () => {})).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
