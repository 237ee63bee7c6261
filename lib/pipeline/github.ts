/**
 * The few GitHub REST calls the workflows make, behind a small client interface so that the
 * find-by-marker logic is tested without a network. Comments and issues are found by a hidden
 * HTML marker written by the workflow's bot, so each environment keeps ONE comment per pull
 * request and ONE drift issue.
 */

export interface GitHubClient {
  /** Sends one REST request; `path` starts with `/repos/…`. Rejects on any non-2xx status. */
  request(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<unknown>;
}

export interface GitHubClientOptions {
  /** A token with only the permissions the job declares (`github.token`). */
  readonly token: string;
  /** @default "https://api.github.com" (`GITHUB_API_URL` on Enterprise Server) */
  readonly apiUrl?: string;
}

export function fetchClient(options: GitHubClientOptions): GitHubClient {
  const apiUrl = options.apiUrl ?? 'https://api.github.com';
  return {
    async request(method, path, body) {
      const response = await fetch(`${apiUrl}${path}`, {
        method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${options.token}`,
          'x-github-api-version': '2022-11-28',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`GitHub ${method} ${path} failed: HTTP ${response.status} ${await response.text()}`);
      return response.status === 204 ? undefined : response.json();
    },
  };
}

interface Commented {
  readonly id: number;
  readonly body?: string | null;
  readonly user?: { readonly login?: string; readonly type?: string } | null;
}

interface Issue extends Commented {
  readonly number: number;
  readonly pull_request?: unknown;
}

const PAGE_SIZE = 100;

/** The author of what `github.token` posts. */
export const DEFAULT_BOT_LOGIN = 'github-actions[bot]';

/**
 * Anyone can paste a marker into a comment or issue; only what the workflow's bot wrote is ours
 * to update (or to close), or a user could make the pipeline overwrite or close their text.
 */
function writtenBy(botLogin: string): (item: Commented) => boolean {
  return (item) => item.user?.type === 'Bot' && item.user.login === botLogin;
}

async function findAll<T>(client: GitHubClient, path: string, matches: (item: T) => boolean): Promise<T[]> {
  const found: T[] = [];
  for (let page = 1; ; page++) {
    const items = (await client.request('GET', `${path}${path.includes('?') ? '&' : '?'}per_page=${PAGE_SIZE}&page=${page}`)) as T[];
    found.push(...items.filter(matches));
    if (items.length < PAGE_SIZE) return found;
  }
}

export interface UpsertCommentOptions {
  /** `owner/name`. */
  readonly repository: string;
  readonly issueNumber: number;
  /** The hidden marker the body starts with; see `commentMarker`. */
  readonly marker: string;
  readonly body: string;
  /** Login of the bot that posts with the job's token; comments by anyone else are never updated. @default "github-actions[bot]" */
  readonly botLogin?: string;
}

/** Updates the comment carrying `marker` in place, or creates it when there is none. */
export async function upsertComment(client: GitHubClient, options: UpsertCommentOptions): Promise<'created' | 'updated'> {
  requireMarker(options.marker, options.body);
  const base = `/repos/${options.repository}/issues`;
  const ours = writtenBy(options.botLogin ?? DEFAULT_BOT_LOGIN);
  const [existing] = await findAll<Commented>(client, `${base}/${options.issueNumber}/comments`, (c) => ours(c) && Boolean(c.body?.includes(options.marker)));
  if (existing) {
    await client.request('PATCH', `${base}/comments/${existing.id}`, { body: options.body });
    return 'updated';
  }
  await client.request('POST', `${base}/${options.issueNumber}/comments`, { body: options.body });
  return 'created';
}

export interface SyncDriftIssueOptions {
  readonly repository: string;
  readonly marker: string;
  readonly title: string;
  /** The drift report, or undefined when the environment matches the configuration. */
  readonly body?: string;
  /** Labels for a new issue. @default ["drift"] */
  readonly labels?: readonly string[];
  /** Login of the bot that posts with the job's token; issues by anyone else are never updated or closed. @default "github-actions[bot]" */
  readonly botLogin?: string;
}

/**
 * One open issue per environment while it drifts: opened on first drift, updated on every
 * later drift, closed with a comment once a run finds the environment clean.
 */
export async function syncDriftIssue(client: GitHubClient, options: SyncDriftIssueOptions): Promise<'opened' | 'updated' | 'closed' | 'unchanged'> {
  const base = `/repos/${options.repository}/issues`;
  const ours = writtenBy(options.botLogin ?? DEFAULT_BOT_LOGIN);
  const [open] = await findAll<Issue>(client, `${base}?state=open`, (i) => !i.pull_request && ours(i) && Boolean(i.body?.includes(options.marker)));
  if (options.body === undefined) {
    if (!open) return 'unchanged';
    await client.request('POST', `${base}/${open.number}/comments`, { body: 'The environment matches the configuration again; closing.' });
    await client.request('PATCH', `${base}/${open.number}`, { state: 'closed', state_reason: 'completed' });
    return 'closed';
  }
  requireMarker(options.marker, options.body);
  if (open) {
    await client.request('PATCH', `${base}/${open.number}`, { title: options.title, body: options.body });
    return 'updated';
  }
  await client.request('POST', base, { title: options.title, body: options.body, labels: [...(options.labels ?? ['drift'])] });
  return 'opened';
}

/** The merged pull request that brought `sha` into the branch, if any (squash, merge or rebase). */
export async function pullRequestOfCommit(client: GitHubClient, repository: string, sha: string): Promise<number | undefined> {
  const pulls = (await client.request('GET', `/repos/${repository}/commits/${sha}/pulls`)) as { number: number; merged_at?: string | null }[];
  return pulls.find((p) => p.merged_at)?.number;
}

function requireMarker(marker: string, body: string): void {
  if (!body.includes(marker)) throw new Error(`the body must contain its marker ${marker}, or the next run could not find it; render it with commentMarker()`);
}
