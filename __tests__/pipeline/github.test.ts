import {
  closeDriftIssueAfterApply,
  GitHubClient,
  markCommentOutdated,
  pullRequestOfCommit,
  reviewedPlanRun,
  stacksIn,
  syncApplyIssue,
  syncDriftIssue,
  upsertComment,
} from '../../lib/pipeline/github';

/** Records requests and answers GETs from canned pages. */
function fakeClient(pages: Record<string, unknown[]>): GitHubClient & { calls: string[]; bodies: unknown[] } {
  const calls: string[] = [];
  const bodies: unknown[] = [];
  return {
    calls,
    bodies,
    async request(method, path, body) {
      calls.push(`${method} ${path}`);
      if (body !== undefined) bodies.push(body);
      return method === 'GET' ? (pages[path] ?? []) : {};
    },
  };
}

const marker = '<!-- okta-groups-claims:plan:dev -->';
const bot = { login: 'github-actions[bot]', type: 'Bot' };
const filler = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => ({ id: from + i, body: 'lgtm', user: { login: 'alice', type: 'User' } }));

describe('one comment per environment', () => {
  test('updates the marked comment in place, even when it is on the second page', async () => {
    const client = fakeClient({
      '/repos/o/r/issues/7/comments?per_page=100&page=1': filler(100),
      '/repos/o/r/issues/7/comments?per_page=100&page=2': [
        { id: 555, body: `${marker}\nold`, user: bot },
        { id: 556, body: '<!-- okta-groups-claims:plan:prod -->', user: bot },
      ],
    });
    await expect(upsertComment(client, { repository: 'o/r', issueNumber: 7, marker, body: `${marker}\nnew` })).resolves.toBe('updated');
    expect(client.calls.at(-1)).toBe('PATCH /repos/o/r/issues/comments/555');
    expect(client.bodies).toEqual([{ body: `${marker}\nnew` }]);
  });

  test('creates it when no comment carries the marker', async () => {
    const client = fakeClient({ '/repos/o/r/issues/7/comments?per_page=100&page=1': filler(3) });
    await expect(upsertComment(client, { repository: 'o/r', issueNumber: 7, marker, body: `${marker}\nnew` })).resolves.toBe('created');
    expect(client.calls.at(-1)).toBe('POST /repos/o/r/issues/7/comments');
  });

  test('never updates a comment carrying the marker that the bot did not write', async () => {
    const client = fakeClient({
      '/repos/o/r/issues/7/comments?per_page=100&page=1': [
        { id: 10, body: `quoting ${marker} here`, user: { login: 'alice', type: 'User' } },
        { id: 11, body: marker, user: { login: 'dependabot[bot]', type: 'Bot' } },
        { id: 12, body: marker, user: { login: 'github-actions[bot]', type: 'User' } },
      ],
    });
    await expect(upsertComment(client, { repository: 'o/r', issueNumber: 7, marker, body: `${marker}\nnew` })).resolves.toBe('created');
    expect(client.calls.filter((c) => c.startsWith('PATCH'))).toEqual([]);
  });

  test('a GitHub App posting with its own token names its bot login', async () => {
    const client = fakeClient({
      '/repos/o/r/issues/7/comments?per_page=100&page=1': [{ id: 20, body: marker, user: { login: 'okta-bot[bot]', type: 'Bot' } }],
    });
    await expect(
      upsertComment(client, { repository: 'o/r', issueNumber: 7, marker, body: `${marker}\nnew`, botLogin: 'okta-bot[bot]' }),
    ).resolves.toBe('updated');
  });

  test('refuses a body without its marker, which the next run could never find', async () => {
    await expect(upsertComment(fakeClient({}), { repository: 'o/r', issueNumber: 7, marker, body: 'no marker' })).rejects.toThrow(
      /must contain its marker/,
    );
  });
});

