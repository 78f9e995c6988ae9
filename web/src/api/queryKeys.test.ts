import { describe, expect, it } from 'vitest';
import { keys } from './queryKeys.ts';

// Invalidating a module's `all` must reach every key of that module: each key starts with the module prefix.
describe('query-key factories', () => {
  const samples: [string, readonly unknown[], readonly unknown[]][] = [
    ['projects list', keys.projects.all, keys.projects.list({} as never)],
    ['project asset', keys.projects.all, keys.projects.asset(3)],
    ['project fund ledger', keys.projects.all, keys.projects.fundLedger('allocations', 2026)],
    ['cases monitored', keys.cases.all, keys.cases.monitored('张')],
    ['clue detail', keys.clues.all, keys.clues.detail(7)],
    ['clue list', keys.clues.all, keys.clues.list()],
    ['warnings', keys.monitoring.all, keys.monitoring.warnings()],
    ['registry search', keys.registry.all, keys.registry.searchBy('1401')],
    ['users list', keys.users.all, keys.users.list('张')],
    ['relief households', keys.relief.all, keys.relief.households('张')],
    ['assistance obligations', keys.assistance.all, keys.assistance.obligations(undefined, '1405', 'x')],
    ['indicator cockpit', keys.indicators.all, keys.indicators.cockpit('1405', '2026-11', 'x')],
    ['help page', keys.help.all, keys.help.page('manual')],
    ['org unit', keys.org.all, keys.org.unit('1405')],
    ['params', keys.params.all, keys.params.resolved('2026-11')],
  ];

  it.each(samples)('%s starts with its module prefix', (_, prefix, key) => {
    expect(key.slice(0, prefix.length)).toEqual([...prefix]);
  });

  it('tells different arguments apart', () => {
    expect(keys.projects.asset(1)).not.toEqual(keys.projects.asset(2));
    expect(keys.help.page('a')).not.toEqual(keys.help.page('b'));
  });
});
