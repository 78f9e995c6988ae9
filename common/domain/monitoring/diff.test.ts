import { describe, expect, it } from 'vitest';
import { diffState, diffTotals, diffWarnings, type WarningKey } from './diff.ts';

const k = (householdId: number, ruleCode: string): WarningKey => ({ householdId, ruleCode });

describe('diff of warnings against the previous period', () => {
  it.each([
    [false, false, null],
    [false, true, 'new'],
    [true, true, 'persisting'],
    [true, false, 'resolved'],
  ] as const)('before=%s now=%s → %s', (before, now, state) => expect(diffState(before, now)).toBe(state));

  it.each([
    { name: 'empty both', prev: [], curr: [], out: [] },
    {
      name: 'all new',
      prev: [],
      curr: [k(1, 'DROPOUT'), k(2, 'DROPOUT')],
      out: [{ ruleCode: 'DROPOUT', new: 2, persisting: 0, resolved: 0 }],
    },
    {
      name: 'all resolved',
      prev: [k(1, 'DISASTER')],
      curr: [],
      out: [{ ruleCode: 'DISASTER', new: 0, persisting: 0, resolved: 1 }],
    },
    {
      name: 'mixed per rule',
      prev: [k(1, 'MEDICAL_BURDEN'), k(2, 'MEDICAL_BURDEN'), k(1, 'WATER_UNSAFE')],
      curr: [k(2, 'MEDICAL_BURDEN'), k(3, 'MEDICAL_BURDEN'), k(1, 'WATER_UNSAFE'), k(1, 'DROPOUT')],
      out: [
        { ruleCode: 'DROPOUT', new: 1, persisting: 0, resolved: 0 },
        { ruleCode: 'MEDICAL_BURDEN', new: 1, persisting: 1, resolved: 1 },
        { ruleCode: 'WATER_UNSAFE', new: 0, persisting: 1, resolved: 0 },
      ],
    },
    {
      name: 'the same household under another rule is not persisting',
      prev: [k(1, 'DISASTER')],
      curr: [k(1, 'DROPOUT')],
      out: [
        { ruleCode: 'DISASTER', new: 0, persisting: 0, resolved: 1 },
        { ruleCode: 'DROPOUT', new: 1, persisting: 0, resolved: 0 },
      ],
    },
    {
      name: 'duplicates count once',
      prev: [k(1, 'DROPOUT'), k(1, 'DROPOUT')],
      curr: [k(1, 'DROPOUT'), k(1, 'DROPOUT')],
      out: [{ ruleCode: 'DROPOUT', new: 0, persisting: 1, resolved: 0 }],
    },
  ])('$name', ({ prev, curr, out }) => {
    expect(diffWarnings(prev, curr)).toEqual(out);
  });

  it('totals add up the rules', () => {
    expect(diffTotals(diffWarnings([k(1, 'A'), k(2, 'B')], [k(2, 'B'), k(3, 'A')]))).toEqual({
      new: 1,
      persisting: 1,
      resolved: 1,
    });
  });
});
