import { describe, expect, it } from 'vitest';
import { oneLanguage } from './bilingual.ts';

describe('oneLanguage', () => {
  it.each([
    ['排队中 / queued', '排队中', 'queued'],
    ['完成 / done', '完成', 'done'],
    ['校验第 3/10 户 / checking household 3 of 10', '校验第 3/10 户', 'checking household 3 of 10'],
    ['写入登记库 / writing the registry', '写入登记库', 'writing the registry'],
    ['已评估 3 / 10 户', '已评估 3 / 10 户', '已评估 3 / 10 户'],
    ['3 / 10', '3 / 10', '3 / 10'],
    ['只有中文', '只有中文', '只有中文'],
    ['', '', ''],
  ])('%j → zh %j, en %j', (text, zh, en) => {
    expect(oneLanguage(text, 'zh-CN')).toBe(zh);
    expect(oneLanguage(text, 'en')).toBe(en);
  });

  it('reads nothing as empty', () => {
    expect(oneLanguage(null, 'zh-CN')).toBe('');
  });
});
