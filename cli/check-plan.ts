/**
 * `npm run check-plan -- <plan.json>…`: fails (exit 1) when a saved plan holds a change that
 * the okta provider would report as applied without making it (see lib/pipeline/blocked-changes.ts),
 * printing what to do instead. `scripts/ci/terraform-plan.sh` runs it on every plan.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runCommand } from '../lib/cli/run';
import { blockedChanges } from '../lib/pipeline/blocked-changes';
import { parsePlanJson } from '../lib/pipeline/plan-json';

runCommand(() => {
  const { positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, strict: true });
  if (positionals.length === 0) throw new Error('usage: npm run check-plan -- <plan.json>...');
  const blocked = positionals.flatMap((file) => blockedChanges(parsePlanJson(readFileSync(file, 'utf8'), file)).map((change) => `${file}: ${change.message}`));
  if (blocked.length > 0) {
    for (const line of blocked) console.error(`error: ${line}`);
    process.exitCode = 1;
    return [];
  }
  return [`${positionals.length} plan(s) checked: nothing the provider would skip.`];
});
