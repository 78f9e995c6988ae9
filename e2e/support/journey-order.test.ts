import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNEY_SECONDS, longestFirst } from './journey-order.ts';

describe('journey order', () => {
  it('runs the journeys longest first, and one with no figure before them', () => {
    const files = ['e2e/home.test.ts', 'e2e/every-page.test.ts', 'e2e/new-one.test.ts', 'e2e/manual.test.ts'];
    expect(longestFirst(files, (f) => f)).toEqual([
      'e2e/new-one.test.ts',
      'e2e/every-page.test.ts',
      'e2e/manual.test.ts',
      'e2e/home.test.ts',
    ]);
  });

  it('has a figure for every journey file and none for a file that is gone', () => {
    const dir = path.join(import.meta.dirname, '..');
    const journeys = readdirSync(dir).filter((f) => f.endsWith('.test.ts'));
    expect(Object.keys(JOURNEY_SECONDS).sort()).toEqual(journeys.sort());
  });
});
