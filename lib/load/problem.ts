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
  /** ID of the policy rule that found it, when one did. @default - a schema or built-in rule */
  readonly rule?: string;
}

/** `file:line:column: message`, the format editors and GitHub annotations understand. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
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
