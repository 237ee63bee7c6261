/**
 * `npm run affected -- --base <ref> [--head <ref>]`: which stacks a change touches.
 * Prints JSON for a GitHub Actions matrix: {"planned": [{environment, stack, reason}], "skipped":
 * […], "orphaned": […]}; exits 1 when the change would orphan a stack. Options also: --dir,
 * --config, --policy, --repo.
 */
import { parseSourceArgs } from '../lib/cli/args';
import { runCommand } from '../lib/cli/run';
import { affectedStacks } from '../lib/pipeline/affected-stacks';

runCommand(() => {
  const sources = parseSourceArgs(process.argv.slice(2), { base: { type: 'string' }, head: { type: 'string' }, repo: { type: 'string' } });
  const base = sources.values.base as string | undefined;
  if (!base) throw new Error('--base must name the commit the change starts from, but it is missing');
  const result = affectedStacks({ ...sources, base, head: sources.values.head as string | undefined, repository: sources.values.repo as string | undefined });
  for (const stack of result.orphaned) console.error(`error: stack ${stack.stack}: ${stack.reason}`);
  if (result.orphaned.length > 0) process.exitCode = 1;
  return [JSON.stringify(result)];
});
