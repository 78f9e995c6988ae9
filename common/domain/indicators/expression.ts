// The indicator expression language (version 1): numbers, data element references #{CODE},
// indicator references I{CODE}, + - * /, unary minus and parentheses. Parsed to an AST by a small
// recursive-descent parser — never eval — and evaluated over already aggregated sums
// (ratio of sums: an indicator is computed after aggregation, never averaged).

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'element'; code: string }
  | { kind: 'indicator'; code: string }
  | { kind: 'neg'; operand: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

export const EXPRESSION_VERSION = 1;
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

export class ExpressionError extends Error {
  readonly position: number;
  readonly messageZh: string;
  constructor(zh: string, en: string, position: number) {
    super(`${en} (at ${position + 1})`);
    this.name = 'ExpressionError';
    this.messageZh = `${zh}（第 ${position + 1} 个字符）`;
    this.position = position;
  }
}

type Token =
  | { t: 'num'; v: number; p: number }
  | { t: 'ref'; kind: 'element' | 'indicator'; code: string; p: number }
  | { t: 'op'; v: string; p: number }
  | { t: 'end'; p: number };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if ((c >= '0' && c <= '9') || c === '.') {
      const m = /^\d+(\.\d+)?|^\.\d+/.exec(src.slice(i));
      if (!m) throw new ExpressionError('数字格式错误', 'Malformed number', i);
      out.push({ t: 'num', v: Number(m[0]), p: i });
      i += m[0].length;
      continue;
    }
    if ((c === '#' || c === 'I') && src[i + 1] === '{') {
      const close = src.indexOf('}', i + 2);
      if (close < 0) throw new ExpressionError('引用缺少右花括号 }', 'Reference is missing }', i);
      const code = src.slice(i + 2, close).trim();
      if (!CODE.test(code))
        throw new ExpressionError(
          `代码“${code}”不合法（大写字母、数字、下划线）`,
          `Invalid code "${code}" (A-Z, 0-9, _)`,
          i,
        );
      out.push({ t: 'ref', kind: c === '#' ? 'element' : 'indicator', code, p: i });
      i = close + 1;
      continue;
    }
    if ('+-*/()'.includes(c)) {
      out.push({ t: 'op', v: c, p: i });
      i++;
      continue;
    }
    throw new ExpressionError(`无法识别的字符“${c}”`, `Unexpected character "${c}"`, i);
  }
  out.push({ t: 'end', p: src.length });
  return out;
}

/** Parse an expression; throws ExpressionError with the position of the first problem. */
export function parseExpression(src: string): Expr {
  if (src.length > 2000) throw new ExpressionError('表达式过长', 'Expression too long', 0);
  const tokens = tokenize(src);
  let k = 0;
  const peek = () => tokens[k];
  const isOp = (v: string) => {
    const t = peek();
    return t.t === 'op' && t.v === v;
  };
  let depth = 0;
  function expr(): Expr {
    let left = term();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[k++] as { v: '+' | '-' }).v;
      left = { kind: 'bin', op, left, right: term() };
    }
    return left;
  }
  function term(): Expr {
    let left = factor();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[k++] as { v: '*' | '/' }).v;
      left = { kind: 'bin', op, left, right: factor() };
    }
    return left;
  }
  function factor(): Expr {
    const t = peek();
    if (t.t === 'num') {
      k++;
      return { kind: 'num', value: t.v };
    }
    if (t.t === 'ref') {
      k++;
      return { kind: t.kind, code: t.code };
    }
    if (t.t === 'op' && t.v === '-') {
      k++;
      return { kind: 'neg', operand: factor() };
    }
    if (t.t === 'op' && t.v === '(') {
      if (++depth > 50) throw new ExpressionError('括号嵌套过深', 'Parentheses nested too deeply', t.p);
      k++;
      const inner = expr();
      if (!isOp(')')) throw new ExpressionError('缺少右括号 )', 'Missing )', peek().p);
      k++;
      depth--;
      return inner;
    }
    if (t.t === 'end') throw new ExpressionError('表达式不完整', 'Unexpected end of expression', t.p);
    throw new ExpressionError(`此处不应出现“${(t as { v: string }).v}”`, `Unexpected "${(t as { v: string }).v}"`, t.p);
  }
  const ast = expr();
  if (peek().t !== 'end')
    throw new ExpressionError('表达式在此处之后有多余内容', 'Unexpected trailing input', peek().p);
  return ast;
}

export function referencedCodes(ast: Expr, kind: 'element' | 'indicator'): string[] {
  const out = new Set<string>();
  const walk = (e: Expr): void => {
    if (e.kind === kind) out.add(e.code);
    else if (e.kind === 'neg') walk(e.operand);
    else if (e.kind === 'bin') {
      walk(e.left);
      walk(e.right);
    }
  };
  walk(ast);
  return [...out];
}

/**
 * Evaluate over aggregated inputs. A missing input (null) makes the result null ("no data"), and so does
 * a division by zero: an empty denominator is not a 0 % rate.
 */
export function evaluate(
  ast: Expr,
  lookup: { element: (code: string) => number | null; indicator?: (code: string) => number | null },
): number | null {
  switch (ast.kind) {
    case 'num':
      return ast.value;
    case 'element':
      return lookup.element(ast.code);
    case 'indicator':
      return lookup.indicator ? lookup.indicator(ast.code) : null;
    case 'neg': {
      const v = evaluate(ast.operand, lookup);
      return v === null ? null : -v;
    }
    case 'bin': {
      const l = evaluate(ast.left, lookup);
      const r = evaluate(ast.right, lookup);
      if (l === null || r === null) return null;
      switch (ast.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          return r === 0 ? null : l / r;
      }
    }
  }
}

/**
 * Indicators may reference indicators (I{CODE}); a cycle would never terminate. Returns the first cycle
 * found as a path of codes (A → B → A), or null. `deps` maps an indicator code to the indicator codes it references.
 */
export function findCycle(deps: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  function visit(code: string): string[] | null {
    const s = state.get(code);
    if (s === 2) return null;
    if (s === 1) return [...stack.slice(stack.indexOf(code)), code];
    state.set(code, 1);
    stack.push(code);
    for (const d of deps.get(code) ?? []) {
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(code, 2);
    return null;
  }
  for (const code of deps.keys()) {
    const c = visit(code);
    if (c) return c;
  }
  return null;
}
