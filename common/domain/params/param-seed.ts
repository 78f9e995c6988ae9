// The shape of a policy parameter and its seeded values, shared by the definition lists (definitions-*.ts).

export type ParamUnit = 'fen' | 'days' | 'months' | 'ratio' | 'years' | 'count' | 'choice';

export interface SeedValue {
  /** 000000000000 national, 140000000000 Shanxi, 140521000000 Qinshui. */
  scopeCode: string;
  year: number | null;
  effectiveFrom: string;
  value: number | string;
  source: string;
}

export interface ParamDefinition {
  key: string;
  labelZh: string;
  labelEn: string;
  unit: ParamUnit;
  /** Allowed values for 'choice'. */
  choices?: readonly string[];
  /** Year-keyed values (like the income line) fall back to the latest earlier year when a year has none. */
  yearly: boolean;
  seeds: SeedValue[];
}

export const NATIONAL = '000000000000';
export const SHANXI = '140000000000';
export const NOT_FOUND = 'default: the policy value was not found (policy-rules.md); set the local value';

export const since = (
  scopeCode: string,
  value: number | string,
  source: string,
  effectiveFrom = '2021-01-01',
  year: number | null = null,
): SeedValue => ({
  scopeCode,
  year,
  effectiveFrom,
  value,
  source,
});
