/** One thing wrong with an input file, located precisely enough to be fixed without searching. */
export interface Problem {
  /** Path of the file, as given to the loader (relative paths stay relative). */
  readonly file: string;
  /** 1-based line; 1 when the problem concerns the file as a whole. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** What is wrong and how to fix it, in words an app team understands. */
  readonly message: string;
  /** "error" fails the check; "warning" is reported only. @default "error" */
  readonly level?: 'error' | 'warning';
  /** ID of the rule that found it, when one did (lib/rules/, lib/policy/rules/). @default - a schema or file-reading problem */
  readonly rule?: string;
}

/** `file:line:column: message`, the format editors and GitHub annotations understand. */
export function formatProblem(problem: Problem): string {
  return `${printable(problem.file)}:${problem.line}:${problem.column}: ${printable(problem.message)}`;
}

// eslint-disable-next-line no-control-regex -- control characters are what this finds.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udfff]/gu;

/**
 * Text from a file (field names, values, file names) as it may be printed to a terminal or a CI
 * log: control characters (ESC, newlines that could start a "::error" workflow command), invisible
 * and direction-changing characters and lone surrogates are shown as \u escapes.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message),
  );
}

/** Thrown by commands that cannot go on; carries every problem found, not only the first. */
export class InvalidInputError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(sortProblems(problems).map(formatProblem).join('\n'));
    this.name = 'InvalidInputError';
  }
}
