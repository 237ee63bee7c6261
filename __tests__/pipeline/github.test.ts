import { GitHubClient, pullRequestOfCommit, syncDriftIssue, upsertComment } from '../../lib/pipeline/github';

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
const filler = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ({ id: from + i, body: 'lgtm', user: { login: 'alice', type: 'User' } }));

describe('one comment per environment', () => {
  test('updates the marked comment in place, even when it is on the second page', async () => {
    const client = fakeClient({
      '/repos/o/r/issues/7/comments?per_page=100&page=1': filler(100),
      '/repos/o/r/issues/7/comments?per_page=100&page=2': [{ id: 555, body: `${marker}\nold`, user: bot }, { id: 556, body: '<!-- okta-groups-claims:plan:prod -->', user: bot }],
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
    const client = fakeClient({ '/repos/o/r/issues/7/comments?per_page=100&page=1': [{ id: 20, body: marker, user: { login: 'okta-bot[bot]', type: 'Bot' } }] });
    await expect(upsertComment(client, { repository: 'o/r', issueNumber: 7, marker, body: `${marker}\nnew`, botLogin: 'okta-bot[bot]' })).resolves.toBe('updated');
  });

  test('refuses a body without its marker, which the next run could never find', async () => {
    await expect(upsertComment(fakeClient({}), { repository: 'o/r', issueNumber: 7, marker, body: 'no marker' })).rejects.toThrow(/must contain its marker/);
  });
});

describe('one drift issue per environment', () => {
  const driftMarker = '<!-- okta-groups-claims:drift:prod -->';
  const openIssues = '/repos/o/r/issues?state=open&per_page=100&page=1';

  test('opens an issue on first drift', async () => {
    const client = fakeClient({ [openIssues]: [{ id: 1, number: 3, body: driftMarker, pull_request: {}, user: bot }] });
    await expect(syncDriftIssue(client, { repository: 'o/r', marker: driftMarker, title: 'Okta drift in prod', body: `${driftMarker}\nx` })).resolves.toBe('opened');
    expect(client.calls.at(-1)).toBe('POST /repos/o/r/issues');
  });

  test('updates the open issue on later drift', async () => {
    const client = fakeClient({ [openIssues]: [{ id: 1, number: 9, body: `${driftMarker}\nold`, user: bot }] });
    await expect(syncDriftIssue(client, { repository: 'o/r', marker: driftMarker, title: 't', body: `${driftMarker}\nnew` })).resolves.toBe('updated');
    expect(client.calls.at(-1)).toBe('PATCH /repos/o/r/issues/9');
  });

  test('closes it when the environment is clean, and does nothing when there is none', async () => {
    const client = fakeClient({ [openIssues]: [{ id: 1, number: 9, body: driftMarker, user: bot }] });
    await expect(syncDriftIssue(client, { repository: 'o/r', marker: driftMarker, title: 't' })).resolves.toBe('closed');
    expect(client.bodies.at(-1)).toEqual({ state: 'closed', state_reason: 'completed' });
    await expect(syncDriftIssue(fakeClient({}), { repository: 'o/r', marker: driftMarker, title: 't' })).resolves.toBe('unchanged');
  });

  test('never closes or rewrites an issue a person opened with the marker in it', async () => {
    const client = fakeClient({ [openIssues]: [{ id: 1, number: 9, body: `see ${driftMarker}`, user: { login: 'mallory', type: 'User' } }] });
    await expect(syncDriftIssue(client, { repository: 'o/r', marker: driftMarker, title: 't' })).resolves.toBe('unchanged');
    await expect(syncDriftIssue(client, { repository: 'o/r', marker: driftMarker, title: 't', body: `${driftMarker}\nx` })).resolves.toBe('opened');
    expect(client.calls.filter((c) => c.includes('/issues/9'))).toEqual([]);
  });
});

test('the merged pull request of a commit is found, open ones are ignored', async () => {
  const client = fakeClient({ '/repos/o/r/commits/abc/pulls': [{ number: 1, merged_at: null }, { number: 2, merged_at: '2025-01-01T00:00:00Z' }] });
  await expect(pullRequestOfCommit(client, 'o/r', 'abc')).resolves.toBe(2);
});
