/**
 * `npm run pr-summary`: the Markdown comment for one environment, printed or written to --out.
 *
 *   npm run pr-summary -- --environment dev --base origin/main --head HEAD --affected affected.json \
 *     --plan dev--payroll=plans/dev--payroll/plan.json --plan-text dev--payroll=plans/dev--payroll/plan.txt \
 *     [--plan …] [--out comment.md]
 *
 * A plan comment (the default purpose) also loads the project from the working tree of --repo,
 * the checked-out head, and lists the policy warnings and suppressions of the environment's apps.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectSources, SOURCE_OPTIONS } from '../lib/cli/args';
import { defineCommand } from '../lib/cli/command-line';
import { runCommand } from '../lib/cli/run';
import { DEFAULT_ALLOWLISTS_DIR, DEFAULT_ENVIRONMENTS_FILE, loadProject } from '../lib/load/load-project';
import { readAffectedStacks } from '../lib/pipeline/affected-stacks';
import { prSummary } from '../lib/pipeline/pr-summary';

const PURPOSES = ['plan', 'apply', 'drift'] as const;

const PR_SUMMARY = defineCommand({
  usage: 'npm run pr-summary -- --environment <env> [options]',
  summary:
    "Prints (or writes to --out) the Markdown comment for one environment: the allow-list changes, each stack's plan and, for a plan comment, the policy warnings and suppressions of its apps.",
  options: {
    environment: { type: 'string', value: 'env', description: 'the environment the comment is about', required: true },
    purpose: { type: 'string', value: PURPOSES.join('|'), description: 'which comment', default: 'plan' },
    base: { type: 'string', value: 'git ref', description: 'the commit the change starts from (leave out for drift reports)' },
    head: { type: 'string', value: 'git ref', description: 'the commit the change ends at' },
    affected: { type: 'string', value: 'file', description: '`npm run affected` output' },
    plan: { type: 'string', value: 'stack=file', multiple: true, default: [], description: "a stack's plan (`terraform show -json`)" },
    'plan-text': {
      type: 'string',
      value: 'stack=file',
      multiple: true,
      default: [],
      description: "a stack's plan as `terraform show` prints it",
    },
    'plan-failed': { type: 'string', value: 'stack', multiple: true, default: [], description: 'a stack whose plan failed' },
    'plan-skipped': { type: 'string', value: 'reason', description: 'why no plan ran' },
    note: { type: 'string', value: 'markdown', description: 'a note for the top of the comment' },
    artifact: { type: 'string', value: 'where', description: 'where a stack\'s full plan is; "{stack}" is replaced' },
    ...SOURCE_OPTIONS,
    repo: {
      type: 'string',
      value: 'folder',
      description: 'the git repository; --dir, --config and --policy are inside it',
      defaultText: '.',
    },
    out: { type: 'string', value: 'file', description: 'write the comment here instead of printing it' },
  },
  example:
    'npm run pr-summary -- --environment dev --base origin/main --head HEAD --affected affected.json --plan dev--payroll=plans/dev--payroll/plan.json --out comment.md',
});

void runCommand(PR_SUMMARY, ({ values }) => {
  const purpose = values.purpose as (typeof PURPOSES)[number];
  if (!PURPOSES.includes(purpose)) throw new Error(`--purpose must be one of ${PURPOSES.join(', ')}, but got "${values.purpose}"`);
  const planTexts = new Map(values['plan-text'].map((v) => stackFile('--plan-text', v)));
  const plans = values.plan.map((v) => stackFile('--plan', v));
  for (const stack of planTexts.keys()) {
    if (!plans.some(([planned]) => planned === stack))
      throw new Error(`--plan-text ${stack}=… must come with --plan ${stack}=<plan.json>, but there is none`);
  }
  const root = values.repo ?? '.';
  const sources = projectSources(values);
  const loaded =
    purpose === 'plan'
      ? loadProject({
          allowlistsDir: join(root, sources.allowlistsDir ?? DEFAULT_ALLOWLISTS_DIR),
          environmentsFile: join(root, sources.environmentsFile ?? DEFAULT_ENVIRONMENTS_FILE),
          policyFile: sources.policyFile === undefined ? undefined : join(root, sources.policyFile),
        })
      : undefined;
  const body = prSummary({
    environment: values.environment,
    purpose,
    base: values.base,
    head: values.head,
    repository: values.repo,
    allowlistsDir: values.dir,
    affected: values.affected === undefined ? undefined : readAffectedStacks(values.affected),
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
