import { describe, expect, it } from 'vitest';
import { hasPath, namePathOf } from './serverErrors.ts';

describe('server field paths', () => {
  it('reads both spellings the API uses for a member field', () => {
    expect(namePathOf('members[1].idNumber')).toEqual(['members', 1, 'idNumber']);
    expect(namePathOf('members.1.idNumber')).toEqual(['members', 1, 'idNumber']);
    expect(namePathOf('income.wageIncome')).toEqual(['income', 'wageIncome']);
    expect(namePathOf('householdNo')).toEqual(['householdNo']);
  });

  it('finds registered inputs, empty ones included', () => {
    const values = { householdNo: undefined, members: [{ name: 'a', idNumber: undefined }, { name: 'b' }] };
    expect(hasPath(values, ['householdNo'])).toBe(true);
    expect(hasPath(values, ['members', 0, 'idNumber'])).toBe(true);
    expect(hasPath(values, ['members', 1, 'idNumber'])).toBe(false);
    expect(hasPath(values, ['members', 2, 'name'])).toBe(false);
    expect(hasPath(values, ['headIdNumber'])).toBe(false);
  });
});
