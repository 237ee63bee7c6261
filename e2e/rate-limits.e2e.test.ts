import { RunningEmulator } from '../emulator';
import { startOrg } from './harness/org';
import { checkOrphans } from './harness/orphans';
import { planAndApply, Workspace } from './harness/workspace';
import { DEV_HOST, SMALL_GROUPS } from './fixtures/small-project';
import { FAST_RETRIES, fastRetryEnvironments, faultApps, faultProjectProblems, statusCounts } from './fixtures/fault-project';

const APPS = 8;

/**
 * A 429 storm: the emulator enforces tiny limits in a short window (10 app-family requests per
 * 5 s) and the provider's real client (max_api_capacity 50, waits 1 s … 2 s) applies eight apps.
 */
describe("a 429 storm at the emulator's limits", () => {
  let org: RunningEmulator;
  let workspace: Workspace;

  beforeAll(async () => {
    org = await startOrg(DEV_HOST, { seed: { groups: [...SMALL_GROUPS] }, rateLimits: { windowMs: 5000, limits: { apps: 10, app: 20 } } });
    workspace = Workspace.of({ dev: org.env('https-proxy') }, fastRetryEnvironments(FAST_RETRIES), faultApps(APPS));
    workspace.synth();
    for (const stack of workspace.stacks('dev')) await planAndApply(workspace, stack);
  });

  afterAll(async () => {
    await org?.stop();
    workspace?.dispose();
  });

  test('the apply completes with every app, profile and claim exactly once, although Okta answered 429 many times', () => {
    expect(statusCounts(org.log)[429]).toBeGreaterThan(5);
    expect(faultProjectProblems(org, APPS)).toEqual([]);
  });

  test("the provider's governor does not prevent the storm: ten requests in flight overshoot a bucket it has not measured yet", () => {
    const firstRefused = org.log.find((entry) => entry.status === 429)!;
    const admittedBefore = org.log.filter(
      (entry) => entry.family === firstRefused.family && entry.status !== 429 && entry.startedAt <= firstRefused.startedAt,
    );
    expect(admittedBefore.length).toBe(10); // the whole bucket, not max_api_capacity's 50 % of it
  });

  test('it retries a 429 after min_wait_seconds, doubling up to max_wait_seconds, without waiting for X-Rate-Limit-Reset', () => {
    // Per refused request: the delays of its retries, up to the first answer that was not a 429.
    const sequences: number[][] = [];
    const seen = new Set<string>();
    for (const [index, entry] of org.log.entries()) {
      const key = `${entry.method} ${entry.path}`;
      if (entry.status !== 429 || entry.path.startsWith('/api/v1/policies') || seen.has(key)) continue;
      seen.add(key);
      const attempts = [entry, ...org.log.slice(index + 1).filter((e) => `${e.method} ${e.path}` === key)];
      const end = attempts.findIndex((e) => e.status !== 429);
      const used = attempts.slice(0, end < 0 ? attempts.length : end + 1);
      sequences.push(used.slice(1).map((e, i) => e.startedAt - used[i].startedAt));
    }
    expect(sequences.length).toBeGreaterThan(0);
    for (const delays of sequences) {
      expect(delays[0]).toBeGreaterThanOrEqual(900);
      expect(delays[0]).toBeLessThan(1900); // 1 s, well before the 5 s window resets
      for (const later of delays.slice(1)) expect(later).toBeGreaterThanOrEqual(1900); // then max_wait_seconds, 2 s
    }
  });

  test('a re-plan is empty and the orphan check finds nothing', async () => {
    org.setRateLimits(false);
    for (const stack of workspace.stacks('dev')) expect((await workspace.plan(stack)).code).toBe(0);
    expect((await checkOrphans(workspace, org)).exitCode).toBe(0);
  });
});
