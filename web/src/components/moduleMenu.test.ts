import { describe, expect, it } from 'vitest';
import { openMenuKey, selectedMenuKey } from './moduleMenu.tsx';

describe('menu selection follows the location', () => {
  it.each([
    ['/registry', '/registry', 'registry'],
    ['/registry/42', '/registry', 'registry'],
    ['/registry/new', '/registry', 'registry'],
    ['/registry/reviews', '/registry/reviews', 'registry'],
    ['/monitoring/clues', '/monitoring/clues', 'monitoring'],
    ['/monitoring/warnings/7', '/monitoring/warnings', 'monitoring'],
    ['/petitions', '/petitions', 'monitoring'],
    ['/petitions/zero', '/petitions/zero', 'monitoring'],
    ['/users', '/users', undefined],
    ['/org', '/org', undefined],
    ['/', '/', undefined],
  ])('%s → %s', (path, selected, open) => {
    expect(selectedMenuKey(path)).toBe(selected);
    expect(openMenuKey(path)).toBe(open);
  });
});
