/**
 * `npm run affected -- --base <ref> [--head <ref>]`: which stacks a change touches.
 * Prints JSON for a GitHub Actions matrix: {"planned": [{environment, stack, reason}], "skipped":
 * […], "orphaned": […]}; exits 1 when the change would orphan a stack.
 */
import { projectSources, SOURCE_OPTIONS } from '../lib/cli/args';
import { defineCommand } from '../lib/cli/command-line';
import { runCommand } from '../lib/cli/run';
import { affectedStacks } from '../lib/pipeline/affected-stacks';

const AFFECTED = defineCommand({
  usage: 'npm run affected -- --base <ref> [options]',
  summary:
    'Prints, as JSON for a GitHub Actions matrix, which stacks the change from --base to --head touches ({"planned", "skipped", "orphaned"}); exit 1 when the change would orphan a stack.',
  options: {
    base: { type: 'string', value: 'git ref', description: 'the commit the change starts from', required: true },
    head: { type: 'string', value: 'git ref', description: 'the commit the change ends at', defaultText: 'HEAD' },
    repo: { type: 'string', value: 'folder', description: 'the git repository', defaultText: '.' },
    ...SOURCE_OPTIONS,
  },
  example: 'npm run affected -- --base origin/main --head HEAD',
});

void runCommand(AFFECTED, ({ values }) => {
  const result = affectedStacks({ ...projectSources(values), base: values.base, head: values.head, repository: values.repo });
  for (const stack of result.orphaned) console.error(`error: stack ${stack.stack}: ${stack.reason}`);
  if (result.orphaned.length > 0) process.exitCode = 1;
  return [JSON.stringify(result)];
});
