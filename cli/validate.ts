/**
 * `npm run validate`: check every allow-list file and the environments file, print every
 * problem as `file:line:column: message`, exit 1 if there is any.
 * Options: --dir <allowlists folder>, --config <environments file>.
 */
import { parseSourceArgs } from '../lib/cli/args';
import { runCommand } from '../lib/cli/run';
import { loadProject } from '../lib/load/load-project';
import { InvalidInputError } from '../lib/load/problem';

runCommand(() => {
  const { project, problems } = loadProject(parseSourceArgs(process.argv.slice(2)));
  if (!project) throw new InvalidInputError(problems);
  return [`${project.apps.length} allow-list file(s) valid for ${project.plans.map((p) => p.name).join(', ')}.`];
});
