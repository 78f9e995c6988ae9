import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_ELEMENTS, SEED_INDICATORS } from './catalogue.ts';
import { SEED_TARGETS } from './seed-targets.ts';
import { effectiveTarget, targetStatus, type UnitFacts } from './targets.ts';
import type { TargetDef } from './model.ts';

describe('target status', () => {
  // 脱贫人口巩固率 ≥ 98 %, band 0.5: each threshold just below / just above.
  it.each([
    ['>=', 98, 0.5, 98, 'met'],
    ['>=', 98, 0.5, 97.99, 'atRisk'],
    ['>=', 98, 0.5, 97.5, 'atRisk'],
    ['>=', 98, 0.5, 97.49, 'notMet'],
    ['<=', 10, 1, 10, 'met'],
    ['<=', 10, 1, 10.5, 'atRisk'],
    ['<=', 10, 1, 11.01, 'notMet'],
    ['=', 2, 0, 2, 'met'],
    ['=', 2, 1, 3, 'atRisk'],
    ['=', 2, 1, 3.5, 'notMet'],
    ['>', 7.5, 0.5, 7.51, 'met'],
    ['>', 7.5, 0.5, 7.5, 'atRisk'],
    ['>', 7.5, 0.5, 6.99, 'notMet'],
  ] as const)('%s %s (band %s): %s is %s', (op, threshold, band, value, expected) => {
    expect(targetStatus(value, { op, band }, threshold)).toBe(expected);
  });

  it('between and no data', () => {
    expect(targetStatus(95, { op: 'between', band: 1 }, 94, 96)).toBe('met');
    expect(targetStatus(96.5, { op: 'between', band: 1 }, 94, 96)).toBe('atRisk');
    expect(targetStatus(93.5, { op: 'between', band: 1 }, 94, 96)).toBe('atRisk');
    expect(targetStatus(92, { op: 'between', band: 1 }, 94, 96)).toBe('notMet');
    expect(targetStatus(null, { op: '>=', band: 1 }, 94)).toBe('noData');
    expect(targetStatus(95, { op: '>=', band: 1 }, null)).toBe('noData');
  });
});

describe('target inheritance', () => {
  const base = { fromYear: 2021, toYear: 2025, op: '>=', band: 1, sourceDoc: 'd', sourceText: 't' } as const;
  const county: TargetDef = { ...base, indicator: 'X', scope: { kind: 'unit', code: 'C' }, value: 90 };
  const township: TargetDef = { ...base, indicator: 'X', scope: { kind: 'unit', code: 'T1' }, value: 80 };
  const key: TargetDef = { ...base, indicator: 'X', scope: { kind: 'group', group: 'KEY_VILLAGE' }, value: 99 };
  const villageLevel: TargetDef = { ...base, indicator: 'X', scope: { kind: 'level', level: 'village' }, value: 85 };
  const own: TargetDef = { ...base, indicator: 'X', scope: { kind: 'unit', code: 'V1' }, value: 70 };
  const later: TargetDef = { ...base, indicator: 'X', scope: { kind: 'unit', code: 'C' }, value: 95, fromYear: 2024 };
  const v1: UnitFacts = { code: 'V1', level: 'village', ancestors: ['T1', 'C'], groups: ['KEY_VILLAGE'] };
  const v2: UnitFacts = { code: 'V2', level: 'village', ancestors: ['T2', 'C'], groups: [] };
  const t1: UnitFacts = { code: 'T1', level: 'township', ancestors: ['C'], groups: [] };

  it('children inherit the county target', () => {
    expect(effectiveTarget([county], v2, 2023)).toBe(county);
    expect(effectiveTarget([county], t1, 2023)).toBe(county);
  });
  it('a township override applies to the township and its villages only', () => {
    expect(effectiveTarget([county, township], t1, 2023)).toBe(township);
    expect(effectiveTarget([county, township], { ...v1, groups: [] }, 2023)).toBe(township);
    expect(effectiveTarget([county, township], v2, 2023)).toBe(county);
  });
  it('nearest scope wins: own > group > level > ancestors', () => {
    expect(effectiveTarget([county, township, villageLevel, key, own], v1, 2023)).toBe(own);
    expect(effectiveTarget([county, township, villageLevel, key], v1, 2023)).toBe(key);
    expect(effectiveTarget([county, township, villageLevel], v1, 2023)).toBe(villageLevel);
  });
  it('a target applies from its first year and stays after its deadline until replaced; the later one wins among equals', () => {
    expect(effectiveTarget([county], v2, 2020)).toBeNull();
    expect(effectiveTarget([county], v2, 2026)).toBe(county);
    const next: TargetDef = { ...county, fromYear: 2026, toYear: 2030, value: 96 };
    expect(effectiveTarget([county, next], v2, 2026)).toBe(next);
    expect(effectiveTarget([{ ...township, toYear: 2022 }, county], { ...v1, groups: [] }, 2023)).toEqual({
      ...township,
      toYear: 2022,
    });
    expect(effectiveTarget([county, later], v2, 2023)).toBe(county);
    expect(effectiveTarget([county, later], v2, 2024)).toBe(later);
  });
  it('a value set for one year wins in that year; after both ended, the one that ran longest stays in force', () => {
    const endState: TargetDef = { ...county, fromYear: 2021, toYear: 2025 };
    const only2023: TargetDef = { ...county, fromYear: 2023, toYear: 2023, value: 80 };
    expect(effectiveTarget([endState, only2023], v2, 2023)).toBe(only2023);
    expect(effectiveTarget([endState, only2023], v2, 2024)).toBe(endState);
    expect(effectiveTarget([endState, only2023], v2, 2026)).toBe(endState);
  });
});

