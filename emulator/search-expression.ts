/**
 * Okta's `search` / `filter` expression language for listing groups, e.g.
 * `profile.name eq "Payroll \"EU\"" or id eq "00g…"`. Grammar:
 *   expr := and ("or" and)* ;  and := atom ("and" atom)* ;
 *   atom := "(" expr ")" | attribute "pr" | attribute op value
 * Strings are double-quoted with backslash escapes. Comparisons are exact and case-sensitive
 * (`sw` and `co` too); whether Okta folds case for search is unverified.
 */
import { validation } from './errors';
import type { Json, JsonObject } from './types';

/** A compiled expression: does an object match? */
export type Predicate = (object: JsonObject) => boolean;

type Token = { kind: 'word' | 'string' | 'paren'; text: string };

const OPERATORS = ['eq', 'ne', 'sw', 'co', 'gt', 'ge', 'lt', 'le'];

/** Compiles an expression; a malformed one is Okta's 400 E0000001. */
export function compileSearch(expression: string): Predicate {
  const tokens = tokenize(expression);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const fail = (why: string): never => {
    throw validation(`Invalid search criteria: ${why}`);
  };
  const word = (text: string): boolean => peek()?.kind === 'word' && peek()?.text.toLowerCase() === text;

  const parseOr = (): Predicate => {
    const parts = [parseAnd()];
    while (word('or')) {
      at++;
      parts.push(parseAnd());
    }
    return (o) => parts.some((p) => p(o));
  };
  const parseAnd = (): Predicate => {
    const parts = [parseAtom()];
    while (word('and')) {
      at++;
      parts.push(parseAtom());
    }
    return (o) => parts.every((p) => p(o));
  };
  const parseAtom = (): Predicate => {
    const token = tokens[at++] ?? fail('unexpected end');
    if (token.kind === 'paren' && token.text === '(') {
      const inner = parseOr();
      if (tokens[at++]?.text !== ')') fail('missing )');
      return inner;
    }
    if (token.kind !== 'word') fail(`unexpected ${token.text}`);
    const attribute = token.text;
    const op = (tokens[at++] ?? fail(`missing operator after ${attribute}`)).text.toLowerCase();
    if (op === 'pr') return (o) => lookup(o, attribute) !== undefined && lookup(o, attribute) !== null;
    if (!OPERATORS.includes(op)) fail(`unknown operator ${op}`);
    const valueToken = tokens[at++] ?? fail(`missing value after ${op}`);
    const value: Json = valueToken.kind === 'string' ? valueToken.text : literal(valueToken.text, fail);
    return (o) => compare(lookup(o, attribute), op, value);
  };

  const predicate = parseOr();
  if (at !== tokens.length) fail(`unexpected ${tokens[at].text}`);
  return predicate;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: 'paren', text: c });
      i++;
    } else if (c === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        // A backslash takes the next character literally (\" and \\).
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i++];
      }
      if (i >= text.length) throw validation('Invalid search criteria: unterminated string');
      i++;
      tokens.push({ kind: 'string', text: value });
    } else {
      const start = i;
      while (i < text.length && !/[\s()"]/.test(text[i])) i++;
      tokens.push({ kind: 'word', text: text.slice(start, i) });
    }
  }
  return tokens;
}

function literal(text: string, fail: (why: string) => never): Json {
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : fail(`bad value ${text}`);
}

function lookup(object: JsonObject, attribute: string): Json | undefined {
  let current: Json | undefined = object;
  for (const key of attribute.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = current[key];
  }
  return current;
}

function compare(actual: Json | undefined, op: string, expected: Json): boolean {
  if (actual === undefined) return op === 'ne';
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'sw':
      return typeof actual === 'string' && typeof expected === 'string' && actual.startsWith(expected);
    case 'co':
      return typeof actual === 'string' && typeof expected === 'string' && actual.includes(expected);
    default: {
      // gt/ge/lt/le: ISO timestamps and numbers both order correctly as compared here.
      if (actual === null || expected === null || typeof actual === 'object') return false;
      const a = actual as string | number | boolean;
      const b = expected as string | number | boolean;
      if (op === 'gt') return a > b;
      if (op === 'ge') return a >= b;
      if (op === 'lt') return a < b;
      return a <= b;
    }
  }
}
