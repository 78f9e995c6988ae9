import { describe, expect, it } from 'vitest';
import { PARAM_DEFINITIONS, definitionOf } from './definitions.ts';
import { resolveParam, scopeChain, type ParamRow } from './resolve.ts';

const line = { key: 'monitoring.incomeLineFen', yearly: true };
const row = (o: Partial<ParamRow>): ParamRow => ({
  key: line.key,
  scopeCode: '000000000000',
  year: 2021,
  effectiveFrom: '2021-01-01',
  value: 600_000,
  source: 's',
  ...o,
});

describe('resolveParam', () => {
  const rows = [
    row({}),
    row({ scopeCode: '140000000000', year: 2023, effectiveFrom: '2023-05-01', value: 690_000 }),
    row({ scopeCode: '140521000000', year: 2023, effectiveFrom: '2023-09-01', value: 700_000 }),
  ];

  it.each([
    ['2021-06', 600_000, undefined],
    ['2022-06', 600_000, 2021], // nothing for 2022: the latest known year
    ['2023-04', 600_000, 2021], // the 2023 province value takes effect in May
    ['2023-05', 690_000, undefined],
    ['2023-08', 690_000, undefined],
    ['2023-09', 700_000, undefined], // the county's own value beats the province from September
    ['2025-01', 700_000, 2023],
  ])('%s → %d (fallback from %s)', (period, value, fallback) => {
    const r = resolveParam(line, rows, '140521000000', period)!;
    expect(r.value).toBe(value);
    expect(r.fallbackFromYear).toBe(fallback);
  });

  it('ignores other counties and provinces', () => {
    const r = resolveParam(
      line,
      [
        ...rows,
        row({ scopeCode: '140522000000', year: 2023, value: 1 }),
        row({ scopeCode: '130000000000', year: 2023, value: 2 }),
      ],
      '140521000000',
      '2023-06',
    )!;
    expect(r.value).toBe(690_000);
  });

  it('an all-years parameter takes the latest effective version, and nothing before the first', () => {
    const notice = { key: 'workflow.noticeDays', yearly: false };
    const r = [
      row({ key: notice.key, year: null, value: 5 }),
      row({ key: notice.key, year: null, effectiveFrom: '2024-03-01', value: 7 }),
    ];
    expect(resolveParam(notice, r, '140521000000', '2024-02')!.value).toBe(5);
    expect(resolveParam(notice, r, '140521000000', '2024-03')!.value).toBe(7);
    expect(resolveParam(notice, r, '140521000000', '2020-12')).toBeUndefined();
  });

  it('an exact-year row beats an all-years row', () => {
    const r = [row({ year: null, value: 1 }), row({ year: 2021, value: 2, effectiveFrom: '2020-01-01' })];
    expect(resolveParam(line, r, '140521000000', '2021-03')!.value).toBe(2);
  });

  it('walks county → province → nation', () => {
    expect(scopeChain('140521000000')).toEqual(['140521000000', '140000000000', '000000000000']);
  });
});

describe('the seeded definitions', () => {
  it('have unique keys, a source for every seed, and values of their unit', () => {
    expect(new Set(PARAM_DEFINITIONS.map((d) => d.key)).size).toBe(PARAM_DEFINITIONS.length);
    for (const d of PARAM_DEFINITIONS) {
      expect(d.seeds.length).toBeGreaterThan(0);
      for (const s of d.seeds) {
        expect(s.source.length).toBeGreaterThan(10);
        if (d.unit === 'choice') expect(d.choices).toContain(s.value);
        else expect(typeof s.value).toBe('number');
      }
    }
  });

  it('carry the policy numbers: 6,000 yuan line in 2021, 5 notice days, 15-day limit, 6 months, 50% → 60%', () => {
    const seed = (key: string) => definitionOf(key)!.seeds;
    expect(seed('monitoring.incomeLineFen')[0]).toMatchObject({ year: 2021, value: 600_000 });
    expect(seed('workflow.noticeDays')[0].value).toBe(5);
    expect(seed('workflow.identificationDays')[0].value).toBe(15);
    expect(seed('workflow.minMonthsBeforeElimination')[0].value).toBe(6);
    expect(seed('funds.industryShare').map((s) => [s.year, s.value])).toEqual([
      [2021, 0.5],
      [2023, 0.6],
    ]);
  });
});
