/**
 * Exits 1 with an `::error` when a stack's backend keeps no durable, shared, locked state and
 * the script runs in GitHub Actions (GITHUB_ACTIONS=true); elsewhere (the demo, the end-to-end
 * suite, a laptop) any backend is fine. Run by terraform-plan.sh and terraform-apply.sh before
 * `terraform init`.
 *
 *   tsx scripts/ci/check-backend.ts <stack-dir>
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { durableBackendProblem, SynthesizedTerraform } from '../../lib/pipeline/durable-backend';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: tsx scripts/ci/check-backend.ts <stack-dir>');
  process.exit(2);
}
if (process.env.GITHUB_ACTIONS === 'true') {
  const synthesized = JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8')) as SynthesizedTerraform;
  const problem = durableBackendProblem(basename(dir.replace(/\/+$/, '')), synthesized);
  if (problem) {
    console.log(`::error title=No durable state backend::${problem}`);
    console.error(`error: ${problem}`);
    process.exit(1);
  }
}
