import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each journey file took on CI (fresh clone, two at a time). On a fresh clone vitest has no timings of its
 * own and runs larger files first, which left every-page (the longest) for the end: one worker ran it alone while
 * the other sat idle. Refresh the figures when a journey grows; a file not listed runs first.
 */
export const JOURNEY_SECONDS: Readonly<Record<string, number>> = {
  'every-page.test.ts': 197,
  'manual.test.ts': 144,
  'cases.test.ts': 118,
  'projects.test.ts': 113,
  'villages.test.ts': 110,
  'programmes.test.ts': 105,
  'monitoring.test.ts': 98,
  'foundation.test.ts': 93,
  'registry.test.ts': 80,
  'home.test.ts': 74,
  'indicators.test.ts': 72,
  'assistance.test.ts': 67,
};

const secondsOf = (file: string) => JOURNEY_SECONDS[path.basename(file)] ?? Number.POSITIVE_INFINITY;

/** Journey files in order of their CI seconds, longest first (so two workers finish close together). */
export function longestFirst<T>(files: readonly T[], fileOf: (f: T) => string): T[] {
  return [...files].sort((a, b) => secondsOf(fileOf(b)) - secondsOf(fileOf(a)));
}

/** vitest's order for every project, except that the journeys run longest first. */
export class JourneysLongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isJourney = (f: TestSpecification) => f.project.name === 'e2e';
    const journeys = longestFirst(sorted.filter(isJourney), (f) => f.moduleId);
    let next = 0;
    return sorted.map((f) => (isJourney(f) ? journeys[next++] : f));
  }
}
