/**
 * Reads how each stack of one environment ended after the apply jobs and prepares the issue.
 *
 * <plans>/<stack>/ holds each stack's apply artifact: review.json (from review-plans.ts) and,
 * when its apply job ran, apply-exitcode and apply.log (from terraform-apply.sh). Writes the
 * outputs `failed` (stacks with changes that are not applied) and `matching` (stacks now in line
 * with main: applied, or nothing to apply) as JSON lists, and <out> when anything failed.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCommand } from '../../lib/cli/command-line';
import { runCommand } from '../../lib/cli/run';
import { applyFailureBody, StackApply } from '../../lib/pipeline/apply-report';
import type { Review } from '../../lib/pipeline/plan-review';
import { writeStepOutputs } from '../../lib/pipeline/step-outputs';

const APPLY_REPORT = defineCommand({
  usage: 'tsx scripts/ci/apply-report.ts --environment <env> --plans <folder> --commit <sha> --run-url <url> --out <file>',
  summary:
    'Reads how each stack of one environment ended after the apply jobs; writes the outputs failed and matching (JSON lists) and, when anything failed, the issue body to --out.',
  options: {
    environment: { type: 'string', value: 'env', description: 'the environment', required: true },
    plans: {
      type: 'string',
      value: 'folder',
      description: "each stack's apply artifact: <stack>/review.json, apply-exitcode, apply.log",
      required: true,
    },
    commit: { type: 'string', value: 'sha', description: 'the commit that was applied', required: true },
    'run-url': { type: 'string', value: 'url', description: 'the workflow run, for the issue', required: true },
    out: { type: 'string', value: 'file', description: 'where to write the issue body', required: true },
  },
  example:
    'tsx scripts/ci/apply-report.ts --environment prod --plans plans --commit "$GITHUB_SHA" --run-url "$RUN_URL" --out apply-failed.md',
});

void runCommand(APPLY_REPORT, ({ values }) => {
  const { environment, plans, commit, out } = values;
  const read = (stack: string, file: string): string | undefined =>
    existsSync(join(plans, stack, file)) ? readFileSync(join(plans, stack, file), 'utf8') : undefined;
  const matching: string[] = [];
  const stacks: StackApply[] = [];
  for (const stack of existsSync(plans)
    ? readdirSync(plans)
        .filter((s) => s.startsWith(`${environment}--`))
        .sort()
    : []) {
    const review = read(stack, 'review.json');
    if (!review) continue;
    if ((JSON.parse(review) as Review).status === 'no-changes') {
      matching.push(stack);
      continue;
    }
    const code = read(stack, 'apply-exitcode')?.trim();
    const outcome = code === '0' ? 'applied' : code === undefined ? 'not-applied' : 'failed';
    if (outcome === 'applied') matching.push(stack);
    // The end of the log holds Terraform's error; the whole log is in the job.
    stacks.push({ stack, outcome, error: outcome === 'failed' ? read(stack, 'apply.log')?.split('\n').slice(-40).join('\n') : undefined });
  }
  const failed = stacks.filter((s) => s.outcome !== 'applied');
  if (failed.length > 0) writeFileSync(out, applyFailureBody(environment, stacks, values['run-url'], commit));
  writeStepOutputs({ failed: JSON.stringify(failed.map((s) => s.stack)), matching: JSON.stringify(matching) });
  return [];
});
