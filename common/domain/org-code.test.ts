import { describe, expect, it } from 'vitest';
import { countyCodeOf, isWithinScope, levelOfCode, orgFilterPrefix, scopePrefixOf } from './org-code.ts';

describe('org codes', () => {
  it.each([
    ['140521000000', 'county', '140521'],
    ['140521100000', 'township', '140521100'],
    ['140521400000', 'township', '140521400'],
    ['140521100201', 'village', '140521100201'],
    ['140521100201001', 'group', '140521100201001'],
  ] as const)('%s is a %s with scope prefix %s', (code, level, prefix) => {
    expect(levelOfCode(code)).toBe(level);
    expect(scopePrefixOf(code)).toBe(prefix);
  });

  it.each([
    ['140521100201', '140521000000', true],
    ['140521100201', '140521100000', true],
    ['140521101201', '140521100000', false],
    ['140521100202', '140521100201', false],
    ['140521100201001', '140521100201', true],
    ['140522100201', '140521000000', false],
  ])('%s within %s: %s', (code, scope, expected) => {
    expect(isWithinScope(code, scope)).toBe(expected);
  });

  it.each([
    [undefined, undefined],
    ['', undefined],
    ['140521000000', '140521'],
    ['140521100000', '140521100'],
    ['140521100201', '140521100201'],
  ])('a list filtered by %s matches codes starting %s', (code, prefix) => {
    expect(orgFilterPrefix(code)).toBe(prefix);
  });

  it('derives the county code', () => {
    expect(countyCodeOf('140521100201')).toBe('140521000000');
  });
});
