import { describe, expect, it } from 'vitest';
import { evaluate, ExpressionError, findCycle, parseExpression, referencedCodes } from './expression.ts';

const values: Record<string, number | null> = { A: 10, B: 4, ZERO: 0, NONE: null };
const run = (src: string) =>
  evaluate(parseExpression(src), { element: (c) => values[c] ?? null, indicator: (c) => (c === 'RATE' ? 50 : null) });

describe('expression language', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['#{A} / #{B}', 2.5],
    ['#{A} - #{B} - 1', 5],
    ['-#{B} + 10', 6],
    ['#{A} * 100 / (#{A} + #{B} + 6)', 50],
    ['I{RATE} / 100', 0.5],
    ['  .5 + 0.25 ', 0.75],
    ['#{A} / #{ZERO}', null],
    ['#{A} + #{NONE}', null],
  ])('%s = %s', (src, expected) => {
    expect(run(src)).toBe(expected);
  });

  it.each([
    ['', 1],
    ['1 +', 4],
    ['(1 + 2', 7],
    ['1 + 2)', 6],
    ['#{lower}', 1],
    ['#{A', 1],
    ['eval("x")', 1],
    ['#{A} ** 2', 7],
    ['process.exit()', 1],
    ['1 2', 3],
  ])('refuses %j with the position of the problem', (src, position) => {
    let err: unknown;
    try {
      parseExpression(src);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExpressionError);
    expect((err as ExpressionError).position + 1).toBe(position);
    expect((err as ExpressionError).messageZh).toMatch(/第 \d+ 个字符/);
  });

  it('lists referenced codes by kind', () => {
    const ast = parseExpression('#{A} + #{B} * I{X} / #{A}');
    expect(referencedCodes(ast, 'element')).toEqual(['A', 'B']);
    expect(referencedCodes(ast, 'indicator')).toEqual(['X']);
  });

  it('finds cycles between indicators and accepts a DAG', () => {
    expect(
      findCycle(
        new Map([
          ['A', ['B']],
          ['B', ['C']],
          ['C', []],
        ]),
      ),
    ).toBeNull();
    expect(
      findCycle(
        new Map([
          ['A', ['B']],
          ['B', ['C']],
          ['C', ['A']],
        ]),
      ),
    ).toEqual(['A', 'B', 'C', 'A']);
    expect(findCycle(new Map([['A', ['A']]]))).toEqual(['A', 'A']);
    expect(
      findCycle(
        new Map([
          ['A', ['B', 'C']],
          ['B', ['D']],
          ['C', ['D']],
          ['D', []],
        ]),
      ),
    ).toBeNull();
  });
});
