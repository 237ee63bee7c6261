import { AnyNode, DocumentNode, parse } from '@humanwhocodes/momoa';
import { Problem } from './problem';

/** A JSON pointer split into its segments, e.g. `['claims', 0, 'limit']`. */
export type JsonPath = readonly (string | number)[];

/**
 * A parsed JSON file that remembers where every value came from, so that problems found
 * later (by the schema or by policy rules) can point at a line and column.
 */
export class JsonDocument {
  private constructor(
    readonly file: string,
    readonly value: unknown,
    private readonly text: string,
    private root: AnyNode | undefined,
  ) {}

  /**
   * Parses `text`. Syntax errors and duplicate keys (which JSON.parse silently resolves to the
   * last one) are returned as problems; the document is returned only when there are none.
   */
  static parse(file: string, text: string): { document?: JsonDocument; problems: Problem[] } {
    if (text.startsWith('\ufeff')) {
      return {
        problems: [
          {
            file,
            line: 1,
            column: 1,
            message:
              'the file must start with "{", but it starts with an invisible byte-order mark (U+FEFF, "UTF-8 with BOM"): save it as UTF-8 without BOM',
          },
        ],
      };
    }
    const tooDeep = depthProblem(file, text);
    if (tooDeep) return { problems: [tooDeep] };
    let ast: DocumentNode;
    try {
      ast = parse(text, { mode: 'json' });
    } catch (error) {
      const { line = 1, column = 1, message } = error as Error & { line?: number; column?: number };
      return { problems: [{ file, line, column, message: `This is not valid JSON: ${readableSyntaxError(message)}` }] };
    }
    const problems = checkNodes(file, text, ast.body);
    if (problems.length > 0) return { problems };
    return { document: new JsonDocument(file, toValue(ast.body), text, ast.body), problems };
  }

  /**
   * Drops the syntax tree, which takes several times the memory of the text: a project of 10,000
   * files kept about 150 MB of trees through synthesis only in case a message needs a location.
   * The next `locate` parses the text again (it parsed once without problems, so it cannot fail).
   */
  releaseSyntaxTree(): void {
    this.root = undefined;
  }

  private get tree(): AnyNode {
    this.root ??= parse(this.text, { mode: 'json' }).body;
    return this.root;
  }

  /** Where `path` is in the file: the value itself, or the nearest enclosing value that exists. */
  locate(path: JsonPath): { line: number; column: number } {
    let node: AnyNode = this.tree;
    for (const segment of path) {
      const child = childOf(node, segment);
      if (!child) break;
      node = child;
    }
    return { line: node.loc.start.line, column: node.loc.start.column };
  }

  /** Where the KEY of the member at `path` is (for "unknown field" problems). */
  locateKey(path: JsonPath): { line: number; column: number } {
    const parent = this.nodeAt(path.slice(0, -1));
    const key = path[path.length - 1];
    if (parent?.type === 'Object') {
      const member = membersOf(parent).get(String(key));
      if (member) return { line: member.name.loc.start.line, column: member.name.loc.start.column };
    }
    return this.locate(path);
  }

  problem(path: JsonPath, message: string): Problem {
    return { file: this.file, ...this.locate(path), message };
  }

  private nodeAt(path: JsonPath): AnyNode | undefined {
    let node: AnyNode | undefined = this.tree;
    for (const segment of path) {
      node = node && childOf(node, segment);
    }
    return node;
  }
}

const TOKEN_NAMES: Record<string, string> = {
  RBracket: '"]"',
  LBracket: '"["',
  RBrace: '"}"',
  LBrace: '"{"',
  Comma: '","',
  Colon: '":"',
  String: 'a string',
  Number: 'a number',
  Boolean: 'true/false',
  Null: 'null',
};

/** momoa says "Unexpected token RBracket found. (3:11)"; people need the character and a likely cause. */
function readableSyntaxError(message: string): string {
  const token = /Unexpected token (\w+)/.exec(message)?.[1];
  if (token === 'RBracket' || token === 'RBrace')
    return `unexpected ${TOKEN_NAMES[token]}: remove the comma before it, or add the missing value`;
  if (token === 'LBrace' || token === 'LBracket') return `this ${TOKEN_NAMES[token]} is never closed, or a comma is missing before it`;
  if (token) return `unexpected ${TOKEN_NAMES[token] ?? token}: a comma, colon or quote is probably missing before it`;
  if (/end of input|EOF/i.test(message)) return 'the file ends too early: a closing "}" or "]" is missing';
  return message.replace(/\s*\(\d+:\d+\)\s*$/, '');
}

function memberName(name: AnyNode): string {
  return name.type === 'String' || name.type === 'Identifier' ? (name.type === 'String' ? name.value : name.name) : '';
}

type ObjectNode = Extract<AnyNode, { type: 'Object' }>;
type MemberNode = ObjectNode['members'][number];

/** Each object's members by name, built once: locating n problems in a large object stays linear. */
const memberIndex = new WeakMap<ObjectNode, Map<string, MemberNode>>();

function membersOf(node: ObjectNode): Map<string, MemberNode> {
  let index = memberIndex.get(node);
  if (!index) {
    index = new Map();
    // Duplicate keys are refused before any lookup; the first one wins here.
    for (const member of node.members) if (!index.has(memberName(member.name))) index.set(memberName(member.name), member);
    memberIndex.set(node, index);
  }
  return index;
}

