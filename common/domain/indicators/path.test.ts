import { describe, expect, it } from 'vitest';
import { pathValue, yearThreshold, type PathTarget } from './path.ts';

// 沁发〔2021〕17号 三(三)3: "到2025年…农村户用卫生厕所普及率达到65%以上" — an end state; 2020 is the default baseline.
const toilets: PathTarget = { op: '>=', value: 65, toYear: 2025, baselineYear: null, reference: null, path: 'linear' };
// "农村生活污水治理率至少提高5个百分点" — a change over 2020, reached by 2025.
const sewage: PathTarget = { op: '>=', value: 5, toYear: 2025, baselineYear: 2020, reference: null, path: 'linear' };
// "到2025年，建成2个消费帮扶专馆" with a baseline of 0 set on the target.
const halls: PathTarget = {
  op: '>=',
  value: 2,
  toYear: 2025,
  baselineYear: null,
  reference: null,
  path: 'linear',
  pathFromValue: 0,
};
// "脱贫人口巩固率保持在98%以上" — kept every year.
const kept: PathTarget = { op: '>=', value: 98, toYear: 2025, baselineYear: null, reference: null, path: 'constant' };

const measured = (values: Record<number, number>) => (y: number) => values[y] ?? null;

describe('yearThreshold: end-state targets follow a yearly path, never the 2025 value from 2021', () => {
  it.each([
    // name, year, target, unit's measured values, explicit year values, expected threshold
    ['toilets', 2021, toilets, { 2020: 55 }, [], 57],
    ['toilets', 2023, toilets, { 2020: 55 }, [], 61],
    ['toilets', 2025, toilets, { 2020: 55 }, [], 65],
    ['toilets after 2025', 2027, toilets, { 2020: 55 }, [], 65],
    ['toilets, 2023 set explicitly', 2023, toilets, { 2020: 55 }, [{ year: 2023, value: 60 }], 60],
    ['toilets, 2024 between the set 2023 and 2025', 2024, toilets, { 2020: 55 }, [{ year: 2023, value: 60 }], 62.5],
    ['toilets, no baseline measured', 2021, toilets, {}, [], null],
    ['toilets, no baseline, 2025 still judged', 2025, toilets, {}, [], 65],
    ['toilets, already beyond the end state', 2022, toilets, { 2020: 70 }, [], 65],
    ['sewage +5 pp', 2021, sewage, { 2020: 30 }, [], 31],
    ['sewage +5 pp', 2023, sewage, { 2020: 30 }, [], 33],
    ['sewage +5 pp', 2025, sewage, { 2020: 30 }, [], 35],
    ['sewage +5 pp after 2025', 2026, sewage, { 2020: 30 }, [], 35],
    ['sewage without a 2020 value', 2023, sewage, {}, [], null],
    ['halls from 0', 2021, halls, {}, [], 0.4],
    ['halls from 0', 2023, halls, {}, [], 1.2],
    ['halls from 0', 2025, halls, {}, [], 2],
    ['halls from 0', 2030, halls, {}, [], 2],
    ['kept every year', 2021, kept, {}, [], 98],
    ['kept every year', 2023, kept, {}, [], 98],
  ] as const)('%s in %i', (_name, year, t, values, points, expected) => {
    const got = yearThreshold(t, year, { defaultBaseYear: 2020, measured: measured(values), points });
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 9);
  });

  it('a path baseline year of its own moves the start', () => {
    expect(
      yearThreshold({ ...toilets, pathFromYear: 2021 }, 2023, {
        defaultBaseYear: 2020,
        measured: measured({ 2021: 57 }),
      }),
    ).toBeCloseTo(61, 9);
  });
});

describe('pathValue', () => {
  it.each([
    [2020, 10],
    [2022, 14],
    [2025, 20],
    [2026, 20],
  ])('from (2020, 10) to (2025, 20) in %i: %d', (year, expected) => {
    expect(pathValue({ start: { year: 2020, value: 10 }, end: { year: 2025, value: 20 }, op: '>=' }, year)).toBeCloseTo(
      expected,
      9,
    );
  });
  it('no value before the baseline', () => {
    expect(pathValue({ start: { year: 2020, value: 10 }, end: { year: 2025, value: 20 } }, 2019)).toBeNull();
  });
  it('a ≤ target decreasing towards its end value', () => {
    expect(pathValue({ start: { year: 2020, value: 10 }, end: { year: 2025, value: 5 }, op: '<=' }, 2021)).toBeCloseTo(
      9,
      9,
    );
    expect(pathValue({ start: { year: 2020, value: 2 }, end: { year: 2025, value: 5 }, op: '<=' }, 2021)).toBe(5);
  });
});
