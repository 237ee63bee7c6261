/**
 * Reads how each stack of one environment ended after the apply jobs and prepares the issue.
 *
 *   tsx scripts/ci/apply-report.ts --environment prod --plans plans --commit <sha> --run-url <url> --out apply-failed.md
 *
 * <plans>/<stack>/ holds each stack's apply artifact: review.json (from review-plans.ts) and,
 * when its apply job ran, apply-exitcode and apply.log (from terraform-apply.sh). Writes the
 * outputs `failed` (stacks with changes that are not applied) and `matching` (stacks now in line
 * with main: applied, or nothing to apply) as JSON lists, and <out> when anything failed.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { applyFailureBody, StackApply } from '../../lib/pipeline/apply-report';
import type { Review } from '../../lib/pipeline/plan-review';
import { writeStepOutputs } from '../../lib/pipeline/step-outputs';

const { values } = parseArgs({
  args: process.argv.slice(2),
  strict: true,
  options: { environment: { type: 'string' }, plans: { type: 'string' }, commit: { type: 'string' }, 'run-url': { type: 'string' }, out: { type: 'string' } },
});
const { environment, plans, commit, out } = values;
if (!environment || !plans || !commit || !out || !values['run-url']) {
  console.error('error: --environment, --plans, --commit, --run-url and --out must be given');
  process.exit(2);
}
const read = (stack: string, file: string): string | undefined => (existsSync(join(plans, stack, file)) ? readFileSync(join(plans, stack, file), 'utf8') : undefined);
const matching: string[] = [];
const stacks: StackApply[] = [];
for (const stack of existsSync(plans) ? readdirSync(plans).filter((s) => s.startsWith(`${environment}--`)).sort() : []) {
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
if (failed.length > 0) writeFileSync(out, applyFailureBody(environment, stacks, values['run-url']!, commit));
writeStepOutputs({ failed: JSON.stringify(failed.map((s) => s.stack)), matching: JSON.stringify(matching) });
