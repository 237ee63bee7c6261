/**
 * Decides what one environment's drift plans mean for its drift issue.
 *
 * Reads <plans>/<stack>/exitcode (left by scripts/ci/terraform-plan.sh) for every stack of the
 * environment in the selection and writes the outputs `verdict` (drift|clean|unknown) and
 * `failed` (how many stacks could not be checked) and `exitcodes` ({"<stack>": 0|2|…|null}) to $GITHUB_OUTPUT (stdout when unset).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCommand } from '../../lib/cli/command-line';
import { runCommand } from '../../lib/cli/run';
import { readAffectedStacks, REQUIRED_AFFECTED_OPTION } from '../../lib/pipeline/affected-stacks';
import { driftVerdict } from '../../lib/pipeline/drift-verdict';
import { writeStepOutputs } from '../../lib/pipeline/step-outputs';

const DRIFT_VERDICT = defineCommand({
  usage: 'tsx scripts/ci/drift-verdict.ts --environment <env> --affected <file> --plans <folder>',
  summary:
    "Decides what one environment's drift plans mean: writes the outputs verdict (drift|clean|unknown), failed and exitcodes to $GITHUB_OUTPUT (stdout when unset).",
  options: {
    environment: { type: 'string', value: 'env', description: 'the environment', required: true },
    affected: REQUIRED_AFFECTED_OPTION,
    plans: { type: 'string', value: 'folder', description: 'holds <stack>/exitcode from terraform-plan.sh', required: true },
  },
  example: 'tsx scripts/ci/drift-verdict.ts --environment prod --affected affected.json --plans plans',
});

void runCommand(DRIFT_VERDICT, ({ values }) => {
  const selection = readAffectedStacks(values.affected);
  const exitCodeOf = (stack: string): number | undefined => {
    const file = join(values.plans, stack, 'exitcode');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : undefined;
  };
  const result = driftVerdict(
    selection.planned.filter((s) => s.environment === values.environment),
    exitCodeOf,
  );
  for (const stack of result.failed) console.error(`${stack}: the drift plan failed or never ran; the plan job's log says why`);
  const exitcodes = Object.fromEntries(
    selection.planned.filter((s) => s.environment === values.environment).map((s) => [s.stack, exitCodeOf(s.stack) ?? null]),
  );
  writeStepOutputs({ verdict: result.verdict, failed: String(result.failed.length), exitcodes: JSON.stringify(exitcodes) });
  return [];
});
