import type { CoverageScope } from './codes.ts';

// 防贫保险 coverage check (沁发〔2021〕17号 §二(三)5 一是): "过渡期内，为脱贫易返贫户、边缘易致贫户以及因病因灾因意外事故等
// 刚性支出较大或收入大幅缩减导致基本生活困难户购买防贫保险". Those three are the monitored households (监测对象); whether every
// 脱贫户 is insured as well is the county's choice, parameter `insurance.coverageScope` ('alleviatedAndMonitored' by
// default: the county's "1+N" insures all 脱贫户 and 监测对象 — not found in the plan, marked so).
//
// The SQL of the uncovered list (server/modules/insurance/insurance.repository.ts `coverageWhere`) selects the same
// households; insurance.test.ts checks the two agree household by household.

export interface CoverageFacts {
  kind: 'alleviated' | 'ordinary';
  monitoringStatus: 'none' | 'monitored' | 'eliminated' | null;
  /** Closed households (merged, moved out, deceased) need no policy. */
  closed: boolean;
}

export type CoverageReason = 'monitored' | 'alleviated';

/** Why the household must be insured in a year, or null when it need not be. Monitored wins over 脱贫. */
export function coverageReason(h: CoverageFacts, scope: CoverageScope): CoverageReason | null {
  if (h.closed) return null;
  if (h.monitoringStatus === 'monitored') return 'monitored';
  if (scope === 'alleviatedAndMonitored' && h.kind === 'alleviated') return 'alleviated';
  return null;
}

/** Not insured although it must be. */
export function uncovered(h: CoverageFacts, scope: CoverageScope, insured: boolean): boolean {
  return !insured && coverageReason(h, scope) !== null;
}

export function coverageScopeOf(value: unknown): CoverageScope {
  return value === 'monitored' ? 'monitored' : 'alleviatedAndMonitored';
}
