/**
 * `npm run pr-summary`: the Markdown comment for one environment, printed or written to --out.
 *
 *   npm run pr-summary -- --environment dev --base origin/main --head HEAD --affected affected.json \
 *     --plan dev--payroll=plans/dev--payroll/plan.json --plan-text dev--payroll=plans/dev--payroll/plan.txt \
 *     [--plan …] [--out comment.md]
 *
 * Options: --environment (required), --purpose plan|apply|drift, --base/--head (git refs; leave
 * --base out for drift reports), --affected (`npm run affected` output), --plan <stack>=<file>
 * (`terraform show -json`, repeatable), --plan-text <stack>=<file> (`terraform show`,
 * repeatable), --plan-failed <stack> (repeatable), --plan-skipped <reason>, --note <markdown>,
 * --artifact <where a stack's full plan is; "{stack}" is replaced>, --dir <allow-lists folder>,
 * --config <environments file>, --repo <git repository>.
 *
 * A plan comment (the default purpose) also loads the project from the working tree of --repo,
 * the checked-out head, and lists the policy warnings and suppressions of the environment's apps.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCommand } from '../lib/cli/run';
import { DEFAULT_ALLOWLISTS_DIR, DEFAULT_ENVIRONMENTS_FILE, DEFAULT_POLICY_FILE, loadProject } from '../lib/load/load-project';
import type { AffectedStacks } from '../lib/pipeline/affected-stacks';
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
      affected: { type: 'string' },
      plan: { type: 'string', multiple: true, default: [] },
      'plan-text': { type: 'string', multiple: true, default: [] },
      'plan-failed': { type: 'string', multiple: true, default: [] },
      'plan-skipped': { type: 'string' },
      note: { type: 'string' },
      artifact: { type: 'string' },
      dir: { type: 'string' },
      config: { type: 'string' },
      repo: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (!values.environment) throw new Error('--environment must name the environment the comment is about, but it is missing');
  const purpose = values.purpose as (typeof PURPOSES)[number];
  if (!PURPOSES.includes(purpose)) throw new Error(`--purpose must be one of ${PURPOSES.join(', ')}, but got "${values.purpose}"`);
  const planTexts = new Map(values['plan-text'].map((v) => stackFile('--plan-text', v)));
  const plans = values.plan.map((v) => stackFile('--plan', v));
  for (const stack of planTexts.keys()) {
    if (!plans.some(([planned]) => planned === stack)) throw new Error(`--plan-text ${stack}=… must come with --plan ${stack}=<plan.json>, but there is none`);
  }
  const root = values.repo ?? '.';
  const loaded =
    purpose === 'plan'
      ? loadProject({
          allowlistsDir: join(root, values.dir ?? DEFAULT_ALLOWLISTS_DIR),
          environmentsFile: join(root, values.config ?? DEFAULT_ENVIRONMENTS_FILE),
          // As every command: the repository's own layout requires its policy file.
          policyFile: values.dir === undefined ? join(root, DEFAULT_POLICY_FILE) : undefined,
        })
      : undefined;
  const body = prSummary({
    environment: values.environment,
    purpose,
    base: values.base,
    head: values.head,
    repository: values.repo,
    allowlistsDir: values.dir,
    affected: values.affected === undefined ? undefined : readJson<AffectedStacks>('--affected', values.affected, '`npm run affected` output', (v) => Array.isArray(v.planned) && Array.isArray(v.skipped)),
    plans: plans.map(([stack, planJsonFile]) => ({ stack, planJsonFile, planTextFile: planTexts.get(stack) })),
    failedStacks: values['plan-failed'],
    planSkipped: values['plan-skipped'],
    note: values.note,
    loaded,
    fullPlanLocation: values.artifact,
  });
  if (values.out === undefined) return [body];
  writeFileSync(values.out, body);
  return [`wrote ${values.out} (${Buffer.byteLength(body)} bytes)`];
});

/** `dev--payroll=plans/dev--payroll/plan.json` → [stack, file]. */
function stackFile(option: string, value: string): [string, string] {
  const match = /^([^=]+)=(.+)$/.exec(value);
  if (!match) throw new Error(`${option} must be <stack>=<file>, e.g. dev--payroll=plan.json, but got "${value}"`);
  return [match[1], match[2]];
}

function readJson<T>(option: string, file: string, expected: string, isValid: (value: T) => boolean): T {
  const value = JSON.parse(readFileSync(file, 'utf8')) as T;
  if (value === null || typeof value !== 'object' || !isValid(value)) {
    throw new Error(`${option} must name a JSON file holding ${expected}, but ${file} holds something else`);
  }
  return value;
}
