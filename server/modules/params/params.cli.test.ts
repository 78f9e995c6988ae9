import { describe, expect, it } from 'vitest';
import { formatParamValue, parseParamValue } from './params.cli.ts';

describe('params typed on the command line', () => {
  it.each([
    ['monitoring.incomeLineFen', '7000', 700_000],
    ['monitoring.incomeLineFen', '6500.5', 650_050],
    ['funds.industryShare', '60%', 0.6],
    ['funds.industryShare', '0.55', 0.55],
    ['workflow.noticeDays', '7', 7],
    ['monitoring.incomeFigure', 'adjusted', 'adjusted'],
  ])('%s %s → %s', (key, raw, value) => expect(parseParamValue(key, raw)).toBe(value));

  it('refuses unknown keys and non-numbers', () => {
    const fieldOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as { fields?: { field: string; messageZh: string }[] }).fields?.[0];
      }
    };
    expect(fieldOf(() => parseParamValue('no.such', '1'))).toMatchObject({
      field: 'key',
      messageZh: '未知参数 no.such',
    });
    expect(fieldOf(() => parseParamValue('workflow.noticeDays', 'five'))).toMatchObject({ field: 'value' });
  });

  it('prints yuan and percentages', () => {
    expect(formatParamValue('fen', 600_000)).toBe('6000.00 元');
    expect(formatParamValue('ratio', 0.15)).toBe('15%');
  });
});