describe('seed targets', () => {
  it('cover every numeric target of the seed document, each on a known indicator with its source sentence', () => {
    const codes = new Set(SEED_INDICATORS.map((i) => i.code));
    for (const t of SEED_TARGETS) {
      expect(codes.has(t.indicator), t.indicator).toBe(true);
      expect(t.sourceDoc).toBe('沁发〔2021〕17号');
      if (t.reference)
        for (const el of t.reference.match(/#\{(\w+)\}/g) ?? [])
          expect(
            SEED_ELEMENTS.some((e) => `#{${e.code}}` === el),
            el,
          ).toBe(true);
    }
    const expected: [string, number | null, string][] = [
      ['CONSOLIDATION_RATE', 98, 'constant'],
      ['WATER_CENTRAL_RATE', 95, 'linear'],
      ['TAP_WATER_RATE', 92, 'linear'],
      ['GARBAGE_COVERAGE_RATE', 90, 'linear'],
      ['SEWAGE_TREATMENT_RATE', 5, 'linear'],
      ['SANITARY_TOILET_RATE', 65, 'linear'],
      ['VILLAGE_4G_SHARE', 100, 'constant'],
      ['VILLAGE_5G_SHARE', 100, 'constant'],
      ['TOWNSHIP_5G_SHARE', 100, 'constant'],
      ['CONSUMER_HALLS_N', 2, 'linear'],
      ['CONSUMER_ZONES_N', 2, 'linear'],
      ['CONSUMER_COUNTERS_N', 20, 'linear'],
      ['FUND_INDUSTRY_SHARE', null, 'constant'],
      ['FUND_WFR_LABOUR_SHARE', null, 'constant'],
      ['LAND_RURAL_INDUSTRY_SHARE', 10, 'constant'],
      ['FARMER_INCOME_GROWTH_RATE', null, 'constant'],
      ['RELOCATED_EMPLOYMENT_RATE', 100, 'constant'],
      // the same sentence on the rate computed from the relocation and employment ledgers
      ['RELOCATED_STABLE_RATE', 100, 'constant'],
      ['POVERTY_ASSET_LEDGER_RATE', 100, 'constant'],
      ['SUPP_PENSION_COVERAGE', 100, 'constant'],
      ['LABOUR_BRANDS_N', 1, 'constant'],
      ['SPATIAL_PLAN_DONE_FLAG', 1, 'constant'],
    ];
    expect(SEED_TARGETS.map((t) => [t.indicator, t.value, t.path ?? 'constant'])).toEqual(expected);
    // The fund targets compare with the funds module's own minimums (one yearly value for both).
    expect(SEED_TARGETS.find((t) => t.indicator === 'FUND_INDUSTRY_SHARE')?.reference).toBe('#{FUND_INDUSTRY_MIN}');
    expect(SEED_TARGETS.find((t) => t.indicator === 'FUND_WFR_LABOUR_SHARE')?.reference).toBe('#{FUND_LABOUR_MIN}');
  });

  const plan = resolve(import.meta.dirname, '../../../../shared/seed/qinshui-2021-17.md');
  it.skipIf(!existsSync(plan))(
    'quote the plan verbatim: every source sentence is in the document, notes stay outside',
    () => {
      const squash = (x: string) => x.replace(/\s+/g, '');
      const text = squash(readFileSync(plan, 'utf8'));
      for (const t of SEED_TARGETS) {
        expect(text.includes(squash(t.sourceText)), `${t.indicator}: ${t.sourceText}`).toBe(true);
        expect(t.sourceText).not.toMatch(/政策参数|按.*处理|（以/);
      }
    },
  );
});
