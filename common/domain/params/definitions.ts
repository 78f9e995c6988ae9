// Every policy number the system uses, with its unit, meaning and the seeded defaults with their
// sources (policy-rules.md). Where the policy says "not found", the default is marked so, and a
// county administrator is expected to set the local value.
// The lists live by subject in definitions-*.ts; the shared shape and `since` in param-seed.ts.

import { ANALYSIS_PARAMS } from './definitions-analysis.ts';
import { ASSISTANCE_PARAMS } from './definitions-assistance.ts';
import { EMPLOYMENT_PARAMS } from './definitions-employment.ts';
import { GOVERNANCE_PARAMS } from './definitions-governance.ts';
import { KEY_VILLAGE_PARAMS } from './definitions-key-villages.ts';
import { MONITORING_PARAMS } from './definitions-monitoring.ts';
import { PETITION_PARAMS } from './definitions-petitions.ts';
import { PROGRAMME_PARAMS } from './definitions-programmes.ts';
import { QUALITY_PARAMS } from './definitions-quality.ts';
import { VILLAGE_ECONOMY_PARAMS } from './definitions-village-economy.ts';
import { VILLAGE_SUPPORT_PARAMS } from './definitions-village-support.ts';
import type { ParamDefinition } from './param-seed.ts';

export { NATIONAL, SHANXI, type ParamDefinition, type ParamUnit, type SeedValue } from './param-seed.ts';

export const PARAM_DEFINITIONS: readonly ParamDefinition[] = [
  ...MONITORING_PARAMS,
  ...QUALITY_PARAMS,
  ...GOVERNANCE_PARAMS,
  ...ASSISTANCE_PARAMS,
  ...ANALYSIS_PARAMS,
  ...EMPLOYMENT_PARAMS,
  ...PROGRAMME_PARAMS,
  ...VILLAGE_ECONOMY_PARAMS,
  ...VILLAGE_SUPPORT_PARAMS,
  ...PETITION_PARAMS,
  ...KEY_VILLAGE_PARAMS,
];

export function definitionOf(key: string): ParamDefinition | undefined {
  return PARAM_DEFINITIONS.find((d) => d.key === key);
}