describe('one drift issue per environment', () => {
  const driftMarker = '<!-- okta-groups-claims:drift:prod -->';
  const issues = '/repos/o/r/issues?state=all&sort=updated&direction=desc&per_page=100&page=1';

  test('opens an issue on first drift, with the drifting stacks hidden in it', async () => {
    const client = fakeClient({ [issues]: [{ id: 1, number: 3, body: driftMarker, pull_request: {}, user: bot }] });
    await expect(
      syncDriftIssue(client, {
        repository: 'o/r',
        marker: driftMarker,
        title: 'Okta drift in prod',
        body: `${driftMarker}\nx`,
        stacks: ['prod--b', 'prod--a'],
      }),
    ).resolves.toBe('opened');
    expect(client.calls.at(-1)).toBe('POST /repos/o/r/issues');
    expect(stacksIn((client.bodies.at(-1) as { body: string }).body)).toEqual(['prod--a', 'prod--b']);
  });

  test('updates the open issue on later drift and comments, so that watchers hear of each finding', async () => {
    const client = fakeClient({ [issues]: [{ id: 1, number: 9, state: 'open', body: `${driftMarker}\nold`, user: bot }] });
    await expect(
      syncDriftIssue(client, {
        repository: 'o/r',
        marker: driftMarker,
        title: 't',
        body: `${driftMarker}\nnew`,
        comment: 'found by run 5',
      }),
    ).resolves.toBe('updated');
    expect(client.calls).toContain('PATCH /repos/o/r/issues/9');
    expect(client.calls.at(-1)).toBe('POST /repos/o/r/issues/9/comments');
    expect(client.bodies.at(-1)).toEqual({ body: 'found by run 5' });
  });

  test('reopens the closed issue when drift comes back', async () => {
    const client = fakeClient({ [issues]: [{ id: 1, number: 9, state: 'closed', body: `${driftMarker}\nold`, user: bot }] });
    await expect(syncDriftIssue(client, { repository: 'o/r', marker: driftMarker, title: 't', body: `${driftMarker}\nnew` })).resolves.toBe(
      'reopened',
    );
    expect(client.bodies[0]).toEqual(expect.objectContaining({ state: 'open' }));
  });

  test('closes it when the environment is clean, and does nothing when there is none or it is closed', async () => {
    const client = fakeClient({ [issues]: [{ id: 1, number: 9, state: 'open', body: driftMarker, user: bot }] });
    await expect(syncDriftIssue(client, { repository: 'o/r', marker: driftMarker, title: 't' })).resolves.toBe('closed');
    expect(client.bodies.at(-1)).toEqual({ state: 'closed', state_reason: 'completed' });
    await expect(syncDriftIssue(fakeClient({}), { repository: 'o/r', marker: driftMarker, title: 't' })).resolves.toBe('unchanged');
    const closed = fakeClient({ [issues]: [{ id: 1, number: 9, state: 'closed', body: driftMarker, user: bot }] });
    await expect(syncDriftIssue(closed, { repository: 'o/r', marker: driftMarker, title: 't' })).resolves.toBe('unchanged');
  });

  test('a successful apply closes it once every drifting stack matches main', async () => {
    const body = `${driftMarker}\nx\n\n<!-- stacks: ["prod--a","prod--b"] -->`;
    const client = fakeClient({ [issues]: [{ id: 1, number: 9, state: 'open', body, user: bot }] });
    const close = (matching: string[]) =>
      closeDriftIssueAfterApply(client, { repository: 'o/r', marker: driftMarker, matching, comment: 'applied' });
    await expect(close(['prod--a'])).resolves.toBe('unchanged');
    await expect(close(['prod--a', 'prod--b', 'prod--c'])).resolves.toBe('closed');
    expect(client.bodies.at(-1)).toEqual({ state: 'closed', state_reason: 'completed' });
  });

  test('never closes or rewrites an issue a person opened with the marker in it', async () => {
    const client = fakeClient({
      [issues]: [{ id: 1, number: 9, state: 'open', body: `see ${driftMarker}`, user: { login: 'mallory', type: 'User' } }],
    });
    await expect(syncDriftIssue(client, { repository: 'o/r', marker: driftMarker, title: 't' })).resolves.toBe('unchanged');
    await expect(syncDriftIssue(client, { repository: 'o/r', marker: driftMarker, title: 't', body: `${driftMarker}\nx` })).resolves.toBe(
      'opened',
    );
    expect(client.calls.filter((c) => c.includes('/issues/9'))).toEqual([]);
  });
});

