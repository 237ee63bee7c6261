import { InvalidInputError } from '../load/problem';

/**
 * Runs a command body: prints its lines on success; on invalid input prints every problem and
 * exits 1; on a bad command line or any other failure prints the reason and exits 2.
 */
export function runCommand(body: () => string[]): void {
  try {
    for (const line of body()) console.log(line);
  } catch (error) {
    if (error instanceof InvalidInputError) {
      console.error(error.message);
      console.error(`\n${error.problems.length} problem(s) found; nothing was written.`);
      process.exitCode = 1;
    } else {
      console.error(`error: ${(error as Error).message}`);
      process.exitCode = 2;
    }
  }
}
