import { describe, expect, it } from 'vitest';
import { coverageReason, coverageScopeOf, uncovered, type CoverageFacts } from './coverage.ts';

const h = (f: Partial<CoverageFacts>): CoverageFacts => ({
  kind: 'ordinary',
  monitoringStatus: 'none',
  closed: false,
  ...f,
});

describe('防贫保险 coverage (沁发〔2021〕17号 §二(三)5 一是)', () => {
  it.each([
    // [case, household, scope, reason]
    ['脱贫户, all 脱贫 insured', h({ kind: 'alleviated' }), 'alleviatedAndMonitored', 'alleviated'],
    ['脱贫户, monitored only', h({ kind: 'alleviated' }), 'monitored', null],
    ['monitored ordinary household', h({ monitoringStatus: 'monitored' }), 'alleviatedAndMonitored', 'monitored'],
    ['monitored ordinary, monitored only', h({ monitoringStatus: 'monitored' }), 'monitored', 'monitored'],
    [
      'monitored 脱贫户: monitored wins',
      h({ kind: 'alleviated', monitoringStatus: 'monitored' }),
      'monitored',
      'monitored',
    ],
    ['risk eliminated ordinary household', h({ monitoringStatus: 'eliminated' }), 'alleviatedAndMonitored', null],
    [
      'risk eliminated 脱贫户',
      h({ kind: 'alleviated', monitoringStatus: 'eliminated' }),
      'alleviatedAndMonitored',
      'alleviated',
    ],
    ['ordinary household', h({}), 'alleviatedAndMonitored', null],
    ['no monitoring status', h({ monitoringStatus: null }), 'alleviatedAndMonitored', null],
    ['closed 脱贫户', h({ kind: 'alleviated', closed: true }), 'alleviatedAndMonitored', null],
    ['closed monitored household', h({ monitoringStatus: 'monitored', closed: true }), 'monitored', null],
  ] as const)('%s', (_case, facts, scope, reason) => {
    expect(coverageReason(facts, scope)).toBe(reason);
    expect(uncovered(facts, scope, false)).toBe(reason !== null);
    expect(uncovered(facts, scope, true)).toBe(false);
  });

  it('reads the parameter value, defaulting to all 脱贫 and monitored households', () => {
    expect(coverageScopeOf('monitored')).toBe('monitored');
    expect(coverageScopeOf('alleviatedAndMonitored')).toBe('alleviatedAndMonitored');
    expect(coverageScopeOf(undefined)).toBe('alleviatedAndMonitored');
  });
});
