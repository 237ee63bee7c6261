import { JsonPath } from '../load/json-document';

/**
 * A value of a file with where it came from: given at `path`, or the default (`path` is then
 * where the file would give it), so that a message can point at the right place and say which.
 */
export interface Given<T> {
  readonly value: T;
  /** False when the file leaves it out and `value` is the default. */
  readonly given: boolean;
  /** Where the value is, or would be, in its file. */
  readonly path: JsonPath;
}

/** `value` as given at `path`, or `fallback` when the file leaves it out. */
export function givenOr<T>(value: T | undefined, fallback: T, path: JsonPath): Given<T> {
  return { value: value ?? fallback, given: value !== undefined, path };
}
