/**
 * Policy patterns: `*` matches any text (including none), everything else matches itself,
 * ignoring case, so that "EVERYONE" cannot slip past a guardrail written as "Everyone".
 *
 * No regular expressions: a pattern such as "*a*a*a*a*b" made a backtracking matcher take over a
 * minute on one 255-character name. Matching here takes one left-to-right pass over the text
 * per literal part, and intersection is a walk over the pairs of positions of two patterns.
 */
import { DynamicMatch } from '../model/app';
export function globMatches(pattern: string, text: string): boolean {
  return matchesLowered(partsOf(pattern), text.toLowerCase());
}

/** The first of `patterns` that matches `text`. */
export function firstMatch(patterns: readonly string[] | undefined, text: string): string | undefined {
  const subject = text.toLowerCase();
  return patterns?.find((pattern) => matchesLowered(partsOf(pattern), subject));
}

/**
 * Each pattern's lower-cased literal parts, split once: the policy's few patterns are matched
 * against every group of every file (20,000 names at 1,000 apps).
 */
const PARTS = new Map<string, readonly string[]>();

function partsOf(pattern: string): readonly string[] {
  let parts = PARTS.get(pattern);
  if (!parts) {
    parts = pattern.toLowerCase().split('*');
    PARTS.set(pattern, parts);
  }
  return parts;
}

function matchesLowered(parts: readonly string[], subject: string): boolean {
  if (parts.length === 1) return subject === parts[0];
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (subject.length < first.length + last.length || !subject.startsWith(first) || !subject.endsWith(last)) return false;
  // Between the fixed ends, each middle part at its leftmost place leaves the most room for the rest.
  let position = first.length;
  const end = subject.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = subject.indexOf(parts[i], position);
    if (found < 0 || found + parts[i].length > end) return false;
    position = found + parts[i].length;
  }
  return true;
}

/** A pattern as a sequence of tokens: one character each, or a wildcard matching any text. */
export type GlobToken = { readonly char: string } | { readonly any: true };

/** A policy glob: "*" is a wildcard. */
export function globTokens(pattern: string): GlobToken[] {
  return [...pattern.toLowerCase()].map((c) => (c === '*' ? { any: true } : { char: c }));
}

/** Exact text, then any text: what `startsWith` selects ("*" in the text is a literal star). */
export function prefixTokens(text: string): GlobToken[] {
  return [...literalTokens(text), { any: true }];
}

/** Any text, then exactly `text`: what `endsWith` selects. */
export function suffixTokens(text: string): GlobToken[] {
  return [{ any: true }, ...literalTokens(text)];
}

/** Any text, `text`, any text: what `contains` selects. */
export function infixTokens(text: string): GlobToken[] {
  return [{ any: true }, ...literalTokens(text), { any: true }];
}

const SELECTED: Record<DynamicMatch, (pattern: string) => GlobToken[]> = {
  startsWith: prefixTokens,
  endsWith: suffixTokens,
  contains: infixTokens,
};

/** Every group name a dynamic pattern selects, as a glob whose "*" are wildcards and whose text is literal. */
export function selectedTokens(match: DynamicMatch, pattern: string): GlobToken[] {
  return SELECTED[match](pattern);
}

function literalTokens(text: string): GlobToken[] {
  return [...text.toLowerCase()].map((char) => ({ char }));
}

/**
 * A text (lower-case) that both token sequences match, or undefined when there is none. With
 * `overlapping`, only texts in which at least one literal character of `a` is matched by a literal
 * character of `b` count (the two patterns' own texts meet, instead of one pattern's literal text
 * falling entirely into the other's wildcard). Searches the states (i, j, met) breadth-first, so
 * the example is a shortest one: at most 2·(|a|+1)·(|b|+1) states, each visited once.
 */
export function commonMatch(a: readonly GlobToken[], b: readonly GlobToken[], overlapping = false): string | undefined {
  const width = b.length + 1;
  const size = (a.length + 1) * width;
  const previous = new Map<number, { from: number; char: string }>();
  const queue: number[] = [0];
  const seen = new Set<number>([0]);
  const visit = (from: number, i: number, j: number, met: boolean, char: string): void => {
    const state = (met ? size : 0) + i * width + j;
    if (seen.has(state)) return;
    seen.add(state);
    previous.set(state, { from, char });
    queue.push(state);
  };
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head];
    const met = state >= size;
    const i = Math.floor((state % size) / width);
    const j = state % width;
    if (i === a.length && j === b.length && (met || !overlapping)) return textTo(state, previous);
    const x = a[i];
    const y = b[j];
    // A wildcard may match nothing more.
    if (x && 'any' in x) visit(state, i + 1, j, met, '');
    if (y && 'any' in y) visit(state, i, j + 1, met, '');
    if (!x || !y) continue;
    if ('char' in x && 'char' in y) {
      if (x.char === y.char) visit(state, i + 1, j + 1, true, x.char);
    } else if ('char' in x) {
      visit(state, i + 1, j, met, x.char); // y's wildcard takes x's character
    } else if ('char' in y) {
      visit(state, i, j + 1, met, y.char); // x's wildcard takes y's character
    }
    // Two wildcards side by side take any character together: never needed for a shortest text.
  }
  return undefined;
}

function textTo(state: number, previous: ReadonlyMap<number, { from: number; char: string }>): string {
  const chars: string[] = [];
  for (let at = state; previous.has(at); at = previous.get(at)!.from) chars.push(previous.get(at)!.char);
  return chars.reverse().join('');
}
