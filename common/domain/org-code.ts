import type { OrgLevel } from './roles.ts';

// Statistical division codes (统计用区划代码): 12 digits, PPCCDDTTTVVV.
// County 140521000000, township 140521100000, village 140521100201.
// Villager groups have no national code; we extend the village code by 3 digits (15).

export const ORG_CODE_PATTERN = /^\d{12}(\d{3})?$/;

export function levelOfCode(code: string): OrgLevel {
  if (code.length === 15) return 'group';
  if (code.slice(9) !== '000') return 'village';
  if (code.slice(6, 9) !== '000') return 'township';
  return 'county';
}

/** The prefix every descendant's code starts with: the scope of an actor bound to `code`. */
export function scopePrefixOf(code: string): string {
  switch (levelOfCode(code)) {
    case 'county':
      return code.slice(0, 6);
    case 'township':
      return code.slice(0, 9);
    default:
      return code;
  }
}

export function countyCodeOf(code: string): string {
  return code.slice(0, 6) + '000000';
}

export function isWithinScope(code: string, scopeCode: string): boolean {
  return code.startsWith(scopePrefixOf(scopeCode));
}
