/**
 * A parser for the part of the Okta Expression Language that `lib/okta/expressions.ts` writes,
 * plus the list literals Okta's documentation uses. Preview parses the claim text that synthesis
 * puts into Terraform, so a change to the expressions changes what preview reports.
 *
 * Strings have no escapes: the generator refuses quotes and backslashes inside them.
 */

export type Expression =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'list'; readonly items: readonly Expression[] }
  | { readonly kind: 'path'; readonly path: readonly string[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expression[] }
  | { readonly kind: 'equals'; readonly left: Expression; readonly right: Expression }
  | { readonly kind: 'conditional'; readonly test: Expression; readonly then: Expression; readonly otherwise: Expression };

/** The expression text is outside the subset preview understands. */
export class ExpressionSyntaxError extends Error {
  constructor(text: string, position: number, expected: string) {
    super(`cannot read the Okta expression ${JSON.stringify(text)} at character ${position + 1}: expected ${expected}`);
    this.name = 'ExpressionSyntaxError';
  }
}

interface Token {
  readonly type: 'string' | 'number' | 'name' | 'symbol';
  readonly text: string;
  readonly position: number;
}

const TOKEN = /\s*(?:("[^"]*")|(\d+)|([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)|(==|[?:(){},]))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) {
      const rest = text.slice(start);
      if (rest.trim() === '') break;
      throw new ExpressionSyntaxError(
        text,
        start + rest.length - rest.trimStart().length,
        'a string, number, name or one of == ? : ( ) { } ,',
      );
    }
    const [whole, string, number, name, symbol] = match;
    const position = start + whole.length - (string ?? number ?? name ?? symbol).length;
    if (string !== undefined) tokens.push({ type: 'string', text: string.slice(1, -1), position });
    else if (number !== undefined) tokens.push({ type: 'number', text: number, position });
    else if (name !== undefined) tokens.push({ type: 'name', text: name, position });
    else tokens.push({ type: 'symbol', text: symbol, position });
  }
  return tokens;
}

/** Parses one expression; throws ExpressionSyntaxError on anything outside the subset. */
export function parseExpression(text: string): Expression {
  const tokens = tokenize(text);
  let index = 0;
  const peek = (): Token | undefined => tokens[index];
  const positionOf = (token: Token | undefined): number => token?.position ?? text.length;
  const accept = (symbol: string): boolean => {
    const token = peek();
    if (token?.type !== 'symbol' || token.text !== symbol) return false;
    index++;
    return true;
  };
  const expect = (symbol: string): void => {
    if (!accept(symbol)) throw new ExpressionSyntaxError(text, positionOf(peek()), `"${symbol}"`);
  };

  const conditional = (): Expression => {
    const test = equality();
    if (!accept('?')) return test;
    const then = conditional();
    expect(':');
    return { kind: 'conditional', test, then, otherwise: conditional() };
  };
  const equality = (): Expression => {
    const left = primary();
    return accept('==') ? { kind: 'equals', left, right: primary() } : left;
  };
  const list = (close: string): Expression[] => {
    const items: Expression[] = [];
    if (accept(close)) return items;
    do items.push(conditional());
    while (accept(','));
    expect(close);
    return items;
  };
  const primary = (): Expression => {
    const token = peek();
    if (!token) throw new ExpressionSyntaxError(text, text.length, 'a value');
    index++;
    if (token.type === 'string') return { kind: 'string', value: token.text };
    if (token.type === 'number') return { kind: 'number', value: Number(token.text) };
    if (token.type === 'name') {
      if (token.text === 'null') return { kind: 'null' };
      if (token.text === 'true' || token.text === 'false') return { kind: 'boolean', value: token.text === 'true' };
      return accept('(') ? { kind: 'call', name: token.text, args: list(')') } : { kind: 'path', path: token.text.split('.') };
    }
    if (token.text === '{') return { kind: 'list', items: list('}') };
    if (token.text === '(') {
      const inner = conditional();
      expect(')');
      return inner;
    }
    throw new ExpressionSyntaxError(text, token.position, 'a value');
  };

  const expression = conditional();
  if (index < tokens.length) throw new ExpressionSyntaxError(text, positionOf(peek()), 'the end of the expression');
  return expression;
}
