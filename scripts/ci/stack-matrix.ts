/**
 * Turns a stack selection into the per-environment matrices the workflows run.
 *
 *   tsx scripts/ci/stack-matrix.ts --affected affected.json          (pull request, push: from `npm run affected`)
 *   tsx scripts/ci/stack-matrix.ts --every-stack "<reason>" --write affected.json   (drift, manual apply)
 *
 * Writes the outputs `stacks` ({"dev": ["dev--payroll", …], …}) and `parallel-jobs` ({"dev": 4, …})
 * to $GITHUB_OUTPUT (stdout when unset). Fails with one error annotation per orphaned stack.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadProject } from '../../lib/load/load-project';
import type { AffectedStacks } from '../../lib/pipeline/affected-stacks';
import { escapeData, escapeProperty } from '../../lib/pipeline/annotations';
import { everyStack, stackMatrix } from '../../lib/pipeline/stack-matrix';
import { writeStepOutputs } from '../../lib/pipeline/step-outputs';

function main(): number {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: { affected: { type: 'string' }, 'every-stack': { type: 'string' }, write: { type: 'string' } },
  });
  const { project, problems } = loadProject();
  if (!project) throw new Error(`the allow lists must load, but ${problems.length} problem(s) were found: run "npm run validate"`);
  if ((values.affected === undefined) === (values['every-stack'] === undefined)) {
    throw new Error('exactly one of --affected <file> or --every-stack <reason> must be given, but got ' + (values.affected ? 'both' : 'neither'));
  }
  const selection: AffectedStacks = values.affected ? JSON.parse(readFileSync(values.affected, 'utf8')) : everyStack(project.plans, values['every-stack']!);
  if (values.write) writeFileSync(values.write, JSON.stringify(selection));
  for (const stack of selection.orphaned) console.log(`::error title=${escapeProperty(`Orphaned stack ${stack.stack}`)}::${escapeData(`stack ${stack.stack}: ${stack.reason}`)}`);
  const matrix = stackMatrix(project.plans, selection.planned);
  writeStepOutputs({ stacks: JSON.stringify(matrix.stacks), 'parallel-jobs': JSON.stringify(matrix.parallelJobs) });
  return selection.orphaned.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = 2;
}
