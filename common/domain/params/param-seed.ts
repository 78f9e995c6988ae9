// The shape of a policy parameter and its seeded values, shared by the definition lists (definitions-*.ts).

export type ParamUnit = 'fen' | 'days' | 'months' | 'ratio' | 'years' | 'count' | 'choice';

export interface SeedValue {
  /** 000000000000 national, 140000000000 Shanxi, 140521000000 Qinshui. */
  scopeCode: string;
  year: number | null;
  effectiveFrom: string;
  value: number | string;
  /** Where the value comes from, in English: stored as `policy_param.source` and shown in English mode. */
  source: string;
  /** The same in Chinese, shown in Chinese mode (`paramSourceText`). */
  sourceZh: string;
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
export const NOT_FOUND_ZH = '默认值：政策规则中未找到该数值，请设置本地数值';

/** A source citation in both languages. Style: 政策规则 §3.4 / policy-rules §3.4, 沁发〔2021〕17号 §三(五). */
export interface SourceText {
  zh: string;
  en: string;
}

export const src = (zh: string, en: string): SourceText => ({ zh, en });

/** A documented default where policy-rules.md says "not found", with why this default. */
export const notFound = (zhDetail: string, enDetail: string): SourceText => ({
  zh: `${NOT_FOUND_ZH}（${zhDetail}）`,
  en: `${NOT_FOUND} (${enDetail})`,
});

export const since = (
  scopeCode: string,
  value: number | string,
  source: SourceText,
  effectiveFrom = '2021-01-01',
  year: number | null = null,
): SeedValue => ({
  scopeCode,
  year,
  effectiveFrom,
  value,
  source: source.en,
  sourceZh: source.zh,
});
