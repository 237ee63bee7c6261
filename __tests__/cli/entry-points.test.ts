import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** Every entry point, found rather than listed, so a new one cannot skip the command layer. */
const ENTRY_POINTS = [
  'main.ts',
  ...['cli', 'scripts/ci'].flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `${dir}/${f}`),
  ),
];

/**
 * Runs an entry point in this process (a child process per entry costs seconds): loads it
 * afresh with the given arguments, waits for its command to finish, and returns what it printed
 * and the exit code it set.
 */
async function run(entry: string, args: string[]): Promise<{ exitCode: number | string | undefined; stdout: string; stderr: string }> {
  const saved = { argv: process.argv, exitCode: process.exitCode };
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void stdout.push(line));
  const error = jest.spyOn(console, 'error').mockImplementation((line: string) => void stderr.push(line));
  try {
    process.argv = [process.execPath, entry, ...args];
    process.exitCode = undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the entry point runs it, as node does
    jest.isolateModules(() => require(join(ROOT, entry)));
    // runCommand settles after a few microtasks; a macrotask is after all of them.
    await new Promise((resolve) => setImmediate(resolve));
    return { exitCode: process.exitCode, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.argv = saved.argv;
    process.exitCode = saved.exitCode;
  }
}

describe.each(ENTRY_POINTS)('%s goes through the command layer', (entry) => {
  test('--help prints usage, options, defaults and an example, and exits 0', async () => {
    const help = await run(entry, ['--help']);
    expect({ exitCode: help.exitCode, stderr: help.stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect(help.stdout).toMatch(/^usage: .+\n[\s\S]*\noptions:\n[\s\S]*--help {2,}print this help and exit 0\n[\s\S]*\nexample:\n {2}\S/);
  });

  test('an unknown option names the nearest valid one and exits 2', async () => {
    const unknown = await run(entry, ['--hlep']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain("error: unknown option '--hlep': did you mean --help?");
  });
});
