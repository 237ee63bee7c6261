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
  readonly state?: 'open' | 'closed';
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

/** The comment on the issue or pull request that our bot wrote and that carries `marker`. */
async function ourMarkedComment(
  client: GitHubClient,
  options: { repository: string; issueNumber: number; marker: string; botLogin?: string },
): Promise<Commented | undefined> {
  const ours = writtenBy(options.botLogin ?? DEFAULT_BOT_LOGIN);
  const [found] = await findAll<Commented>(
    client,
    `/repos/${options.repository}/issues/${options.issueNumber}/comments`,
    (c) => ours(c) && Boolean(c.body?.includes(options.marker)),
  );
  return found;
}

/** Updates the comment carrying `marker` in place, or creates it when there is none. */
export async function upsertComment(client: GitHubClient, options: UpsertCommentOptions): Promise<'created' | 'updated'> {
  requireMarker(options.marker, options.body);
  const base = `/repos/${options.repository}/issues`;
  const existing = await ourMarkedComment(client, options);
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
  /** Markdown for the comment on each new finding (and on closing). @default a plain sentence */
  readonly comment?: string;
  /** The drifting stacks, kept hidden in the body so that an apply of all of them can close the issue. @default none */
  readonly stacks?: readonly string[];
  /** Labels for a new issue. @default ["drift"] */
  readonly labels?: readonly string[];
  /** Login of the bot that posts with the job's token; issues by anyone else are never updated or closed. @default "github-actions[bot]" */
  readonly botLogin?: string;
}

/** Hidden in an issue body: the stacks it is about. */
const STACKS_MARK = /<!-- stacks: (\[.*?\]) -->/;

/** The stacks recorded in an issue body by `withStacks`. */
export function stacksIn(body: string | null | undefined): string[] {
  const found = STACKS_MARK.exec(body ?? '');
  return found ? (JSON.parse(found[1]) as string[]) : [];
}

function withStacks(body: string, stacks: readonly string[]): string {
  return `${body.replace(STACKS_MARK, '').trimEnd()}\n\n<!-- stacks: ${JSON.stringify([...stacks].sort())} -->\n`;
}

/** Our issue with `marker`, open or closed (the most recently updated), so that a new finding reopens it. */
async function findIssue(
  client: GitHubClient,
  options: { repository: string; marker: string; botLogin?: string },
): Promise<Issue | undefined> {
  const ours = writtenBy(options.botLogin ?? DEFAULT_BOT_LOGIN);
  const path = `/repos/${options.repository}/issues?state=all&sort=updated&direction=desc`;
  const found = await findAll<Issue>(client, path, (i) => !i.pull_request && ours(i) && Boolean(i.body?.includes(options.marker)));
  return found.find((i) => i.state === 'open') ?? found[0];
}

/**
 * One issue per environment while it drifts: opened on the first drift, reopened when drift comes
 * back, its body replaced and a comment added on every finding (so watchers are notified), and
 * closed with a comment once a run finds the environment clean.
 */
export async function syncDriftIssue(
  client: GitHubClient,
  options: SyncDriftIssueOptions,
): Promise<'opened' | 'reopened' | 'updated' | 'closed' | 'unchanged'> {
  const base = `/repos/${options.repository}/issues`;
  const issue = await findIssue(client, options);
  const open = issue?.state === 'open' ? issue : undefined;
  if (options.body === undefined) {
    if (!open) return 'unchanged';
    await client.request('POST', `${base}/${open.number}/comments`, {
      body: options.comment ?? 'The environment matches the configuration again; closing.',
    });
    await client.request('PATCH', `${base}/${open.number}`, { state: 'closed', state_reason: 'completed' });
    return 'closed';
  }
  requireMarker(options.marker, options.body);
  const body = withStacks(options.body, options.stacks ?? []);
  if (issue) {
    await client.request('PATCH', `${base}/${issue.number}`, { title: options.title, body, state: 'open' });
    await client.request('POST', `${base}/${issue.number}/comments`, {
      body: options.comment ?? 'Drift found again; the description shows the latest report.',
    });
    return open ? 'updated' : 'reopened';
  }
  await client.request('POST', base, { title: options.title, body, labels: [...(options.labels ?? ['drift'])] });
  return 'opened';
}

/**
 * Closes the environment's open drift issue when every stack it lists now matches main (applied,
 * or planned with no changes, by the apply workflow). Issues without a stack list are left to
 * the next drift run.
 */
export async function closeDriftIssueAfterApply(
  client: GitHubClient,
  options: { repository: string; marker: string; matching: readonly string[]; comment: string; botLogin?: string },
): Promise<'closed' | 'unchanged'> {
  const issue = await findIssue(client, options);
  const stacks = stacksIn(issue?.body);
  if (issue?.state !== 'open' || stacks.length === 0 || !stacks.every((s) => options.matching.includes(s))) return 'unchanged';
  const base = `/repos/${options.repository}/issues/${issue.number}`;
  await client.request('POST', `${base}/comments`, { body: options.comment });
  await client.request('PATCH', base, { state: 'closed', state_reason: 'completed' });
  return 'closed';
}

