/**
 * Exits 1 with an `::error` when a stack's backend keeps no durable, shared, locked state and
 * the script runs in GitHub Actions (GITHUB_ACTIONS=true); elsewhere (the demo, the end-to-end
 * suite, a laptop) any backend is fine. Run by terraform-plan.sh and terraform-apply.sh before
 * `terraform init`; in CI plans, by the synth job of plan-stacks.yml (the plan job runs no node).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defineCommand } from '../../lib/cli/command-line';
import { runCommand } from '../../lib/cli/run';
import { durableBackendProblem, SynthesizedTerraform } from '../../lib/pipeline/durable-backend';

const CHECK_BACKEND = defineCommand({
  usage: 'tsx scripts/ci/check-backend.ts <stack-dir>',
  summary:
    "In GitHub Actions (GITHUB_ACTIONS=true), exit 1 with an ::error when the stack's backend keeps no durable, shared, locked state; elsewhere any backend passes.",
  options: {},
  positionals: { name: '<stack-dir>', description: 'a synthesized stack folder holding cdk.tf.json', min: 1 },
  example: 'tsx scripts/ci/check-backend.ts cdktf.out/stacks/dev--payroll',
});

void runCommand(CHECK_BACKEND, ({ positionals: [dir] }) => {
  if (process.env.GITHUB_ACTIONS !== 'true') return [];
  const synthesized = JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8')) as SynthesizedTerraform;
  const problem = durableBackendProblem(basename(dir.replace(/\/+$/, '')), synthesized);
  if (!problem) return [];
  console.error(`error: ${problem}`);
  process.exitCode = 1;
  return [`::error title=No durable state backend::${problem}`];
});
