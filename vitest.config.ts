import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure rules, services on a real database, routes via inject)
// and `e2e` (browser journeys in Debian chromium against the built app).
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: a single fork on CI's 2 cores, where the tests wait on
    // embedded PostgreSQL (one core each) and the main process is idle. One fork per core halves npm test there.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['common/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.{ts,tsx}', 'e2e/support/*.test.ts'],
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
          // One journey at a time: two at once on CI's 2 cores saved ~190 s but made journeys flaky under load.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
