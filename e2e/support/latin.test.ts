import { describe, expect, it } from 'vitest';
import { findLatinWords } from './latin.ts';

const words = (text: string) => findLatinWords(text).map((h) => h.word);

describe('findLatinWords', () => {
  it.each([
    // what issue 16 measured in Chinese mode
    ['排队中 / queued', ['queued']],
    ['参数 minimumLiving 未设置', ['minimumLiving']],
    ['依据 policy-rules §3.4 (Anhui 2020)', ['policy', 'rules', 'Anhui']],
    ['entry.complete project5', ['entry', 'complete', 'project5']],
    ['national floor for 2021', ['national', 'floor', 'for']],
    ['Mixed 中文 and English', ['Mixed', 'and', 'English']],
    ['households 加 members', ['households', 'members']],
    ['状态 schedule · demo', ['schedule', 'demo']],
    ['Project2021 kW', ['Project2021', 'kW']],
  ])('catches the English in %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each([
    ['Guardline 防返贫监测帮扶平台'],
    ['导出 Excel（WPS 可打开）· 下载 PDF · 模板.xlsx · 数据.csv'],
    ['身份证号 1405**********123X'],
    ['户编号 140521100201-0007，人均纯收入 6,000.00 元'],
    ['GB 11643 校验失败'],
    ['5G 基站，2 kg，3 km'],
    ['A 类，第 3 页，共 12 条'],
    ['2024-03-01 至 2024-03-31'],
    ['东庄村 200kW 村级光伏扶贫电站'],
    ['资产编号 ZC2020I00002，ZC202600000101'],
    ['请求号 4a54e413'],
    ['households.csv 加 members.csv，或 模板.XLSX'],
    [''],
  ])('passes %j', (text) => {
    expect(findLatinWords(text)).toEqual([]);
  });

  it('reports where the word stands', () => {
    expect(findLatinWords('任务状态：排队中 / queued，请稍候')).toEqual([
      { word: 'queued', context: '任务状态：排队中 / queued，请稍候' },
    ]);
  });

  it('takes another allow-list', () => {
    expect(findLatinWords('导出 PDF', [])).toEqual([{ word: 'PDF', context: '导出 PDF' }]);
  });
});