describe('one apply-failure issue per environment, listing the stacks merged but not applied', () => {
  const failMarker = '<!-- okta-groups-claims:apply-failed:prod -->';
  const issues = '/repos/o/r/issues?state=all&sort=updated&direction=desc&per_page=100&page=1';
  const sync = (client: GitHubClient, failed: string[], matching: string[]) =>
    syncApplyIssue(client, {
      repository: 'o/r',
      marker: failMarker,
      title: 'Okta apply failed in prod',
      failed,
      matching,
      body: `${failMarker}\nerror`,
      comment: 'run 7',
    });

  test('a failure opens it with the failed stacks', async () => {
    const client = fakeClient({});
    await expect(sync(client, ['prod--a'], ['prod--b'])).resolves.toBe('opened');
    expect(stacksIn((client.bodies.at(-1) as { body: string }).body)).toEqual(['prod--a']);
  });

  test('a later failure adds its stacks and comments; a success removes what it applied and closes the issue when none is left', async () => {
    const open = (stacks: string[]) => [
      { id: 1, number: 4, state: 'open', body: `${failMarker}\nerror\n\n<!-- stacks: ${JSON.stringify(stacks)} -->`, user: bot },
    ];
    const again = fakeClient({ [issues]: open(['prod--a']) });
    await expect(sync(again, ['prod--b'], [])).resolves.toBe('updated');
    expect(stacksIn((again.bodies[0] as { body: string }).body)).toEqual(['prod--a', 'prod--b']);
    expect(again.calls.at(-1)).toBe('POST /repos/o/r/issues/4/comments');

    const partly = fakeClient({ [issues]: open(['prod--a', 'prod--b']) });
    await expect(sync(partly, [], ['prod--a'])).resolves.toBe('updated');
    expect(stacksIn((partly.bodies[0] as { body: string }).body)).toEqual(['prod--b']);

    const done = fakeClient({ [issues]: open(['prod--a', 'prod--b']) });
    await expect(sync(done, [], ['prod--a', 'prod--b'])).resolves.toBe('closed');
    expect(done.bodies.at(-1)).toEqual({ state: 'closed', state_reason: 'completed' });
  });

  test('a success with no open issue does nothing', async () => {
    const client = fakeClient({});
    await expect(sync(client, [], ['prod--a'])).resolves.toBe('unchanged');
    expect(client.calls.filter((c) => !c.startsWith('GET'))).toEqual([]);
  });
});

test('a failed check marks the old plan comment as outdated, once', async () => {
  const client = fakeClient({
    '/repos/o/r/issues/7/comments?per_page=100&page=1': [{ id: 5, body: `${marker}\n## Okta plan`, user: bot }],
  });
  await expect(markCommentOutdated(client, { repository: 'o/r', issueNumber: 7, marker, warning: 'the check failed' })).resolves.toBe(
    'marked',
  );
  const body = (client.bodies.at(-1) as { body: string }).body;
  expect(body).toBe(`${marker}\n> [!WARNING]\n> **Outdated.** the check failed\n\n## Okta plan`);
  const twice = fakeClient({ '/repos/o/r/issues/7/comments?per_page=100&page=1': [{ id: 5, body, user: bot }] });
  await markCommentOutdated(twice, { repository: 'o/r', issueNumber: 7, marker, warning: 'failed again' });
  expect((twice.bodies.at(-1) as { body: string }).body).toBe(`${marker}\n> [!WARNING]\n> **Outdated.** failed again\n\n## Okta plan`);
});

test('the reviewed plans are those of the last finished pull-request run of the merged pull request head', async () => {
  const client = fakeClient({
    '/repos/o/r/commits/abc/pulls': [{ number: 2, merged_at: '2025-01-01T00:00:00Z', head: { sha: 'h' } }],
  });
  client.request = async (method, path) => {
    if (path === '/repos/o/r/commits/abc/pulls') return [{ number: 2, merged_at: '2025-01-01T00:00:00Z', head: { sha: 'h' } }];
    if (path === '/repos/o/r/actions/workflows/pull-request.yml/runs?event=pull_request&head_sha=h&per_page=20') {
      return {
        workflow_runs: [
          { id: 10, status: 'completed', conclusion: 'success', created_at: '2025-01-01T10:00:00Z' },
          { id: 11, status: 'completed', conclusion: 'failure', created_at: '2025-01-01T11:00:00Z' },
          { id: 12, status: 'in_progress', conclusion: null, created_at: '2025-01-01T12:00:00Z' },
        ],
      };
    }
    throw new Error(`unexpected ${method} ${path}`);
  };
  await expect(reviewedPlanRun(client, 'o/r', 'abc')).resolves.toEqual({ pr: 2, runId: 11 });
});

test('the merged pull request of a commit is found, open ones are ignored', async () => {
  const client = fakeClient({
    '/repos/o/r/commits/abc/pulls': [
      { number: 1, merged_at: null },
      { number: 2, merged_at: '2025-01-01T00:00:00Z' },
    ],
  });
  await expect(pullRequestOfCommit(client, 'o/r', 'abc')).resolves.toBe(2);
});
