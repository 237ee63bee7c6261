import { nextLink } from './link-header';

/**
 * A small read-only client for the Okta management API, shared by the commands that read an
 * org directly (`orphans`, `adopt`): one page or every page of a GET, backing off on 429 until
 * the window resets, and staying inside the environment's rate-limit budget.
 */

/** How to reach the org's management API. */
export interface OktaConnection {
  /** `https://<orgName>.<baseUrl>`, or OKTA_HTTP_PROXY when set (as the provider does: it replaces the org URL). */
  readonly baseUrl: string;
  /** The Authorization header value, e.g. `SSWS <token>`. */
  readonly authorization: string;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** Most 429 answers in a row before giving up. @default 5 */
  readonly maxRateLimitRetries?: number;
  /**
   * Percent of each rate-limit bucket this client may use (the environment's `maxApiCapacity`):
   * once Okta reports more of the bucket used, the client waits for the window to reset, as the
   * provider does, so a long read leaves room for the org's sign-ins. @default 100
   */
  readonly maxApiCapacity?: number;
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The connection the environment variables describe for org `<orgName>.<baseUrl>`; `purpose` says why a token is needed. */
export function connectionFromEnvironment(
  orgName: string,
  baseUrl: string,
  env: NodeJS.ProcessEnv,
  purpose = 'the orphan check lists apps',
): OktaConnection {
  const token = env.OKTA_API_TOKEN?.trim();
  if (!token) throw new Error(`OKTA_API_TOKEN is not set: ${purpose} with an API token of a read-only admin`);
  const proxy = env.OKTA_HTTP_PROXY?.trim();
  return { baseUrl: (proxy || `https://${orgName}.${baseUrl}`).replace(/\/+$/, ''), authorization: `SSWS ${token}` };
}

/**
 * Waits until Okta's window resets (X-Rate-Limit-Reset, epoch seconds) plus a second, never
 * less than a second: the check must not add to a storm the apply may have caused.
 */
export function rateLimitWaitMs(reset: string | null, now: number): number {
  const resetSeconds = Number(reset);
  if (!reset || !Number.isFinite(resetSeconds)) return 60_000;
  return Math.max(1000, resetSeconds * 1000 - now + 1000);
}

/**
 * How long to pause after an answer so that the org's use of its bucket stays within
 * `maxApiCapacity` percent: 0 while under it, else until the window resets.
 */
export function budgetWaitMs(headers: Headers, maxApiCapacity: number, now: number): number {
  const limit = Number(headers.get('x-rate-limit-limit'));
  const remaining = Number(headers.get('x-rate-limit-remaining'));
  if (!headers.has('x-rate-limit-limit') || !headers.has('x-rate-limit-remaining') || !(limit > 0) || !Number.isFinite(remaining)) return 0;
  const used = limit - remaining;
  return used >= (limit * maxApiCapacity) / 100 ? rateLimitWaitMs(headers.get('x-rate-limit-reset'), now) : 0;
}

/** One GET, retried on 429; returns the parsed body and the answer's headers. */
async function request(connection: OktaConnection, url: string): Promise<{ body: unknown; headers: Headers }> {
  const doFetch = connection.fetch ?? fetch;
  const sleep = connection.sleep ?? sleepFor;
  const now = connection.now ?? Date.now;
  const maxRetries = connection.maxRateLimitRetries ?? 5;
  for (let retries = 0; ; retries++) {
    const response = await doFetch(url, { headers: { Accept: 'application/json', Authorization: connection.authorization } });
    if (response.status === 429 && retries < maxRetries) {
      await sleep(rateLimitWaitMs(response.headers.get('x-rate-limit-reset'), now()));
      continue;
    }
    if (!response.ok)
      throw new Error(`GET ${url.replace(connection.baseUrl, '')} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    const body = (await response.json()) as unknown;
    const pause = budgetWaitMs(response.headers, connection.maxApiCapacity ?? 100, now());
    if (pause > 0) await sleep(pause);
    return { body, headers: response.headers };
  }
}

/** `GET <path>` (path and query, e.g. `/api/v1/apps/0oa…`): the parsed answer. */
export async function getJson(connection: OktaConnection, path: string): Promise<unknown> {
  return (await request(connection, `${connection.baseUrl}${path}`)).body;
}

/** Every item of a paged list (`GET <path>`, following `Link: rel="next"`); `onPage` sees the count so far. */
export async function getAllPages(connection: OktaConnection, path: string, onPage?: (count: number) => void): Promise<unknown[]> {
  const items: unknown[] = [];
  let url: string | undefined = `${connection.baseUrl}${path}`;
  while (url) {
    const { body, headers } = await request(connection, url);
    if (!Array.isArray(body)) throw new Error(`GET ${path.split('?')[0]} did not answer a list`);
    items.push(...body);
    onPage?.(items.length);
    url = rebase(nextLink(headers.get('link')), connection.baseUrl);
  }
  return items;
}

/** Okta's next links name the org's own host; through a proxy the same path goes to the proxy. */
function rebase(link: string | undefined, baseUrl: string): string | undefined {
  if (!link) return undefined;
  const parsed = new URL(link);
  return `${baseUrl}${parsed.pathname}${parsed.search}`;
}
