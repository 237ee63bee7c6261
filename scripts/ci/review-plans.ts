/**
 * Decides, for one environment at apply time, which stacks to apply and whether a person must
 * approve first (lib/pipeline/plan-review.ts).
 *
 * <plans>/<stack>/ holds the plan main's code just made (scripts/ci/terraform-plan.sh);
 * <reviewed>/<stack>/plan.json, when present, the plan the pull request's comment showed.
 * Writes <plans>/<stack>/review.json ({status, reason}) and the outputs `changed` (JSON list of
 * the stacks with changes: the apply matrix; an empty plan is never applied) and
 * `needs-approval` (true when any of them differs from its reviewed plan, or with
 * --always-approve and anything to apply) to $GITHUB_OUTPUT (stdout when unset). Exit 1 when a
 * stack of the selection has no readable plan. <plans>/review.md gets one line per stack, for
 * the comment that shows the plans before anyone approves.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCommand } from '../../lib/cli/command-line';
import { runCommand } from '../../lib/cli/run';
import { readAffectedStacks, REQUIRED_AFFECTED_OPTION } from '../../lib/pipeline/affected-stacks';
import { escapeData } from '../../lib/pipeline/annotations';
import { parsePlanJson } from '../../lib/pipeline/plan-json';
import { ReviewablePlan, reviewPlan } from '../../lib/pipeline/plan-review';
import { writeStepOutputs } from '../../lib/pipeline/step-outputs';

const REVIEW_PLANS = defineCommand({
  usage: 'tsx scripts/ci/review-plans.ts --environment <env> --affected <file> --plans <folder> [--reviewed <folder>] [--always-approve]',
  summary:
    "Decides which of one environment's stacks to apply and whether a person must approve first; writes <plans>/<stack>/review.json, <plans>/review.md and the outputs changed and needs-approval; exit 1 when a stack has no readable plan.",
  options: {
    environment: { type: 'string', value: 'env', description: 'the environment', required: true },
    affected: REQUIRED_AFFECTED_OPTION,
    plans: { type: 'string', value: 'folder', description: "holds <stack>/plan.json, the plan main's code just made", required: true },
    reviewed: { type: 'string', value: 'folder', description: "holds <stack>/plan.json, the plan the pull request's comment showed" },
    'always-approve': { type: 'boolean', description: 'ask for approval whenever there is anything to apply' },
  },
  example: 'tsx scripts/ci/review-plans.ts --environment prod --affected affected.json --plans plans --reviewed reviewed',
});

void runCommand(REVIEW_PLANS, ({ values }) => {
  const readPlan = (dir: string | undefined, stack: string): ReviewablePlan | undefined => {
    const file = dir && join(dir, stack, 'plan.json');
    return file && existsSync(file) ? parsePlanJson(readFileSync(file, 'utf8'), file) : undefined;
  };

  const selection = readAffectedStacks(values.affected);
  const changed: string[] = [];
  let unreviewed = 0;
  let unreadable = 0;
  const lines: string[] = [];
  const LABELS = {
    'no-changes': 'no changes, not applied',
    reviewed: 'as reviewed, applied without another approval',
    unreviewed: '**needs approval**',
  } as const;
  for (const { stack } of selection.planned.filter((s) => s.environment === values.environment)) {
    const fresh = readPlan(values.plans, stack);
    if (!fresh) {
      console.log(`::error title=No plan for ${stack}::${escapeData(`${stack} has no plan.json: its plan failed or never ran`)}`);
      unreadable++;
      continue;
    }
    const review = reviewPlan(fresh, readPlan(values.reviewed, stack));
    writeFileSync(join(values.plans, stack, 'review.json'), `${JSON.stringify(review)}\n`);
    console.error(`${stack}: ${review.status}: ${review.reason}`);
    lines.push(`- \`${stack}\`: ${LABELS[review.status]}: ${review.reason}`);
    if (review.status !== 'no-changes') changed.push(stack);
    if (review.status === 'unreviewed') unreviewed++;
  }
  const needsApproval = changed.length > 0 && (unreviewed > 0 || values['always-approve'] === true);
  writeFileSync(join(values.plans, 'review.md'), `${lines.join('\n')}\n`);
  writeStepOutputs({ changed: JSON.stringify(changed), 'needs-approval': String(needsApproval) });
  process.exitCode = unreadable > 0 ? 1 : 0;
  return [];
});
