/**
 * Exit 0 when every change of <new-plan.json> is one that <reviewed-plan.json> makes identically
 * (the rest of an apply that failed part-way), 1 otherwise, naming the differing changes.
 *
 *   tsx scripts/ci/plan-within.ts <new-plan.json> <reviewed-plan.json>
 */
import { readFileSync } from 'node:fs';
import { finishesReviewed, ReviewablePlan } from '../../lib/pipeline/plan-review';

const [fresh, reviewed] = process.argv.slice(2);
if (!fresh || !reviewed) {
  console.error('usage: tsx scripts/ci/plan-within.ts <new-plan.json> <reviewed-plan.json>');
  process.exit(2);
}
const read = (file: string): ReviewablePlan => JSON.parse(readFileSync(file, 'utf8')) as ReviewablePlan;
const result = finishesReviewed(read(fresh), read(reviewed));
if (result.ok) {
  console.log('plan-within: every remaining change is part of the reviewed plan');
} else {
  console.log(`::error title=Plan changed during the apply::the plan made to retry changes ${result.differing.join(', ')} differently from the reviewed plan; nothing more was applied. Re-run all jobs of the apply workflow to plan and review again.`);
  process.exitCode = 1;
}
