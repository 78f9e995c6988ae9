import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { JourneysLongestFirst } from './e2e/support/journey-order.ts';

// `npm run test:pg` (GUARDLINE_TEST_PG=1) runs the server's tests again on PostgreSQL. These never open a database
// (static checks: eslint, the schema's shape, file readers and writers, pure helpers, a fake Db), so they already
// ran in `npm test` and would only run the same way a second time. A test that opens a database stays out of this list.
const DATABASE_FREE_SERVER_TESTS = [
  'server/config.test.ts',
  'server/db/data-dir-lock.test.ts',
  'server/db/schema/county-code.test.ts',
  'server/http/download.test.ts',
  'server/http/slow-requests.test.ts',
  'server/lib/pdf.test.ts',
  'server/lib/sheet-import.test.ts',
  'server/lib/xlsx-ledger.test.ts',
  'server/lib/xlsx-rows.test.ts',
  'server/lib/xlsx-stream-reader.test.ts',
  'server/module-boundaries.test.ts',
  'server/modules/feeds/csv-reader.test.ts',
  'server/modules/feeds/xlsx-reader.test.ts',
  'server/modules/help/manual.test.ts',
  'server/modules/indicators/assessment.scores.test.ts',
  'server/modules/params/params.cli.test.ts',
  'server/modules/projects/notices.date.test.ts',
  'server/modules/registry/demo-generator.test.ts',
  'server/production-deps.test.ts',
  'server/test/factories.test.ts',
  'server/thin-layers.test.ts',
];

// Two projects: `unit` (pure rules, services on a real database, routes via inject)
// and `e2e` (browser journeys in Debian chromium against the built app).
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: a single fork on CI's 2 cores, where the tests wait on
    // embedded PostgreSQL (one core each) and the main process is idle. One fork per core halves npm test there.
    maxWorkers: Math.max(2, availableParallelism()),
    // The journeys run longest first (measured seconds in e2e/support/journey-order.ts); other files keep vitest's order.
    sequence: { sequencer: JourneysLongestFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['common/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.{ts,tsx}', 'e2e/support/*.test.ts'],
          exclude: [...configDefaults.exclude, ...(process.env.GUARDLINE_TEST_PG ? DATABASE_FREE_SERVER_TESTS : [])],
          globalSetup: ['server/test/global-setup.ts'],
          pool: 'forks',
          // Files share a fork's module cache: importing the whole server once per fork instead of once per file
          // (imports were half of the suite's time). Files still get their own database (server/test/test-db.ts);
          // a file that changes process.env or fakes timers puts them back in afterAll/finally.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          exclude: ['e2e/support/**', '**/node_modules/**'],
          // The demo county is loaded once into a template data directory; each journey's server copies it.
          globalSetup: ['e2e/support/global-setup.ts'],
          pool: 'forks',
          // Two journeys at a time (one per core): each waits on its own server and browser most of the time.
          fileParallelism: true,
          maxWorkers: 2,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
