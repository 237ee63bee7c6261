import { readFileSync } from 'node:fs';

/**
 * Reads a JSON file a command was pointed at and checks its shape before anything uses it, so
 * every entry point refuses a wrong or truncated file the same way: a usage error (exit 2)
 * naming the option, the file and what it should hold, instead of a crash further on.
 */
export function readJsonInput<T>(option: string, file: string, expected: string, isValid: (value: unknown) => value is T): T {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${option} must name a JSON file holding ${expected}, but ${file} cannot be read as JSON: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (!isValid(value)) throw new Error(`${option} must name a JSON file holding ${expected}, but ${file} holds something else`);
  return value;
}
