import { mkdirSync } from 'node:fs';
import { RunningEmulator } from '../emulator';
import { FakeGitHub } from './harness/fake-github';
import { appsByLabel, groupIdsByName, profileOf, startOrg } from './harness/org';
import { Pipeline } from './harness/pipeline';
import { Postgres, startPostgres } from './harness/postgres';
import { oneLine, Workspace } from './harness/workspace';
import { callsTo } from './fixtures/fault-project';
import { devEnvironments, DEV_HOST, SMALL_GROUPS, webApp } from './fixtures/small-project';

const STACK = 'dev--payroll';
const SHARED = 'dev--shared';
const UPDATE_APP = /^\/api\/v1\/apps\/0oa[^/]+$/;
const CREATE_APP = /^\/api\/v1\/apps$/;

/**
 * The apply side of the pipeline with its real scripts, as apply-stacks.yml calls them under
 * GITHUB_ACTIONS=true: terraform-plan.sh, review-plans.ts, terraform-apply.sh (retries and
 * re-plans), apply-report.ts, github.ts and applied-commits.ts (against a local fake of the
 * GitHub API), on Terraform's `pg` backend (a real PostgreSQL with advisory locks) and the real
 * okta provider 4.20.0. The provider tries each request twice (maxRetries 1), so two 429s or 5xx
 * in a row reach the script. The cases run in order on one org and one state, like consecutive
 * pushes to main.
 */
