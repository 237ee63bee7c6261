import { defineCommand, HelpRequested, parseCommandLine, UsageError } from '../../lib/cli/command-line';
import { failureResult } from '../../lib/cli/run';
import { InvalidInputError } from '../../lib/load/problem';

const SPEC = defineCommand({
  usage: 'npm run thing -- --env <env> [options]',
  summary: 'Does a thing.',
  options: {
    env: { type: 'string', value: 'env', description: 'the environment', required: true },
    policy: { type: 'string', value: 'file', description: 'the policy', defaultText: 'policy.json' },
    purpose: { type: 'string', description: 'why', default: 'plan' },
    plan: { type: 'string', multiple: true, default: [], description: 'a plan' },
    check: { type: 'boolean', description: 'only check' },
  },
  example: 'npm run thing -- --env dev',
});

describe('parseCommandLine', () => {
  test('applies defaults and keeps repeated options in order', () => {
    expect(parseCommandLine(SPEC, ['--env', 'dev', '--plan', 'a', '--plan', 'b']).values).toEqual({
      env: 'dev',
      purpose: 'plan',
      plan: ['a', 'b'],
    });
  });

  test('an unknown option names the nearest valid one', () => {
    expect(() => parseCommandLine(SPEC, ['--env', 'dev', '--polcy', 'p.json'])).toThrow(
      new UsageError("unknown option '--polcy': did you mean --policy? (valid: --env, --policy, --purpose, --plan, --check, --help)"),
    );
    expect(() => parseCommandLine(SPEC, ['--zzzzzzzz'])).toThrow(/^unknown option '--zzzzzzzz' \(valid: /);
  });

  test('a missing required option, a missing value or a stray argument is a usage error', () => {
    expect(() => parseCommandLine(SPEC, [])).toThrow(new UsageError('--env must be given, but it is missing'));
    expect(() => parseCommandLine(SPEC, ['--env'])).toThrow(UsageError);
    expect(() => parseCommandLine(SPEC, ['--env', 'dev', 'stray'])).toThrow(UsageError);
  });

  test('--help wins over everything else, before a "--"', () => {
    expect(() => parseCommandLine(SPEC, ['--polcy', '-h'])).toThrow(HelpRequested);
    expect(() => parseCommandLine(SPEC, ['--env', 'dev', '--', '--help'])).toThrow(UsageError);
  });

  test('--help shows usage, every option with its default, the exit codes and an example', () => {
    let lines: string[] = [];
    try {
      parseCommandLine(SPEC, ['--help']);
    } catch (error) {
      lines = (error as HelpRequested).lines;
    }
    expect(lines.join('\n')).toBe(
      [
        'usage: npm run thing -- --env <env> [options]',
        '',
        'Does a thing.',
        '',
        'options:',
        '  --env <env>        the environment (required)',
        '  --policy <file>    the policy (default: policy.json)',
        '  --purpose <value>  why (default: plan)',
        '  --plan <value>     a plan (repeatable)',
        '  --check            only check',
        '  --help             print this help and exit 0',
        '',
        'exit codes: 0 success, 1 invalid input or a finding (every problem printed), 2 usage or internal error',
        '',
        'example:',
        '  npm run thing -- --env dev',
      ].join('\n'),
    );
  });
});

describe('failureResult', () => {
  test('maps help to 0, invalid input to 1, usage and internal errors to 2', () => {
    expect(failureResult(new HelpRequested(['help']), SPEC)).toEqual({ stdout: ['help'], stderr: [], exitCode: 0 });
    expect(failureResult(new InvalidInputError([{ file: 'a.json', line: 1, column: 1, message: 'bad' }]), SPEC).exitCode).toBe(1);
    expect(failureResult(new UsageError('no'), SPEC)).toEqual({
      stdout: [],
      stderr: ['error: no', 'usage: npm run thing -- --env <env> [options] (--help for every option)'],
      exitCode: 2,
    });
    expect(failureResult(new Error('boom'), SPEC)).toEqual({ stdout: [], stderr: ['error: boom'], exitCode: 2 });
  });
});
