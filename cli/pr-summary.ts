/**
 * `npm run pr-summary`: the Markdown comment for one environment, printed or written to --out.
 *
 *   npm run pr-summary -- --environment dev --base origin/main --head HEAD \
 *     --plan plan.json --plan-text plan.txt [--out comment.md]
 *
 * Options: --environment (required), --purpose plan|apply|drift, --base/--head (git refs; leave
 * --base out for drift reports), --plan (`terraform show -json`), --plan-text (`terraform show`),
 * --plan-skipped <reason>, --note <markdown>, --policy <problems.json>, --artifact <where the
 * full plan is>, --dir <allow-lists folder>, --repo <git repository>.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runCommand } from '../lib/cli/run';
import { Problem } from '../lib/load/problem';
import { prSummary } from '../lib/pipeline/pr-summary';

const PURPOSES = ['plan', 'apply', 'drift'] as const;

runCommand(() => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: {
      environment: { type: 'string' },
      purpose: { type: 'string', default: 'plan' },
      base: { type: 'string' },
      head: { type: 'string' },
      plan: { type: 'string' },
      'plan-text': { type: 'string' },
      'plan-skipped': { type: 'string' },
      note: { type: 'string' },
      policy: { type: 'string' },
      artifact: { type: 'string' },
      dir: { type: 'string' },
      repo: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (!values.environment) throw new Error('--environment must name the environment the comment is about, but it is missing');
  const purpose = values.purpose as (typeof PURPOSES)[number];
  if (!PURPOSES.includes(purpose)) throw new Error(`--purpose must be one of ${PURPOSES.join(', ')}, but got "${values.purpose}"`);
  const body = prSummary({
    environment: values.environment,
    purpose,
    base: values.base,
    head: values.head,
    repository: values.repo,
    allowlistsDir: values.dir,
    planJsonFile: values.plan,
    planTextFile: values['plan-text'],
    planSkipped: values['plan-skipped'],
    note: values.note,
    policy: values.policy === undefined ? undefined : readProblems(values.policy),
    fullPlanLocation: values.artifact,
  });
  if (values.out === undefined) return [body];
  writeFileSync(values.out, body);
  return [`wrote ${values.out} (${Buffer.byteLength(body)} bytes)`];
});

/** A JSON list of Problems, as the policy check writes them. */
function readProblems(file: string): Problem[] {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(value)) throw new Error(`--policy must name a JSON file holding a list of problems, but ${file} holds ${typeof value}`);
  return value as Problem[];
}
