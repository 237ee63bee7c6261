/**
 * `npm run validate`: check every allow-list file, the environments file and the policy, print
 * every problem and warning as `file:line:column: message`, exit 1 if there is any problem
 * (warnings alone exit 0).
 */
import { projectSources, SOURCE_OPTIONS } from '../lib/cli/args';
import { defineCommand } from '../lib/cli/command-line';
import { loadValidProject } from '../lib/cli/load';
import { runCommand } from '../lib/cli/run';

const VALIDATE = defineCommand({
  usage: 'npm run validate -- [options]',
  summary:
    'Checks every allow-list file, the environments file and the policy; prints every problem and warning as file:line:column: message; exit 1 on any problem (warnings alone exit 0).',
  options: SOURCE_OPTIONS,
  example: 'npm run validate -- --dir allowlists --policy policy.json',
});

void runCommand(VALIDATE, ({ values }) => {
  const project = loadValidProject(projectSources(values));
  const suppressed = project.suppressions.length > 0 ? ` ${project.suppressions.length} policy suppression(s).` : '';
  return [`${project.apps.length} allow-list file(s) valid for ${project.plans.map((p) => p.name).join(', ')}.${suppressed}`];
});
