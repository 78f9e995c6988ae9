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

/**
 * The code prefix a list filtered by a unit matches: a village's own code, a township's or the county's
 * descendants (a 12-digit code as a raw prefix would match nothing above a village). Undefined when no unit is named.
 */
export function orgFilterPrefix(code: string | undefined | null): string | undefined {
  return code ? scopePrefixOf(code) : undefined;
}

export function countyCodeOf(code: string): string {
  return code.slice(0, 6) + '000000';
}

export function isWithinScope(code: string, scopeCode: string): boolean {
  return code.startsWith(scopePrefixOf(scopeCode));
}
