import { InvalidInputError } from '../load/problem';
import { CommandSpec, HelpRequested, Options, parseCommandLine, ParsedCommandLine, UsageError } from './command-line';

/** What a command printed and how it ended: 0 success, 1 invalid input or a finding, 2 usage or internal error. */
export interface CommandResult {
  readonly stdout: string[];
  readonly stderr: string[];
  readonly exitCode: number;
}

/**
 * How a command that threw ends, the same for every entry point: --help prints the help (exit
 * 0); invalid input prints every problem (exit 1); a bad command line says so and points to
 * --help (exit 2); anything else prints its reason (exit 2).
 */
export function failureResult(error: unknown, spec: CommandSpec): CommandResult {
  if (error instanceof HelpRequested) return { stdout: error.lines, stderr: [], exitCode: 0 };
  if (error instanceof InvalidInputError)
    return { stdout: [], stderr: [error.message, `\n${error.problems.length} problem(s) found; nothing was written.`], exitCode: 1 };
  if (error instanceof UsageError)
    return { stdout: [], stderr: [`error: ${error.message}`, `usage: ${spec.usage} (--help for every option)`], exitCode: 2 };
  return { stdout: [], stderr: [`error: ${(error as Error).message}`], exitCode: 2 };
}

/** Prints a result and sets the process's exit code. */
export function finish(result: CommandResult): void {
  for (const line of result.stdout) console.log(line);
  for (const line of result.stderr) console.error(line);
  process.exitCode = result.exitCode;
}

/**
 * Runs an entry point: parses `process.argv` against the spec, runs the body and prints the
 * lines it returns. A body that finds something sets `process.exitCode = 1` itself.
 */
export function runCommand<O extends Options>(
  spec: CommandSpec<O>,
  body: (args: ParsedCommandLine<O>) => string[] | Promise<string[]>,
): Promise<void> {
  return Promise.resolve()
    .then(() => body(parseCommandLine(spec, process.argv.slice(2))))
    .then(
      (lines) => {
        for (const line of lines) console.log(line);
      },
      (error: unknown) => finish(failureResult(error, spec)),
    );
}
