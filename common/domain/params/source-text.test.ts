import { describe, expect, it } from 'vitest';
import { PARAM_DEFINITIONS } from './definitions.ts';
import { NATIONAL } from './param-seed.ts';
import { paramSourceText } from './source-text.ts';

// Issue 16 point 4: a Chinese reader sees every policy source in Chinese, an English reader in English.
const LATIN_WORD = /[A-Za-z]{2,}/;

describe('paramSourceText', () => {
  const seeds = PARAM_DEFINITIONS.flatMap((d) => d.seeds.map((s) => ({ key: d.key, ...s })));

  it.each(seeds.map((s) => [s.key, s] as const))('%s: Chinese in zh mode, the stored English in en mode', (key, s) => {
    const row = { scopeCode: s.scopeCode, year: s.year, effectiveFrom: s.effectiveFrom, source: s.source };
    const zh = paramSourceText(key, row, 'zh-CN');
    expect(zh).not.toMatch(LATIN_WORD);
    expect(zh).toBe(s.sourceZh);
    expect(paramSourceText(key, row, 'en')).toBe(s.source);
  });

  it.each([
    [
      'monitoring.incomeLineFen',
      '政策规则 §1.3：2020年扶贫标准（约4000元）的1.5倍，即6000元，为2021年全国底线；山西逐年数值未找到',
    ],
    [
      'monitoring.incomeDropRatio',
      '默认值：政策规则中未找到该数值，请设置本地数值（收入大幅缩减无全国统一数值；30% 为占位值）',
    ],
  ])('%s reads %s', (key, expected) => {
    const seed = PARAM_DEFINITIONS.find((d) => d.key === key)!.seeds[0]!;
    expect(paramSourceText(key, { scopeCode: NATIONAL, source: seed.source }, 'zh-CN')).toBe(expected);
  });

  it.each([
    ['zh-CN', '县级设置（县管理员）'],
    ['en', 'Set by the county (县管理员)'],
  ] as const)('a county officer’s value in %s', (language, expected) => {
    expect(paramSourceText('monitoring.incomeLineFen', { source: '县级设置 / set by 县管理员' }, language)).toBe(
      expected,
    );
  });

  it.each(PARAM_DEFINITIONS.map((d) => [d.key, d.labelZh] as const))(
    '%s: its Chinese name has no English (%s)',
    (_, label) => {
      expect(label).not.toMatch(LATIN_WORD);
    },
  );

  it('any other text stays as written', () => {
    expect(paramSourceText('monitoring.incomeLineFen', { source: '省里文件' }, 'zh-CN')).toBe('省里文件');
    expect(paramSourceText('no.such.key', { source: 'x' }, 'zh-CN')).toBe('x');
  });
});
