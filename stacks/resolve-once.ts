import { DefaultTokenResolver, StringConcat, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Resolves the tokens in one element's Terraform JSON, as cdktf's `resolve` does. Most elements
 * hold none (an app's settings, its `ignore_changes` list, group searches are plain text and
 * numbers), and cdktf's resolve makes a context object and runs its token patterns for every key
 * and value of them: about a fifth of a large synth's CPU time (BENCHMARKS.md). So the value is
 * first copied as plain JSON, dropping `undefined` entries as resolve does; only a value with
 * something cdktf would act on (a token marker, a number that encodes a token, also inside text,
 * an object that is not plain data) goes through cdktf's resolve, whole.
 */
export function resolveOnce(scope: IConstruct, value: unknown): Record<string, unknown> {
  const plain = plainCopy(value);
  if (plain !== UNRESOLVED) return plain as Record<string, unknown>;
  return Tokenization.resolve(value, { scope, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}

const UNRESOLVED = Symbol('unresolved');

/** cdktf's markers: `${TfToken[…]}` (text), `#{TfToken[…]}` (lists), `&{TfToken[…]}` (maps). */
const TOKEN_MARKER = '{TfToken[';
/** cdktf's pattern for a number in text that may encode a token (its own copy, `NUMBER_TOKEN_REGEX`). */
const NUMBER_IN_TEXT = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/g;

/** Whether cdktf's resolve would replace anything in `text`: a token marker, or a number in it that encodes a token. */
function holdsToken(text: string): boolean {
  if (text.includes(TOKEN_MARKER)) return true;
  for (const [number] of text.matchAll(NUMBER_IN_TEXT)) if (Token.isUnresolved(parseFloat(number))) return true;
  return false;
}

function plainCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
      return holdsToken(value) ? UNRESOLVED : value;
    case 'number':
      return Token.isUnresolved(value) ? UNRESOLVED : value;
    case 'boolean':
    case 'undefined':
      return value;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const copy: unknown[] = [];
        for (const item of value) {
          if (item === undefined) continue;
          const itemCopy = plainCopy(item);
          if (itemCopy === UNRESOLVED) return UNRESOLVED;
          copy.push(itemCopy);
        }
        return copy;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return UNRESOLVED;
      const copy: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(value)) {
        if (entry === undefined) continue;
        const entryCopy = plainCopy(entry);
        if (entryCopy === UNRESOLVED || plainCopy(key) === UNRESOLVED) return UNRESOLVED;
        copy[key] = entryCopy;
      }
      return copy;
    }
    default:
      return UNRESOLVED;
  }
}
