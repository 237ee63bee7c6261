/**
 * Decides what one environment's drift plans mean for its drift issue.
 *
 *   tsx scripts/ci/drift-verdict.ts --environment prod --affected affected.json --plans plans
 *
 * Reads <plans>/<stack>/exitcode (left by scripts/ci/terraform-plan.sh) for every stack of the
 * environment in the selection and writes the outputs `verdict` (drift|clean|unknown) and
 * `failed` (how many stacks could not be checked) and `exitcodes` ({"<stack>": 0|2|…|null}) to $GITHUB_OUTPUT (stdout when unset).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AffectedStacks } from '../../lib/pipeline/affected-stacks';
import { driftVerdict } from '../../lib/pipeline/drift-verdict';
import { writeStepOutputs } from '../../lib/pipeline/step-outputs';

const { values } = parseArgs({
  args: process.argv.slice(2),
  strict: true,
  options: { environment: { type: 'string' }, affected: { type: 'string' }, plans: { type: 'string' } },
});
for (const option of ['environment', 'affected', 'plans'] as const) {
  if (!values[option]) {
    console.error(`error: --${option} must be given, but it is missing`);
    process.exit(2);
  }
}
const selection = JSON.parse(readFileSync(values.affected!, 'utf8')) as AffectedStacks;
const exitCodeOf = (stack: string): number | undefined => {
  const file = join(values.plans!, stack, 'exitcode');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : undefined;
};
const result = driftVerdict(
  selection.planned.filter((s) => s.environment === values.environment),
  exitCodeOf,
);
for (const stack of result.failed) console.error(`${stack}: the drift plan failed or never ran; the plan job's log says why`);
const exitcodes = Object.fromEntries(selection.planned.filter((s) => s.environment === values.environment).map((s) => [s.stack, exitCodeOf(s.stack) ?? null]));
writeStepOutputs({ verdict: result.verdict, failed: String(result.failed.length), exitcodes: JSON.stringify(exitcodes) });
