import { JsonPath } from '../load/json-document';

/**
 * Where a value of a file comes from: given at `path`, or a default. A message about it points
 * at `path` and says which: for a default, `path` is where the file would give it (a message
 * lands on the nearest part that exists), or what the default is derived from.
 */
export interface Source {
  /** False when the file leaves the value out and the model holds the default. */
  readonly given: boolean;
  readonly path: JsonPath;
}

/** A value with its source. */
export interface Given<T> extends Source {
  readonly value: T;
}

/** The source of a value the file may leave out: given when it is there. */
export function sourceOf(written: unknown, path: JsonPath): Source {
  return { given: written !== undefined, path };
}

/** `value` as given at `path`, or `fallback` when the file leaves it out. */
export function givenOr<T>(value: T | undefined, fallback: T, path: JsonPath): Given<T> {
  return { value: value ?? fallback, ...sourceOf(value, path) };
}
