/**
 * Turns a stack selection into the per-environment matrices the workflows run.
 *
 * Writes the outputs `stacks` ({"dev": ["dev--payroll", …], …}) and `parallel-jobs` ({"dev": 4, …})
 * to $GITHUB_OUTPUT (stdout when unset). Fails with one error annotation per orphaned stack.
 */
import { writeFileSync } from 'node:fs';
import { defineCommand, UsageError } from '../../lib/cli/command-line';
import { loadValidProject } from '../../lib/cli/load';
import { projectSources } from '../../lib/cli/args';
import { runCommand } from '../../lib/cli/run';
import { AffectedStacks, readAffectedStacks } from '../../lib/pipeline/affected-stacks';
import { escapeData, escapeProperty } from '../../lib/pipeline/annotations';
import { everyStack, stackMatrix } from '../../lib/pipeline/stack-matrix';
import { writeStepOutputs } from '../../lib/pipeline/step-outputs';

const STACK_MATRIX = defineCommand({
  usage: 'tsx scripts/ci/stack-matrix.ts (--affected <file> | --every-stack <reason>) [--write <file>]',
  summary:
    'Turns a stack selection into the per-environment matrices the workflows run: writes the outputs stacks and parallel-jobs to $GITHUB_OUTPUT (stdout when unset); exit 1 with an error annotation per orphaned stack.',
  options: {
    affected: { type: 'string', value: 'file', description: '`npm run affected` output (pull request, push)' },
    'every-stack': { type: 'string', value: 'reason', description: 'select every stack, for this reason (drift, manual apply)' },
    write: { type: 'string', value: 'file', description: 'also write the selection here, for later jobs' },
  },
  example: 'tsx scripts/ci/stack-matrix.ts --every-stack "drift runs check every stack" --write affected.json',
});

void runCommand(STACK_MATRIX, ({ values }) => {
  if ((values.affected === undefined) === (values['every-stack'] === undefined)) {
    throw new UsageError(
      'exactly one of --affected <file> or --every-stack <reason> must be given, but got ' + (values.affected ? 'both' : 'neither'),
    );
  }
  // The repository's own layout, as `npm run synth` reads it in the same job.
  const project = loadValidProject(projectSources({}));
  const selection: AffectedStacks = values.affected
    ? readAffectedStacks(values.affected)
    : everyStack(project.plans, values['every-stack']!);
  if (values.write) writeFileSync(values.write, JSON.stringify(selection));
  for (const stack of selection.orphaned)
    console.log(`::error title=${escapeProperty(`Orphaned stack ${stack.stack}`)}::${escapeData(`stack ${stack.stack}: ${stack.reason}`)}`);
  const matrix = stackMatrix(project.plans, selection.planned);
  writeStepOutputs({ stacks: JSON.stringify(matrix.stacks), 'parallel-jobs': JSON.stringify(matrix.parallelJobs) });
  if (selection.orphaned.length > 0) process.exitCode = 1;
  return [];
});
