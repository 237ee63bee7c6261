import { RunningEmulator } from '../emulator';
import { startOrg } from './harness/org';
import { checkOrphans } from './harness/orphans';
import { changesOf, oneLine, planAndApply, Workspace } from './harness/workspace';
import { DEV_HOST, SMALL_GROUPS } from './fixtures/small-project';
import { callsTo, FAST_RETRIES, fastRetryEnvironments, faultApps, faultProjectProblems, statusCounts } from './fixtures/fault-project';

const APPS = 4;
const APP_KEYS = Object.keys(faultApps(APPS));
const CREATE_APP = /^\/api\/v1\/apps$/;
const ID_TOKEN_CLAIM = '^/api/v1/internal/apps/[^/]+/settings/oauth/idToken$';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Okta answering 5xx, and applies killed half-way, with the provider's real HTTP client
 * (retries after min_wait_seconds … max_wait_seconds, 1 s and 2 s here). Each case checks the
 * org object by object: every app exactly once, with its profile and its groups claim.
 */
describe("injected 5xx answers and killed applies, through the provider's real client", () => {
  let org: RunningEmulator | undefined;
  let workspace: Workspace | undefined;

  async function setUp(rateLimits: Record<string, unknown> = FAST_RETRIES): Promise<{ org: RunningEmulator; workspace: Workspace }> {
    org = await startOrg(DEV_HOST, { seed: { groups: [...SMALL_GROUPS] }, rateLimits: false });
    workspace = Workspace.of({ dev: org.env('https-proxy') }, fastRetryEnvironments(rateLimits), faultApps(APPS));
    workspace.synth();
    return { org, workspace };
  }

  async function everyStackClean(ws: Workspace): Promise<void> {
    for (const stack of ws.stacks('dev')) expect((await ws.plan(stack)).code).toBe(0);
  }

  afterEach(async () => {
    await org?.stop();
    workspace?.dispose();
    org = undefined;
    workspace = undefined;
  });

  test('502, 503 and 504 before the effect, on any call: retried, the apply completes, every object exactly once', async () => {
    const { org, workspace } = await setUp();
    org.setFaults([
      { path: '^/api/v1/', status: 502, probability: 0.3, seed: 1, count: 4 },
      { path: '^/api/v1/', status: 503, probability: 0.3, seed: 2, count: 4 },
      { path: '^/api/v1/', status: 504, probability: 0.3, seed: 3, count: 4 },
    ]);
    for (const stack of workspace.stacks('dev')) await planAndApply(workspace, stack);
    const counts = statusCounts(org.log);
    expect([counts[502], counts[503], counts[504]]).toEqual([4, 4, 4]);
    expect(faultProjectProblems(org, APPS)).toEqual([]);
    org.setFaults([]);
    await everyStackClean(workspace);
    expect((await checkOrphans(workspace, org)).exitCode).toBe(0);
  });

  test('a 5xx after the effect of an idempotent write (groups claim, app policy): the retry repeats it harmlessly', async () => {
    const { org, workspace } = await setUp();
    org.setFaults([
      { method: 'POST', path: ID_TOKEN_CLAIM, status: 503, afterApply: true, count: 2 },
      { method: 'PUT', path: '^/api/v1/apps/[^/]+/policies/', status: 504, afterApply: true, count: 2 },
    ]);
    for (const stack of workspace.stacks('dev')) await planAndApply(workspace, stack);
    expect(statusCounts(org.log)).toMatchObject({ 503: 2, 504: 2 });
    expect(faultProjectProblems(org, APPS)).toEqual([]);
    await everyStackClean(workspace);
  });

  test('a 502 after Okta created a scope: the retried POST gets 400 (name taken), and every re-run fails the same way until it is imported', async () => {
    const { org, workspace } = await setUp();
    org.setFaults([{ method: 'POST', path: '^/api/v1/authorizationServers/default/scopes$', status: 502, afterApply: true, count: 1 }]);
    await expect(planAndApply(workspace, 'dev--shared')).rejects.toThrow(/failed to create auth server scope: 400 Bad Request/);
    expect(org.state.scopes('default').filter((scope) => scope.name === 'groups')).toHaveLength(1);
    expect(await workspace.stateAddresses('dev--shared')).not.toContain('okta_auth_server_scope.default_groups');
    await expect(planAndApply(workspace, 'dev--shared')).rejects.toThrow(/failed to create auth server scope: 400 Bad Request/);
    // The way out: import the object Okta has (authorization server ID / scope ID).
    const scopeId = org.state.scopes('default').find((scope) => scope.name === 'groups')!.id as string;
    expect(
      (
        await workspace.terraform('dev--shared', [
          'import',
          '-input=false',
          '-no-color',
          'okta_auth_server_scope.default_groups',
          `default/${scopeId}`,
        ])
      ).code,
    ).toBe(0);
    for (const stack of workspace.stacks('dev')) await planAndApply(workspace, stack);
    expect(faultProjectProblems(org, APPS)).toEqual([]);
    await everyStackClean(workspace);
  });

  test('a 503 on the groups claim that outlasts max_retries: the apps stay tainted without their claim; prevent_destroy stops the re-run; untaint converges', async () => {
    const { org, workspace } = await setUp({ ...FAST_RETRIES, maxWaitSeconds: 1, maxRetries: 1 });
    await planAndApply(workspace, 'dev--shared');
    org.setFaults([{ method: 'POST', path: ID_TOKEN_CLAIM, status: 503, count: 2 * APPS }]);
    expect((await workspace.plan('dev--payroll')).code).toBe(2);
    const apply = await workspace.apply('dev--payroll');
    expect(apply.code).toBe(1);
    expect(oneLine(apply.stderr)).toMatch(/failed to update groups claim for an OAuth application: .* giving up after 2 attempt\(s\)/);
    // Half-configured: each app exists, with its profile, but without its org-server groups claim.
    expect(faultProjectProblems(org, APPS)).toEqual(APP_KEYS.map((_, i) => `Fault App ${i + 1}: org-server groups claim null`));
    const shown = await workspace.terraform('dev--payroll', ['show', '-no-color']);
    expect(shown.stdout.match(/# okta_app_oauth\.fault-app-\d+: \(tainted\)/g)).toHaveLength(APPS);
    org.setFaults([]);
    // Tainted means "replace", and the apps' prevent_destroy refuses: the re-run stops, nothing is duplicated.
    const replan = await workspace.plan('dev--payroll');
    expect(replan.code).toBe(1);
    expect(oneLine(replan.stderr)).toMatch(/Instance cannot be destroyed/);
    for (const key of APP_KEYS)
      expect((await workspace.terraform('dev--payroll', ['untaint', '-no-color', `okta_app_oauth.${key}`])).code).toBe(0);
    const fixed = await planAndApply(workspace, 'dev--payroll');
    expect(changesOf(fixed.plan)).toEqual(Object.fromEntries(APP_KEYS.map((key) => [`okta_app_oauth.${key}`, 'update'])));
    expect(faultProjectProblems(org, APPS)).toEqual([]);
    await everyStackClean(workspace);
  });

  test('the orphan trap: a 503 after POST /api/v1/apps created the app; the retried POST creates a second one that plan and apply never report, and the orphan check does', async () => {
    const { org, workspace } = await setUp();
    org.setFaults([{ method: 'POST', path: CREATE_APP.source, status: 503, afterApply: true, count: 2 }]);
    for (const stack of workspace.stacks('dev')) await planAndApply(workspace, stack);
    expect(callsTo(org.log, 'POST', CREATE_APP)).toEqual({ 200: APPS, 503: 2 });
    expect(org.state.apps()).toHaveLength(APPS + 2);
    await everyStackClean(workspace); // Terraform sees nothing wrong
    const check = await checkOrphans(workspace, org, 'dev', ['--json']);
    expect(check.exitCode).toBe(1);
    const report = JSON.parse(check.stdout.join('\n')) as { orphans: Array<{ label: string; id: string; duplicateOf?: string }> };
    expect(report.orphans).toHaveLength(2);
    for (const orphan of report.orphans) expect(orphan.duplicateOf).toMatch(/^0oa/);
    expect(check.stderr.join('\n')).toMatch(/ORPHANED OKTA APPS in dev: 2 app\(s\)/);
    expect(check.stderr.join('\n')).toMatch(/lifecycle\/deactivate/);
    // The removal the report describes: deactivate, then delete, each orphan (never the app the state holds).
    for (const orphan of report.orphans) {
      for (const [method, path] of [
        ['POST', `/api/v1/apps/${orphan.id}/lifecycle/deactivate`],
        ['DELETE', `/api/v1/apps/${orphan.id}`],
      ]) {
        const response = await fetch(`${org.url}${path}`, {
          method,
          headers: { Authorization: `SSWS ${org.env('http-proxy').OKTA_API_TOKEN}` },
        });
        expect(response.status).toBeLessThan(300);
      }
    }
    expect((await checkOrphans(workspace, org)).exitCode).toBe(0);
    expect(faultProjectProblems(org, APPS)).toEqual([]);
  });

  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    test(`${signal} to terraform while creates are in flight: Okta finishes them, the state misses them, and a plain re-run duplicates them`, async () => {
      const { org, workspace } = await setUp();
      await planAndApply(workspace, 'dev--shared');
      // Two of the four creates are slow: Okta has the request and will answer (and create) in 4 s.
      org.setFaults([{ method: 'POST', path: CREATE_APP.source, latencyMs: 4000, count: 2 }]);
      await workspace.plan('dev--payroll');
      org.clearLog();
      let pid = 0;
      const applying = workspace.apply('dev--payroll', { onSpawn: (p) => (pid = p) });
      const started = Date.now();
      while (!org.log.some((e) => e.method === 'POST' && CREATE_APP.test(e.path)) && Date.now() - started < 60_000) await sleep(50);
      await sleep(300);
      process.kill(pid, signal);
      const result = await applying;
      expect(result.code).not.toBe(0);
      if (signal === 'SIGINT')
        expect(oneLine(result.stdout + result.stderr)).toMatch(
          /Interrupt received.*failed to create OAuth application: .*context canceled/,
        );
      await sleep(4500); // the slow creates land in Okta after the client gave up
      expect(org.state.apps()).toHaveLength(APPS);
      // Terraform wrote the state of the two finished creates; the two in flight are in no state.
      expect((await workspace.stateAddresses('dev--payroll')).filter((a) => a.startsWith('okta_app_oauth.'))).toHaveLength(2);
      const before = await checkOrphans(workspace, org, 'dev', ['--json']);
      expect(before.exitCode).toBe(1);
      const orphans = (JSON.parse(before.stdout.join('\n')) as { orphans: Array<{ id: string; keys: string[]; duplicateOf?: string }> })
        .orphans;
      expect(orphans).toHaveLength(2);
      expect(orphans.every((orphan) => orphan.duplicateOf === undefined)).toBe(true);

      // A plain re-run converges in Terraform's eyes but creates the two apps again…
      const replan = await workspace.plan('dev--payroll');
      expect(Object.values(changesOf(replan.plan))).toEqual(['create', 'create']);
      org.setFaults([]);
      // …so the safe re-run imports what the orphan check found first.
      for (const orphan of orphans) {
        expect(
          (
            await workspace.terraform('dev--payroll', [
              'import',
              '-input=false',
              '-no-color',
              `okta_app_oauth.${orphan.keys[0]}`,
              orphan.id,
            ])
          ).code,
        ).toBe(0);
      }
      await planAndApply(workspace, 'dev--payroll');
      expect(faultProjectProblems(org, APPS)).toEqual([]);
      await everyStackClean(workspace);
      expect((await checkOrphans(workspace, org)).exitCode).toBe(0);
    });
  }
});
