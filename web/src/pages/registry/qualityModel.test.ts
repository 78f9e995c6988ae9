import { describe, expect, it } from 'vitest';
import { groupByTownship, rulesTotal } from './qualityModel.ts';

const row = (orgCode: string, households: number, errors: number, byRule: Record<string, number>) => ({
  orgCode,
  orgName: orgCode.slice(-3),
  households,
  householdsWithFindings: Math.min(households, errors + 1),
  errors,
  warnings: 1,
  byRule,
});

describe('quality report grouping', () => {
  it('groups villages under their township and totals every level', () => {
    const rows = [
      row('140521101201', 10, 2, { A: 2 }),
      row('140521100201', 5, 0, { B: 1 }),
      row('140521100202', 3, 1, { A: 1 }),
    ];
    const { groups, total } = groupByTownship(rows, (code) => (code === '140521100000' ? '龙港镇' : '中村镇'));
    expect(groups.map((g) => [g.orgName, g.households, g.errors, g.children?.length])).toEqual([
      ['龙港镇', 8, 1, 2],
      ['中村镇', 10, 2, 1],
    ]);
    expect(total).toEqual({ households: 18, householdsWithFindings: 6, errors: 3, warnings: 3 });
  });

  it('sums findings per rule, most frequent first', () => {
    expect(rulesTotal([row('140521100201', 1, 0, { A: 2, B: 1 }), row('140521100202', 1, 0, { B: 4 })])).toEqual([
      { rule: 'B', count: 5 },
      { rule: 'A', count: 2 },
    ]);
  });
});
