import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidateBinaryVersion } from 'cdktf/lib/validations/validate-binary-version';
import { runBinaryVersionChecksOnce } from '../../lib/cli/binary-version-checks';

describe('runBinaryVersionChecksOnce', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'version-checks-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A version command that prints 1.4.0 and leaves a mark each time it runs. */
  const countingCommand = (): { command: string; runs: () => number } => {
    const marks = join(dir, 'marks');
    const script = `require("fs").appendFileSync(${JSON.stringify(marks)}, "x"); console.log("tool v1.4.0")`;
    return { command: `"${process.execPath}" -e '${script}'`, runs: () => readFileSync(marks, 'utf8').length };
  };

  it('runs each distinct version command once and repeats its answer', () => {
    runBinaryVersionChecksOnce();
    const { command, runs } = countingCommand();
    const checks = Array.from({ length: 5 }, () => new ValidateBinaryVersion('tool', '>=1.5', command, 'Upgrade tool.'));

    const messages = checks.map((check) => check.validate());

    expect(runs()).toBe(1);
    expect(new Set(messages.map((m) => JSON.stringify(m))).size).toBe(1);
    expect(messages[0]).toEqual([expect.stringMatching(/tool version 1\.4\.0 is lower than the required version >=1\.5/)]);
  });

  it('keeps checks with different constraints apart', () => {
    runBinaryVersionChecksOnce();
    const { command, runs } = countingCommand();

    expect(new ValidateBinaryVersion('tool', '>=1.5', command).validate()).toHaveLength(1);
    expect(new ValidateBinaryVersion('tool', '>=1.0', command).validate()).toEqual([]);
    expect(runs()).toBe(2);
  });
});
