import { definitionOf } from './definitions.ts';

// Where a parameter value comes from, in the reader's language. The database keeps the English
// citation of a seeded default (`policy_param.source`); its Chinese twin is the seed's `sourceZh`.
// A value set by a county officer is stored as `县级设置 / set by <name>`.

export interface SourcedRow {
  scopeCode?: string;
  year?: number | null;
  effectiveFrom?: string;
  source?: string | null;
}

const COUNTY_SET = /^县级设置 \/ set by (.*)$/;

export function paramSourceText(key: string, row: SourcedRow, language: 'zh-CN' | 'en'): string {
  const source = row.source ?? '';
  const countySet = COUNTY_SET.exec(source);
  if (countySet) return language === 'en' ? `Set by the county (${countySet[1]})` : `县级设置（${countySet[1]}）`;
  if (language === 'en') return source;
  const seed = definitionOf(key)?.seeds.find(
    (s) =>
      s.source === source &&
      (row.scopeCode === undefined || s.scopeCode === row.scopeCode) &&
      (row.effectiveFrom === undefined || s.effectiveFrom === row.effectiveFrom),
  );
  return seed ? seed.sourceZh : source;
}