export interface SyncApplyIssueOptions {
  readonly repository: string;
  /** `commentMarker('apply-failed', environment)`. */
  readonly marker: string;
  readonly title: string;
  /** Stacks whose apply failed in this run, with the error and the step to re-run. */
  readonly failed: readonly string[];
  /** Stacks that now match main (applied, or nothing to apply). */
  readonly matching: readonly string[];
  /** The issue body for a failure (the marker included); the pending stacks are appended hidden. */
  readonly body?: string;
  /** The comment for this run's failure or recovery. */
  readonly comment: string;
  readonly botLogin?: string;
}

/**
 * ONE issue per environment lists the stacks whose changes were merged but not applied. A failed
 * apply opens (or reopens) it and adds its stacks; every later apply removes the stacks it
 * applied, and the issue is closed once none is left.
 */
export async function syncApplyIssue(
  client: GitHubClient,
  options: SyncApplyIssueOptions,
): Promise<'opened' | 'updated' | 'closed' | 'unchanged'> {
  const base = `/repos/${options.repository}/issues`;
  const issue = await findIssue(client, options);
  const open = issue?.state === 'open' ? issue : undefined;
  const pending = new Set([...(open ? stacksIn(open.body) : []), ...options.failed]);
  for (const stack of options.matching) if (!options.failed.includes(stack)) pending.delete(stack);
  if (options.failed.length === 0) {
    if (!open) return 'unchanged';
    if (pending.size > 0) {
      await client.request('PATCH', `${base}/${open.number}`, { body: withStacks(open.body ?? '', [...pending]) });
      await client.request('POST', `${base}/${open.number}/comments`, { body: options.comment });
      return 'updated';
    }
    await client.request('POST', `${base}/${open.number}/comments`, { body: options.comment });
    await client.request('PATCH', `${base}/${open.number}`, { state: 'closed', state_reason: 'completed' });
    return 'closed';
  }
  const body = options.body ?? '';
  requireMarker(options.marker, body);
  if (issue) {
    await client.request('PATCH', `${base}/${issue.number}`, { title: options.title, body: withStacks(body, [...pending]), state: 'open' });
    await client.request('POST', `${base}/${issue.number}/comments`, { body: options.comment });
    return 'updated';
  }
  await client.request('POST', base, { title: options.title, body: withStacks(body, [...pending]), labels: ['okta-apply-failed'] });
  return 'opened';
}

/** Puts a warning on top of our comment with `marker` (its old plan no longer holds); nothing when there is none. */
export async function markCommentOutdated(
  client: GitHubClient,
  options: { repository: string; issueNumber: number; marker: string; warning: string; botLogin?: string },
): Promise<'marked' | 'unchanged'> {
  const base = `/repos/${options.repository}/issues`;
  const existing = await ourMarkedComment(client, options);
  if (!existing?.body) return 'unchanged';
  const banner = `> [!WARNING]\n> **Outdated.** ${options.warning}\n`;
  const rest = existing.body.replace(options.marker, '').replace(/^\n*> \[!WARNING\]\n> \*\*Outdated\.\*\*.*\n/, '');
  await client.request('PATCH', `${base}/comments/${existing.id}`, { body: `${options.marker}\n${banner}${rest}` });
  return 'marked';
}

/** The last finished `pull-request.yml` run of the merged pull request that brought `sha` into main: its plans are the reviewed ones. */
export async function reviewedPlanRun(
  client: GitHubClient,
  repository: string,
  sha: string,
  workflowFile = 'pull-request.yml',
): Promise<{ pr: number; runId: number } | undefined> {
  const pulls = (await client.request('GET', `/repos/${repository}/commits/${sha}/pulls`)) as {
    number: number;
    merged_at?: string | null;
    head?: { sha?: string };
  }[];
  const pull = pulls.find((p) => p.merged_at && p.head?.sha);
  if (!pull) return undefined;
  const runs = (await client.request(
    'GET',
    `/repos/${repository}/actions/workflows/${workflowFile}/runs?event=pull_request&head_sha=${pull.head!.sha}&per_page=20`,
  )) as {
    workflow_runs: { id: number; status: string; conclusion: string | null; created_at: string }[];
  };
  // The newest finished run: its plans are the ones the pull request's comment showed last.
  const run = runs.workflow_runs.filter((r) => r.status === 'completed').sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
  return run ? { pr: pull.number, runId: run.id } : undefined;
}

/** The merged pull request that brought `sha` into the branch, if any (squash, merge or rebase). */
export async function pullRequestOfCommit(client: GitHubClient, repository: string, sha: string): Promise<number | undefined> {
  const pulls = (await client.request('GET', `/repos/${repository}/commits/${sha}/pulls`)) as {
    number: number;
    merged_at?: string | null;
  }[];
  return pulls.find((p) => p.merged_at)?.number;
}

function requireMarker(marker: string, body: string): void {
  if (!body.includes(marker))
    throw new Error(`the body must contain its marker ${marker}, or the next run could not find it; render it with commentMarker()`);
}
