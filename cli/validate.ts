/**
 * `npm run validate`: check every allow-list file, the environments file and the policy, print
 * every problem and warning as `file:line:column: message`, exit 1 if there is any problem
 * (warnings alone exit 0).
 * Options: --dir <allowlists folder>, --config <environments file>, --policy <policy file>.
 */
import { parseSourceArgs } from '../lib/cli/args';
import { runCommand } from '../lib/cli/run';
import { loadProject } from '../lib/load/load-project';
import { formatProblem, InvalidInputError } from '../lib/load/problem';

runCommand(() => {
  const { project, problems, warnings } = loadProject(parseSourceArgs(process.argv.slice(2)));
  for (const warning of warnings) console.error(formatProblem(warning));
  if (!project) throw new InvalidInputError(problems);
  const suppressed = project.suppressions.length > 0 ? ` ${project.suppressions.length} policy suppression(s).` : '';
  return [`${project.apps.length} allow-list file(s) valid for ${project.plans.map((p) => p.name).join(', ')}.${suppressed}`];
});
