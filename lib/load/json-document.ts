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
    private readonly root: AnyNode,
  ) {}

  /**
   * Parses `text`. Syntax errors and duplicate keys (which JSON.parse silently resolves to the
   * last one) are returned as problems; the document is returned only when there are none.
   */
  static parse(file: string, text: string): { document?: JsonDocument; problems: Problem[] } {
    let ast: DocumentNode;
    try {
      ast = parse(text, { mode: 'json' });
    } catch (error) {
      const { line = 1, column = 1, message } = error as Error & { line?: number; column?: number };
      return { problems: [{ file, line, column, message: `This is not valid JSON: ${readableSyntaxError(message)}` }] };
    }
    const problems = findDuplicateKeys(file, ast.body);
    if (problems.length > 0) return { problems };
    return { document: new JsonDocument(file, toValue(ast.body), ast.body), problems };
  }

  /** Where `path` is in the file: the value itself, or the nearest enclosing value that exists. */
  locate(path: JsonPath): { line: number; column: number } {
    let node: AnyNode = this.root;
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
      const member = parent.members.find((m) => memberName(m.name) === key);
      if (member) return { line: member.name.loc.start.line, column: member.name.loc.start.column };
    }
    return this.locate(path);
  }

  problem(path: JsonPath, message: string): Problem {
    return { file: this.file, ...this.locate(path), message };
  }

  private nodeAt(path: JsonPath): AnyNode | undefined {
    let node: AnyNode | undefined = this.root;
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
  if (token === 'RBracket' || token === 'RBrace') return `unexpected ${TOKEN_NAMES[token]}: remove the comma before it, or add the missing value`;
  if (token === 'LBrace' || token === 'LBracket') return `this ${TOKEN_NAMES[token]} is never closed, or a comma is missing before it`;
  if (token) return `unexpected ${TOKEN_NAMES[token] ?? token}: a comma, colon or quote is probably missing before it`;
  if (/end of input|EOF/i.test(message)) return 'the file ends too early: a closing "}" or "]" is missing';
  return message.replace(/\s*\(\d+:\d+\)\s*$/, '');
}

function memberName(name: AnyNode): string {
  return name.type === 'String' || name.type === 'Identifier' ? (name.type === 'String' ? name.value : name.name) : '';
}

function childOf(node: AnyNode, segment: string | number): AnyNode | undefined {
  if (node.type === 'Object') return node.members.find((m) => memberName(m.name) === String(segment))?.value;
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

function findDuplicateKeys(file: string, node: AnyNode): Problem[] {
  const problems: Problem[] = [];
  const visit = (current: AnyNode, path: string): void => {
    if (current.type === 'Object') {
      const seen = new Map<string, number>();
      for (const member of current.members) {
        const name = memberName(member.name);
        const firstLine = seen.get(name);
        if (firstLine !== undefined) {
          problems.push({
            file,
            line: member.name.loc.start.line,
            column: member.name.loc.start.column,
            message: `"${name}" appears twice in ${path || 'the top level'} (first on line ${firstLine}): keep one, JSON keeps only the last`,
          });
        } else {
          seen.set(name, member.name.loc.start.line);
        }
        visit(member.value, `${path}/${name}`);
      }
    } else if (current.type === 'Array') {
      current.elements.forEach((e, i) => visit(e.value, `${path}/${i}`));
    }
  };
  visit(node, '');
  return problems;
}
