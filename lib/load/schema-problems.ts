import { TSchema } from '@sinclair/typebox';
import { TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { Hash } from '@sinclair/typebox/value';
import { ValueError, ValueErrorType } from '@sinclair/typebox/errors';
import { displayPath, JsonDocument, JsonPath } from './json-document';
import { Problem } from './problem';

/** Compiles `schema` once and turns its errors into located, readable problems. */
export class SchemaChecker<T extends TSchema> {
  private readonly check: TypeCheck<T>;

  constructor(schema: T) {
    this.check = withTextUniqueness(TypeCompiler.Compile(schema));
  }

  problems(document: JsonDocument): Problem[] {
    // The compiled check is several times faster than collecting errors; most files have none.
    if (this.check.Check(document.value)) return [];
    const problems: Problem[] = [];
    const seen = new Set<string>();
    for (const error of this.check.Errors(document.value)) {
      const problem = toProblem(document, error);
      const key = problem && `${problem.line}:${problem.column}:${problem.message}`;
      if (problem && key && !seen.has(key)) {
        seen.add(key);
        problems.push(problem);
      }
    }
    return problems;
  }
}

/**
 * The same compiled check, but `uniqueItems` compares text items as text. TypeBox tells items apart
 * by a 64-bit FNV-1a hash of each, computed byte by byte in BigInt arithmetic: for lists of group
 * names, redirect URIs or owners that was most of the time spent checking valid files
 * (BENCHMARKS.md). Equal text is the same key either way; other items keep TypeBox's hash.
 */
function withTextUniqueness<T extends TSchema>(compiled: TypeCheck<T>): TypeCheck<T> {
  const code = compiled.Code();
  // Custom kinds and formats need TypeBox's registries, which only TypeCompiler.Compile wires up.
  if (!code.includes('hash(') || code.includes('kind(') || code.includes('format(')) return compiled;
  // The generated code is the body of `(kind, format, hash) => check`, as TypeCompiler.Compile evaluates it.
  const build = new Function('kind', 'format', 'hash', code) as (
    ...helpers: ((...args: never[]) => unknown)[]
  ) => (value: unknown) => boolean;
  const unsupported = (): never => {
    throw new Error('a schema with a custom kind or format must be checked by TypeCompiler.Compile itself');
  };
  const uniquenessKey = (item: unknown): unknown => (typeof item === 'string' ? item : Hash(item));
  return new TypeCheck(compiled.Schema(), compiled.References(), build(unsupported, unsupported, uniquenessKey), code);
}

/** `/claims/0/limit` → `['claims', 0, 'limit']`. */
export function parsePointer(pointer: string): JsonPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export { displayPath } from './json-document';

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function toProblem(document: JsonDocument, error: ValueError): Problem | undefined {
  const path = parsePointer(error.path);
  const where = displayPath(path);
  const schema = error.schema as TSchema & Record<string, unknown>;
  const got = describeValue(error.value);
  const at = (message: string): Problem => document.problem(path, message);
  switch (error.type) {
    case ValueErrorType.ObjectAdditionalProperties: {
      const parentPath = path.slice(0, -1);
      if (schema.patternProperties) {
        const rule =
          typeof schema.keyErrorMessage === 'string'
            ? schema.keyErrorMessage
            : `text matching ${Object.keys(schema.patternProperties as object).join(' or ')}`;
        return {
          file: document.file,
          ...document.locateKey(path),
          message: `each name in ${displayPath(parentPath)} must be ${rule}, but got "${String(path[path.length - 1])}"`,
        };
      }
      // The error's own schema is the object that rejected the property.
      const known = Object.keys((schema.properties as object | undefined) ?? {}).filter((k) => k !== '$schema');
      const name = String(path[path.length - 1]);
      const suggestion = closest(name, known);
      const hint = suggestion ? `did you mean "${suggestion}"?` : `known fields: ${known.map((k) => `"${k}"`).join(', ')}`;
      return {
        file: document.file,
        ...document.locateKey(path),
        message: `"${name}" is not a known field of ${displayPath(parentPath)}: ${hint}`,
      };
    }
    case ValueErrorType.ObjectRequiredProperty:
      return document.problem(
        path.slice(0, -1),
        `${displayPath(path.slice(0, -1))} is missing the required field "${path[path.length - 1]}"`,
      );
    case ValueErrorType.Union:
      return at(`${where} must be ${oneOf(schema)}, but got ${got}`);
    case ValueErrorType.StringPattern:
      return at(`${where} must be ${hintOf(schema) ?? `text matching ${String(schema.pattern)}`}, but got ${got}`);
    case ValueErrorType.StringMinLength:
      return at(`${where} must not be empty`);
    case ValueErrorType.StringMaxLength:
      return at(`${where} must be at most ${String(schema.maxLength)} characters, but got ${String(error.value).length}`);
    case ValueErrorType.ArrayMinItems:
      return at(`${where} must list at least ${String(schema.minItems)} item(s), but got none`);
    case ValueErrorType.ArrayMaxItems:
      return at(`${where} must list at most ${String(schema.maxItems)} items, but got ${(error.value as unknown[]).length}`);
    case ValueErrorType.ArrayUniqueItems:
      return at(`${where} must not list the same item twice, but ${duplicatesOf(error.value as unknown[])} appears more than once`);
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.NumberMinimum:
      return at(`${where} must be at least ${String(schema.minimum)}, but got ${got}`);
    case ValueErrorType.IntegerMaximum:
    case ValueErrorType.NumberMaximum:
      return at(`${where} must be at most ${String(schema.maximum)}, but got ${got}`);
    case ValueErrorType.ObjectMinProperties:
      return at(`${where} must declare at least ${String(schema.minProperties)} entry, but got none`);
    default:
      // A missing value is already reported as a missing required field.
      if (error.value === undefined) return undefined;
      return at(`${where} must be ${typeName(schema)}, but got ${got}`);
  }
}

function oneOf(schema: TSchema): string {
  const options = ((schema.anyOf ?? []) as TSchema[]).map((s) => ('const' in s ? JSON.stringify(s.const) : typeName(s)));
  return options.length === 1 ? options[0] : `one of ${options.join(', ')}`;
}

function hintOf(schema: TSchema): string | undefined {
  return typeof schema.errorMessage === 'string' ? schema.errorMessage : undefined;
}

function typeName(schema: TSchema): string {
  switch (schema.type) {
    case 'integer':
      return 'a whole number';
    case 'array':
      return 'a list [ … ]';
    case 'object':
      return 'an object { … }';
    case 'string':
      return 'text in double quotes';
    case 'boolean':
      return 'true or false';
    default:
      return `a ${String(schema.type)}`;
  }
}

function duplicatesOf(values: unknown[]): string {
  const seen = new Set<string>();
  for (const value of values) {
    const key = JSON.stringify(value);
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return 'an item';
}

/** The known name nearest to a typo, when it is near enough to be a likely intent. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const word of known) {
    const distance = editDistance(name.toLowerCase(), word.toLowerCase());
    if (!best || distance < best.distance) best = { word, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.word : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
