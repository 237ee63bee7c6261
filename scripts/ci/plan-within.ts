/**
 * Exit 0 when every change of <new-plan.json> is one that <reviewed-plan.json> makes identically
 * (the rest of an apply that failed part-way), 1 otherwise, naming the differing changes.
 */
import { readFileSync } from 'node:fs';
import { defineCommand } from '../../lib/cli/command-line';
import { runCommand } from '../../lib/cli/run';
import { parsePlanJson } from '../../lib/pipeline/plan-json';
import { finishesReviewed, ReviewablePlan } from '../../lib/pipeline/plan-review';

const PLAN_WITHIN = defineCommand({
  usage: 'tsx scripts/ci/plan-within.ts <new-plan.json> <reviewed-plan.json>',
  summary:
    'Exit 0 when every change of the new plan is one the reviewed plan makes identically (the rest of an apply that failed part-way), 1 otherwise, naming the differing changes.',
  options: {},
  positionals: { name: '<new-plan.json> <reviewed-plan.json>', description: 'two plans as `terraform show -json` prints them', min: 2 },
  example: 'tsx scripts/ci/plan-within.ts retry/plan.json plans/dev--payroll/plan.json',
});

void runCommand(PLAN_WITHIN, ({ positionals: [fresh, reviewed] }) => {
  const read = (file: string): ReviewablePlan => parsePlanJson(readFileSync(file, 'utf8'), file);
  const result = finishesReviewed(read(fresh), read(reviewed));
  if (result.ok) return ['plan-within: every remaining change is part of the reviewed plan'];
  process.exitCode = 1;
  return [
    `::error title=Plan changed during the apply::the plan made to retry changes ${result.differing.join(', ')} differently from the reviewed plan; nothing more was applied. Re-run all jobs of the apply workflow to plan and review again.`,
  ];
});
