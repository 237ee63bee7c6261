import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectedStacks } from '../../lib/cli/stack-selection';
import { UsageError } from '../../lib/cli/command-line';
import { allowlist, projectOf } from '../helpers/fixture';

describe('selectedStacks', () => {
  const project = projectOf({ 'a.json': allowlist() });
  const affectedFile = (planned: string[]): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'affected-')), 'affected.json');
    const decision = (stack: string) => ({ environment: stack.split('--')[0], stack, reason: 'changed' });
    writeFileSync(file, JSON.stringify({ planned: planned.map(decision), skipped: [decision('prod--shared')], orphaned: [] }));
    return file;
  };

  test('selects every stack when neither option is given', () => {
    expect(selectedStacks(project, {})).toBeUndefined();
  });

  test('selects the stacks --stacks names, comma-separated or repeated', () => {
    expect([...selectedStacks(project, { stacks: ['dev--payroll, dev--shared', 'prod--payroll'] })!]).toEqual([
      'dev--payroll',
      'dev--shared',
      'prod--payroll',
    ]);
  });

  test('selects the stacks an `npm run affected` output plans, not those it skips', () => {
    expect([...selectedStacks(project, { affected: affectedFile(['dev--payroll', 'prod--payroll']) })!]).toEqual([
      'dev--payroll',
      'prod--payroll',
    ]);
    expect(selectedStacks(project, { affected: affectedFile([]) })!.size).toBe(0);
  });

  test('refuses a stack the project does not have, naming the nearest', () => {
    expect(() => selectedStacks(project, { stacks: ['dev--payrol'] })).toThrow(
      /--stacks must name stacks of the project, but got "dev--payrol", which it does not have: did you mean "dev--payroll"\?/,
    );
    expect(() => selectedStacks(project, { affected: affectedFile(['qa--payroll-and-more']) })).toThrow(
      /--affected \(.*affected\.json\) must name stacks of the project, but got "qa--payroll-and-more".*its stacks are dev--shared, dev--payroll/,
    );
    expect(() => selectedStacks(project, { stacks: ['nope'] })).toThrow(UsageError);
  });

  test('refuses an empty --stacks and both options at once', () => {
    expect(() => selectedStacks(project, { stacks: [' ,'] })).toThrow(/--stacks must name at least one stack, but got none/);
    expect(() => selectedStacks(project, { stacks: ['dev--shared'], affected: affectedFile([]) })).toThrow(
      /--stacks and --affected must not be given together/,
    );
  });

  test('refuses an --affected file that is not `npm run affected` output', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'affected-')), 'affected.json');
    writeFileSync(file, '{"planned": "dev--shared"}');
    expect(() => selectedStacks(project, { affected: file })).toThrow(/--affected must name a JSON file holding `npm run affected` output/);
  });
});
