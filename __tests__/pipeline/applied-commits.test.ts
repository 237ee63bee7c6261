import { appliedContext, lastApplied, recordApplied, unappliedStacks } from '../../lib/pipeline/applied-commits';
import type { GitHubClient } from '../../lib/pipeline/github';

/** A GitHub API that keeps commit statuses per commit and records every request. */
function fakeStatuses(statuses: Record<string, { context: string; state: string }[]> = {}): GitHubClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async request(method, path, body) {
      calls.push(`${method} ${path}`);
      const post = /^\/repos\/o\/r\/statuses\/(\w+)$/.exec(path);
      if (method === 'POST' && post) (statuses[post[1]] ??= []).unshift(body as { context: string; state: string });
      const get = /^\/repos\/o\/r\/commits\/(\w+)\/statuses/.exec(path);
      return get ? (statuses[get[1]] ?? []) : {};
    },
  };
}

describe('applied commits: which stacks were merged but never applied', () => {
  test('the report job records each stack in line with main as a commit status on the applied commit', async () => {
    const client = fakeStatuses();
    await recordApplied(client, 'o/r', 'c3', ['dev--a', 'dev--shared'], 'https://run');
    expect(await lastApplied(client, 'o/r', ['c3'], ['dev--a', 'dev--shared'])).toEqual(
      new Map([
        ['dev--a', 'c3'],
        ['dev--shared', 'c3'],
      ]),
    );
  });

  test('the newest record of each stack wins; reading stops once every stack is found; failures do not count', async () => {
    const ok = (stack: string) => ({ context: appliedContext(stack), state: 'success' });
    const client = fakeStatuses({
      c3: [ok('dev--a')],
      c2: [ok('dev--b'), { context: appliedContext('dev--c'), state: 'failure' }],
      c1: [ok('dev--a'), ok('dev--c')],
      c0: [ok('dev--b')],
    });
    expect(await lastApplied(client, 'o/r', ['c3', 'c2', 'c1', 'c0'], ['dev--a', 'dev--b', 'dev--c'])).toEqual(
      new Map([
        ['dev--a', 'c3'],
        ['dev--b', 'c2'],
        ['dev--c', 'c1'],
      ]),
    );
    expect(client.calls).toHaveLength(3);
  });

  test('a stack is behind when main changed its Terraform after its last apply, or when no commit records it', () => {
    const asked: string[] = [];
    const changedSince = (commit: string): Set<string> => {
      asked.push(commit);
      return new Set(commit === 'c1' ? ['dev--a', 'dev--c'] : []);
    };
    const applied = new Map([
      ['dev--a', 'c1'],
      ['dev--b', 'c1'],
      ['dev--c', 'c2'],
      ['dev--d', 'c3'],
    ]);
    expect(unappliedStacks(['dev--a', 'dev--b', 'dev--c', 'dev--d', 'dev--e'], applied, 'c3', changedSince)).toEqual([
      { stack: 'dev--a', applied: 'c1' },
      { stack: 'dev--e' },
    ]);
    expect(asked).toEqual(['c1', 'c2']); // once per distinct commit, never for main's own
  });
});