describe('the apply pipeline on a locking backend', () => {
  let pg: Postgres;
  let org: RunningEmulator;
  let workspace: Workspace;
  let ci: Pipeline;

  /** The allow list of `key` in the files and, after an apply, in Okta. */
  const setGroups = (key: string, groups: string[]): void => {
    workspace.edit(key, (file) => ((file.allowlist as { groups: string[] }).groups = groups));
    workspace.synth();
  };
  const oktaGroups = (label: string): unknown => {
    const ids = groupIdsByName(org);
    const names = new Map([...ids].map(([name, id]) => [id, name]));
    return (profileOf(appsByLabel(org).get(label)!).groupallowlist as string[]).map((id) => names.get(id));
  };
  const everyAppOnce = (): void => {
    const labels = (org.state.apps() as Array<{ label: string }>).map((app) => app.label).sort();
    expect(labels).toEqual([...new Set(labels)]);
  };

  beforeAll(async () => {
    pg = await startPostgres();
    org = await startOrg(DEV_HOST, { seed: { groups: [...SMALL_GROUPS] }, rateLimits: false });
    const environments = devEnvironments((dev) => {
      dev.backend = { type: 'pg', config: { schemaName: 'okta_{stack}' } };
      dev.rateLimits = { maxApiCapacity: 50, backoff: true, minWaitSeconds: 1, maxWaitSeconds: 1, maxRetries: 1 };
    });
    workspace = Workspace.of({ dev: { ...org.env('https-proxy'), PG_CONN_STR: pg.connectionString } }, environments, {
      payroll: webApp('Payroll Portal', ['Payroll Admins']),
      expenses: webApp('Expense Tracker', ['Expense Approvers']),
    });
    workspace.synth();
    ci = new Pipeline(workspace);
  });

  afterAll(async () => {
    await org?.stop();
    pg?.stop();
    workspace?.dispose();
  });

  test('in GitHub Actions a local backend is refused before init, naming stacks/environments.json; pg is accepted and the first apply runs', async () => {
    const local = Workspace.of({ dev: org.env('https-proxy') }, devEnvironments(), {
      payroll: webApp('Payroll Portal', ['Payroll Admins']),
    });
    try {
      local.synth();
      const localCi = new Pipeline(local);
      const refusedPlan = await localCi.plan(STACK, 'plans');
      expect(refusedPlan.code).toBe(1);
      expect(oneLine(refusedPlan.stdout)).toMatch(/::error title=No durable state backend::dev--payroll uses the "local" backend/);
      expect(oneLine(refusedPlan.stderr)).toMatch(
        /set environments\.dev\.backend in stacks\/environments\.json to a remote backend with locking/,
      );
      mkdirSync(localCi.folder('plans/dev--payroll'), { recursive: true });
      const refusedApply = await localCi.apply(STACK, 'plans');
      expect(refusedApply.code).toBe(1);
      expect(oneLine(refusedApply.stderr)).toMatch(/stacks\/environments\.json/);
      expect(org.log).toHaveLength(0); // refused before Terraform ever called Okta
    } finally {
      local.dispose();
    }

    for (const stack of [SHARED, STACK]) {
      const plan = await ci.plan(stack, 'apply');
      expect(plan.code).toBe(0);
      expect(plan.stderr).toMatch(/has no state yet: planning its first apply/);
      const apply = await ci.apply(stack, 'apply');
      expect(apply.code).toBe(0);
      expect(ci.read('apply', stack, 'apply-exitcode')?.trim()).toBe('0');
    }
    expect(await workspace.stateAddresses(STACK)).toEqual(expect.arrayContaining(['okta_app_oauth.expenses', 'okta_app_oauth.payroll']));
    const again = await ci.plan(STACK, 'again', ['-detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/first apply/); // the state in PostgreSQL was found
  });

  test("review-plans: main's plan identical to the pull request's is \"reviewed\"; a plan that differs, and prod's always-approve, need approval; an empty plan is never applied", async () => {
    setGroups('payroll', ['Payroll Admins', 'Payroll Users']);
    expect((await ci.plan(STACK, 'reviewed')).code).toBe(0); // the pull request's plan
    for (const stack of [SHARED, STACK]) expect((await ci.plan(stack, 'apply')).code).toBe(0); // main's plans at apply time
    const affected = ci.writeAffected('dev', [SHARED, STACK]);
    const args = ['--environment', 'dev', '--affected', affected, '--plans', ci.folder('apply'), '--reviewed', ci.folder('reviewed')];

    const same = await ci.script('review-plans.ts', args);
    expect(same.code).toBe(0);
    expect(same.outputs).toEqual({ changed: JSON.stringify([STACK]), 'needs-approval': 'false' });
    expect(JSON.parse(ci.read('apply', STACK, 'review.json')!)).toMatchObject({ status: 'reviewed' });
    expect(JSON.parse(ci.read('apply', SHARED, 'review.json')!)).toMatchObject({ status: 'no-changes' });
    expect((await ci.script('review-plans.ts', [...args, '--always-approve'])).outputs['needs-approval']).toBe('true');

    // Main moved for the stack after the review (another pull request merged first).
    setGroups('payroll', ['Payroll Admins', 'Payroll Users', 'Payroll Auditors']);
    expect((await ci.plan(STACK, 'apply')).code).toBe(0);
    const moved = await ci.script('review-plans.ts', args);
    expect(moved.outputs).toEqual({ changed: JSON.stringify([STACK]), 'needs-approval': 'true' });
    expect(JSON.parse(ci.read('apply', STACK, 'review.json')!)).toMatchObject({
      status: 'unreviewed',
      reason: expect.stringMatching(/okta_app_oauth\.payroll/),
    });
    // Without any reviewed plan (a manual run), too.
    const manual = await ci.script('review-plans.ts', args.slice(0, 6));
    expect(manual.outputs['needs-approval']).toBe('true');

    expect((await ci.apply(STACK, 'apply')).code).toBe(0);
    expect(oktaGroups('Payroll Portal')).toEqual(['Payroll Admins', 'Payroll Users', 'Payroll Auditors']);
  });

  test('a saved plan made stale by another apply is refused; the script re-plans and applies the rest, because it is part of the reviewed plan', async () => {
    // Another apply of the stack takes only the payroll change; the reviewed plan has both.
    setGroups('payroll', ['Payroll Admins']);
    expect((await ci.plan(STACK, 'other')).code).toBe(0);
    workspace.edit('expenses', (file) => ((file.allowlist as { groups: string[] }).groups = ['Expense Approvers', 'Équipe Finance']));
    workspace.synth();
    expect((await ci.plan(STACK, 'apply')).code).toBe(0);
    expect((await ci.apply(STACK, 'other')).code).toBe(0);

    const apply = await ci.apply(STACK, 'apply');
    expect(apply.code).toBe(0);
    const log = oneLine(apply.stderr);
    expect(log).toMatch(/Saved plan is stale/);
    expect(log).toMatch(/failed with a transient error \(attempt 1 of 3\); retrying in 1s/);
    expect(log).toMatch(/plan-within: every remaining change is part of the reviewed plan/);
    expect(log).toMatch(/Apply complete! Resources: 0 added, 1 changed, 0 destroyed/);
    expect(oktaGroups('Payroll Portal')).toEqual(['Payroll Admins']);
    expect(oktaGroups('Expense Tracker')).toEqual(['Expense Approvers', 'Équipe Finance']);
    expect((await ci.plan(STACK, 'check', ['-detailed-exitcode'])).code).toBe(0);
  });

  test('a stale plan whose re-plan differs from the reviewed one stops without applying anything, asking for a new review', async () => {
    setGroups('payroll', ['Payroll Admins', 'Payroll Auditors']);
    expect((await ci.plan(STACK, 'other')).code).toBe(0);
    setGroups('payroll', ['Payroll Admins', 'Payroll Users']);
    expect((await ci.plan(STACK, 'apply')).code).toBe(0);
    expect((await ci.apply(STACK, 'other')).code).toBe(0);
    org.clearLog();

    const apply = await ci.apply(STACK, 'apply');
    expect(apply.code).toBe(1);
    const log = oneLine(apply.stderr);
    expect(log).toMatch(/Saved plan is stale/);
    expect(log).toMatch(
      /::error title=Plan changed during the apply::the plan made to retry changes okta_app_oauth\.payroll differently from the reviewed plan; nothing more was applied\. Re-run all jobs/,
    );
    expect(callsTo(org.log, 'PUT', UPDATE_APP)).toEqual({});
    expect(oktaGroups('Payroll Portal')).toEqual(['Payroll Admins', 'Payroll Auditors']);
    expect(ci.read('apply', STACK, 'apply-exitcode')?.trim()).toBe('1');

    // "Re-run all jobs": plan again, apply.
    expect((await ci.plan(STACK, 'apply')).code).toBe(0);
    expect((await ci.apply(STACK, 'apply')).code).toBe(0);
    expect(oktaGroups('Payroll Portal')).toEqual(['Payroll Admins', 'Payroll Users']);
  });

  // No digits in these keys: the script must recognise the status from the error, not from a name like "travel-503".
  test.each([
    [429, 'POST', CREATE_APP, 'travel-desk'],
    [503, 'PUT', UPDATE_APP, 'visitor-desk'],
  ])(
    "a %i on %s that outlasts the provider's retries: terraform-apply.sh retries, re-plans within the reviewed plan and converges with every object once",
    async (status, method, path, key) => {
      const label = key === 'travel-desk' ? 'Travel Desk' : 'Visitor Desk';
      workspace.write(key, webApp(label, ['Partner Managers']));
      setGroups('payroll', status === 429 ? ['Payroll Admins'] : ['Payroll Admins', 'Payroll Users']);
      expect((await ci.plan(STACK, 'apply')).code).toBe(0);
      org.clearLog();
      org.setFaults([{ method, path, status, count: 2 }]); // both of the provider's attempts

      const apply = await ci.apply(STACK, 'apply');
      org.setFaults([]);
      expect(apply.code).toBe(0);
      const log = oneLine(apply.stderr);
      expect(log).toMatch(/failed with a transient error \(attempt 1 of 3\)/);
      expect(log).toMatch(/plan-within: every remaining change is part of the reviewed plan/);
      expect(callsTo(org.log, method, path)[status]).toBe(2);
      everyAppOnce();
      expect(appsByLabel(org).has(label)).toBe(true);
      expect(oktaGroups('Payroll Portal')).toEqual(status === 429 ? ['Payroll Admins'] : ['Payroll Admins', 'Payroll Users']);
      expect((await ci.plan(STACK, 'check', ['-detailed-exitcode'])).code).toBe(0);
    },
  );

  test('a non-transient failure is not retried; apply-report and github.ts open the apply-failure issue naming the stack, the error and the re-run; the next apply closes it', async () => {
    setGroups('payroll', ['Payroll Admins', 'Payroll Auditors']);
    for (const stack of [SHARED, STACK]) await ci.plan(stack, 'apply');
    const affected = ci.writeAffected('dev', [SHARED, STACK]);
    const review = async (): Promise<void> =>
      expect(
        (await ci.script('review-plans.ts', ['--environment', 'dev', '--affected', affected, '--plans', ci.folder('apply')])).code,
      ).toBe(0);
    await review();
    org.clearLog();
    org.setFaults([{ method: 'PUT', path: UPDATE_APP, status: 500, count: 1 }]);

    const apply = await ci.apply(STACK, 'apply');
    org.setFaults([]);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/terraform-apply: \S*dev--payroll failed \(not a transient error\); not retried/);
    expect(callsTo(org.log, 'PUT', UPDATE_APP)).toEqual({ 500: 1 });

    const github = new FakeGitHub();
    await github.start();
    try {
      const env = { GITHUB_TOKEN: 'fake-token-not-a-secret', GITHUB_REPOSITORY: 'acme/okta', GITHUB_API_URL: github.url };
      const report = async (): Promise<Record<string, string>> => {
        const out = await ci.script('apply-report.ts', [
          '--environment',
          'dev',
          '--plans',
          ci.folder('apply'),
          '--commit',
          'c0ffee1234567890',
          '--run-url',
          'https://github.example/run/1',
          '--out',
          'apply-failed.md',
        ]);
        expect(out.code).toBe(0);
        const issue = await ci.script(
          'github.ts',
          [
            'apply-issue',
            '--environment',
            'dev',
            '--failed',
            out.outputs.failed,
            '--matching',
            out.outputs.matching,
            ...(out.outputs.failed === '[]' ? [] : ['--body-file', 'apply-failed.md']),
            '--note',
            'e2e',
          ],
          env,
        );
        expect(issue.code).toBe(0);
        return out.outputs;
      };
      expect(await report()).toEqual({ failed: JSON.stringify([STACK]), matching: JSON.stringify([SHARED]) });
      expect(github.issues).toHaveLength(1);
      const [issue] = github.issues;
      expect(issue.title).toBe('Okta apply failed in dev');
      expect(issue.body).toMatch(/`dev--payroll`: the apply failed/);
      expect(issue.body).toMatch(/Error: failed to update OAuth application: the API returned an error: Internal Server Error/); // a 500: the provider does not retry it
      expect(issue.body).toMatch(/Re-run all jobs/);
      expect(issue.body).toMatch(/npm run orphans -- --env dev/);

      // The recovery the issue describes: Re-run all jobs plans, reviews and applies again.
      expect((await ci.plan(STACK, 'apply')).code).toBe(0);
      await review();
      expect((await ci.apply(STACK, 'apply')).code).toBe(0);
      expect(await report()).toEqual({ failed: '[]', matching: JSON.stringify([STACK, SHARED]) });
      expect(issue.state).toBe('closed');
      // The report job's record for the drift run's "merged but not applied" check.
      const recorded = await ci.script(
        'applied-commits.ts',
        [
          'record',
          '--commit',
          'c0ffee1234567890',
          '--stacks',
          JSON.stringify([STACK, SHARED]),
          '--run-url',
          'https://github.example/run/1',
        ],
        env,
      );
      expect(recorded.code).toBe(0);
      expect(
        github.calls
          .filter((c) => c.method === 'POST' && c.path === '/repos/acme/okta/statuses/c0ffee1234567890')
          .map((c) => c.body?.context),
      ).toEqual(['okta-applied/dev--payroll', 'okta-applied/dev--shared']);
    } finally {
      await github.stop();
    }
    expect(oktaGroups('Payroll Portal')).toEqual(['Payroll Admins', 'Payroll Auditors']);
    everyAppOnce();
  });
});
