/**
 * `npm run check-plan -- <plan.json>…`: fails (exit 1) when a saved plan holds a change that
 * the okta provider would report as applied without making it (see lib/pipeline/blocked-changes.ts),
 * printing what to do instead. `scripts/ci/terraform-plan.sh` runs it on a plan with changes; in CI,
 * the `check` job of plan-stacks.yml runs it on every plan (the plan job runs no node).
 */
import { readFileSync } from 'node:fs';
import { defineCommand } from '../lib/cli/command-line';
import { runCommand } from '../lib/cli/run';
import { blockedChanges } from '../lib/pipeline/blocked-changes';
import { parsePlanJson } from '../lib/pipeline/plan-json';

const CHECK_PLAN = defineCommand({
  usage: 'npm run check-plan -- <plan.json>...',
  summary:
    'Exit 1 when a saved plan (`terraform show -json`) holds a change the okta provider would report as applied without making it, printing what to do instead.',
  options: {},
  positionals: { name: '<plan.json>...', description: 'saved plans, as `terraform show -json` prints them', min: 1 },
  example: 'npm run check-plan -- plans/dev--payroll/plan.json',
});

void runCommand(CHECK_PLAN, ({ positionals }) => {
  const blocked = positionals.flatMap((file) =>
    blockedChanges(parsePlanJson(readFileSync(file, 'utf8'), file)).map((change) => `${file}: ${change.message}`),
  );
  if (blocked.length > 0) {
    for (const line of blocked) console.error(`error: ${line}`);
    process.exitCode = 1;
    return [];
  }
  return [`${positionals.length} plan(s) checked: nothing the provider would skip.`];
});