function childOf(node: AnyNode, segment: string | number): AnyNode | undefined {
  if (node.type === 'Object') return membersOf(node).get(String(segment))?.value;
  if (node.type === 'Array' && typeof segment === 'number') return node.elements[segment]?.value;
  return undefined;
}

function toValue(node: AnyNode): unknown {
  switch (node.type) {
    case 'Object':
      return Object.fromEntries(node.members.map((m) => [memberName(m.name), toValue(m.value)]));
    case 'Array':
      return node.elements.map((e) => toValue(e.value));
    case 'String':
    case 'Number':
    case 'Boolean':
      return node.value;
    case 'Null':
      return null;
    default:
      return undefined;
  }
}

/** Most levels of nested objects and lists a file may have; real files use fewer than 10. */
export const MAX_DEPTH = 32;
/** Most object members (keys) in one file; the largest environments file needs a few hundred. */
export const MAX_KEYS = 10_000;

/**
 * Finds nesting deeper than MAX_DEPTH with one pass over the text, before the parser (whose
 * recursion a hostile file could exhaust) sees it.
 */
function depthProblem(file: string, text: string): Problem | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH) {
        return {
          file,
          line,
          column: i - lineStart + 1,
          message: `the file must nest objects and lists at most ${MAX_DEPTH} levels deep, but this one is deeper: an allow-list file needs about 5`,
        };
      }
    } else if (c === 93 || c === 125) {
      depth--;
    }
  }
  return undefined;
}

/**
 * Characters that are invisible or change the direction of the text around them: in a name they
 * make two different names look identical, or a message say something other than the file does.
 * (Zero-width joiners, which emoji and some scripts need, are allowed.)
 */
export const INVISIBLE_CHARACTERS = /[\u0080-\u009f\u00ad\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Why `text` cannot be used, or undefined: a lone surrogate (not Unicode) or an invisible character. */
export function unusableTextReason(text: string): string | undefined {
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    const code = lone[0].charCodeAt(0).toString(16);
    return `must be valid Unicode text, but holds a lone surrogate (\\u${code}) at character ${[...text.slice(0, lone.index)].length + 1}: retype the text`;
  }
  const found = INVISIBLE_CHARACTERS.exec(text);
  if (found) {
    const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return `must not hold invisible or direction-changing characters, but holds U+${code} at character ${[...text.slice(0, found.index)].length + 1}: delete it and retype the text around it`;
  }
  return undefined;
}

/** In Unicode mode a surrogate pair is one code point, so this finds only unpaired halves. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/**
 * One pass over the parsed file, without recursion: duplicate keys (which JSON.parse silently
 * resolves to the last one), too many keys, numbers JSON tools cannot represent, and text that is
 * not valid Unicode or holds invisible characters. Every problem found is returned, located.
 */
function checkNodes(file: string, text: string, root: AnyNode): Problem[] {
  const problems: Problem[] = [];
  const at = (node: AnyNode, message: string): void => {
    problems.push({ file, line: node.loc.start.line, column: node.loc.start.column, message });
  };
  let keys = 0;
  const stack: { node: AnyNode; path: JsonPath }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node.type === 'Object') {
      const seen = new Map<string, number>();
      for (const member of node.members) {
        const name = memberName(member.name);
        keys++;
        if (keys === MAX_KEYS + 1) {
          at(member.name, `the file must have at most ${MAX_KEYS} keys, but it has more: an allow-list file needs a few dozen`);
          return problems;
        }
        const badName = unusableTextReason(name);
        if (badName) at(member.name, `a key in ${displayPath(path)} ${badName}`);
        const firstLine = seen.get(name);
        if (firstLine !== undefined) {
          at(
            member.name,
            `${JSON.stringify(name)} appears twice in ${path.length === 0 ? 'the top level' : `/${path.join('/')}`} (first on line ${firstLine}): keep one, JSON keeps only the last`,
          );
        } else {
          seen.set(name, member.name.loc.start.line);
        }
        stack.push({ node: member.value, path: [...path, name] });
      }
    } else if (node.type === 'Array') {
      node.elements.forEach((e, i) => stack.push({ node: e.value, path: [...path, i] }));
    } else if (node.type === 'String') {
      const bad = unusableTextReason(node.value);
      if (bad) at(node, `${displayPath(path)} ${bad}`);
    } else if (node.type === 'Number' && !Number.isFinite(node.value)) {
      const raw = text.slice(node.loc.start.offset, node.loc.end.offset);
      at(
        node,
        `${displayPath(path)} must be a number JSON tools can read, but got ${raw.length > 40 ? `${raw.slice(0, 37)}…` : raw}, which is too large (it reads as infinity)`,
      );
    }
  }
  return problems;
}

/** `['claims', 0, 'limit']` → `claims[0].limit`, the way people read a path. */
export function displayPath(path: JsonPath): string {
  if (path.length === 0) return 'the file';
  return path
    .map((s, i) =>
      typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `${i === 0 ? '' : '.'}${s}` : `[${JSON.stringify(s)}]`,
    )
    .join('');
}
