import { describe, expect, it } from 'vitest';
import { PARAM_DEFINITIONS } from '#common/domain/params/definitions.ts';
import { CHOICE_LABELS, formatParamValue, inputTextOf, parseParamInput } from './paramFormat.ts';

describe('choice parameters', () => {
  it('name every choice of every parameter in Chinese and English (no code on the 政策参数 page)', () => {
    const choices = PARAM_DEFINITIONS.flatMap((d) => ('choices' in d && d.choices ? [...d.choices] : []));
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.filter((c) => !CHOICE_LABELS[c])).toEqual([]);
  });
});

describe('policy parameter values as people read and type them', () => {
  it('shows fen as yuan, ratios as per cent and whole units with their word', () => {
    expect(formatParamValue(600_000, 'fen', 'zh-CN')).toBe('6,000.00 元');
    expect(formatParamValue(0.3, 'ratio', 'zh-CN')).toBe('30%');
    expect(formatParamValue(0.125, 'ratio', 'zh-CN')).toBe('12.5%');
    expect(formatParamValue(15, 'days', 'zh-CN')).toBe('15 天');
    expect(formatParamValue(3, 'months', 'en')).toBe('3 months');
    expect(formatParamValue('net', 'choice', 'zh-CN')).toBe('人均纯收入');
  });

  it('turns typed yuan and per cent into what the API stores', () => {
    expect(parseParamInput('6,500.5', 'fen')).toEqual({ ok: true, value: 650_050 });
    expect(parseParamInput('1.15', 'fen')).toEqual({ ok: true, value: 115 });
    expect(parseParamInput('30', 'ratio')).toEqual({ ok: true, value: 0.3 });
    expect(parseParamInput('12.5%', 'ratio')).toEqual({ ok: true, value: 0.125 });
    expect(parseParamInput('15', 'days')).toEqual({ ok: true, value: 15 });
    expect(parseParamInput('adjusted', 'choice')).toEqual({ ok: true, value: 'adjusted' });
  });

  it('refuses what the API would refuse, in words', () => {
    expect(parseParamInput('1.234', 'fen')).toMatchObject({
      ok: false,
      messageZh: expect.stringContaining('两位小数'),
    });
    expect(parseParamInput('-5', 'fen')).toMatchObject({ ok: false });
    expect(parseParamInput('120', 'ratio')).toMatchObject({
      ok: false,
      messageZh: expect.stringContaining('0 到 100'),
    });
    expect(parseParamInput('2.5', 'days')).toMatchObject({ ok: false, messageZh: '请填写整数' });
    expect(parseParamInput('', 'months')).toMatchObject({ ok: false });
  });

  it('starts the form from the value in force', () => {
    expect(inputTextOf(600_000, 'fen')).toBe('6000.00');
    expect(inputTextOf(0.3, 'ratio')).toBe('30');
    expect(inputTextOf(15, 'days')).toBe('15');
  });
});
